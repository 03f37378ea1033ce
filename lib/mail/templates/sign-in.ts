import "server-only";
import type { RenderedMail } from "@/lib/mail/templates/rendered-mail";
import { escapeHtml } from "@/lib/text/escape-html";

/**
 * The sign-in email Auth.js sends for an address: its one-time link (`url`) as a button, and as plain text
 * for clients that show no HTML.
 */
export function signInMail(url: string): RenderedMail {
  const { host } = new URL(url);
  const text = `Sign in to Daily Papers (${host}) by opening this link:\n\n${url}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this email.\n`;
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#18181b">
<p>Sign in to <strong>Daily Papers</strong> (${escapeHtml(host)}):</p>
<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:#18181b;color:#fff;text-decoration:none">Sign in</a></p>
<p style="color:#71717a;font-size:13px">The link works once and expires in 24 hours. If you did not ask for it, ignore this email.</p>
</body></html>`;
  return { subject: "Sign in to Daily Papers", text, html };
}
