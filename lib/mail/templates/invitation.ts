import "server-only";
import type { RenderedMail } from "@/lib/mail/templates/rendered-mail";
import { escapeHtml } from "@/lib/text/escape-html";

/**
 * The invitation an admin sends an address: who invited it (their name, when they have one), and the sign-in
 * page (`signInUrl`), where the address asks for its sign-in link as any member does. The mail holds no secret:
 * the invitation is the address being on the list, not the link.
 */
export function invitationMail({
  signInUrl,
  invitedBy,
}: {
  signInUrl: string;
  invitedBy: string | null;
}): RenderedMail {
  const { host } = new URL(signInUrl);
  const who = invitedBy ? `${invitedBy}, an admin of Daily Papers (${host}),` : `An admin of Daily Papers (${host})`;
  const text = `${who} invited you to sign in there with this address.\n\nOpen the sign-in page and ask for a sign-in link:\n\n${signInUrl}\n\nIf you do not know why you got this, ignore it: nothing happens unless you sign in.\n`;
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#18181b">
<p>${escapeHtml(who)} invited you to sign in there with this address.</p>
<p><a href="${escapeHtml(signInUrl)}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:#18181b;color:#fff;text-decoration:none">Open the sign-in page</a></p>
<p style="color:#71717a;font-size:13px">Ask for a sign-in link there with this address. If you do not know why you got this, ignore it: nothing happens unless you sign in.</p>
</body></html>`;
  return { subject: "You are invited to Daily Papers", text, html };
}
