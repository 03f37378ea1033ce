import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth from "next-auth";
import GitHub from "next-auth/providers/github";
import Nodemailer from "next-auth/providers/nodemailer";
import { prisma } from "@/lib/db";
import { appUrl, loadEnv } from "@/lib/env";
import { sendMail } from "@/lib/mail/transport";
import { assignUsername } from "@/lib/auth/username";

function signInMail(url: string, host: string) {
  const text = `Sign in to Daily Papers (${host}) by opening this link:\n\n${url}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this email.\n`;
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#18181b">
<p>Sign in to <strong>Daily Papers</strong> (${host}):</p>
<p><a href="${url}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:#18181b;color:#fff;text-decoration:none">Sign in</a></p>
<p style="color:#71717a;font-size:13px">The link works once and expires in 24 hours. If you did not ask for it, ignore this email.</p>
</body></html>`;
  return { text, html };
}

// Auth.js builds its links and redirects from AUTH_URL, read before any configuration; without it, from
// the host name `next start` binds to, which the browser may not use. APP_URL is the public address.
if (loadEnv().APP_URL) process.env.AUTH_URL ??= `${appUrl()}/api/auth`;

/**
 * Auth.js (next-auth v5): email magic links through SMTP (or the development mailbox), GitHub when
 * GITHUB_ID/GITHUB_SECRET are set, sessions stored in the database.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = loadEnv();
  return {
    adapter: PrismaAdapter(prisma as unknown as Parameters<typeof PrismaAdapter>[0]),
    session: { strategy: "database" },
    secret: env.AUTH_SECRET,
    trustHost: true,
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    providers: [
      Nodemailer({
        // Unused: sendVerificationRequest below sends through lib/mail, which falls back to the mailbox.
        server: env.SMTP_URL ?? "smtp://localhost:25",
        from: env.EMAIL_FROM,
        async sendVerificationRequest({ identifier, url }) {
          const { host } = new URL(url);
          await sendMail({ to: identifier, subject: "Sign in to Daily Papers", ...signInMail(url, host) });
        },
      }),
      ...(env.GITHUB_ID && env.GITHUB_SECRET
        ? [GitHub({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET })]
        : []),
    ],
    events: {
      async createUser({ user }) {
        if (user.id) await assignUsername(user.id, user.email ?? user.name ?? "reader");
      },
    },
  };
});

/** Whether GitHub sign-in is offered (both variables set). */
export function githubEnabled(): boolean {
  const env = loadEnv();
  return Boolean(env.GITHUB_ID && env.GITHUB_SECRET);
}
