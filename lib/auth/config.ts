import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth from "next-auth";
import GitHub from "next-auth/providers/github";
import Nodemailer from "next-auth/providers/nodemailer";
import { prisma } from "@/lib/db/client";
import { appUrl, loadEnv } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";
import { signInMail } from "@/lib/mail/templates/sign-in";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";
import { signInEmailSchema } from "@/lib/auth/sign-in-limits";
import { assignUsername } from "@/lib/auth/username";

// Auth.js builds its links and redirects (the sign-in link it mails included) from AUTH_URL, and without it
// from the request's X-Forwarded-Host or Host, which the client writes: a sign-in form posted with
// `Host: evil.example` mailed the victim a working link to evil.example (issue 20). So it always gets the
// site's one origin, whatever the environment said.
process.env.AUTH_URL = `${appUrl()}/api/auth`;

/**
 * Auth.js (next-auth v5): email magic links through SMTP (or the development mailbox), GitHub when
 * GITHUB_ID/GITHUB_SECRET are set, sessions stored in the database.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = loadEnv();
  const adapter = PrismaAdapter(prisma as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    adapter: {
      ...adapter,
      // Only the newest sign-in link works: asking again voids the address's earlier links.
      async createVerificationToken(token) {
        const [, created] = await prisma.$transaction([
          prisma.verificationToken.deleteMany({ where: { identifier: token.identifier } }),
          prisma.verificationToken.create({ data: token }),
        ]);
        return created;
      },
    },
    session: { strategy: "database" },
    secret: env.AUTH_SECRET,
    // Auth.js's own origin check; its URLs come from AUTH_URL above, never from the Host header.
    trustHost: true,
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    providers: [
      Nodemailer({
        // Unused: sendVerificationRequest below sends through lib/mail, which falls back to the mailbox.
        server: env.SMTP_URL ?? "smtp://localhost:25",
        from: env.EMAIL_FROM,
        // Auth.js's own check let `<script>@example.com` and `a@[127.0.0.1]` through on its route.
        normalizeIdentifier(identifier) {
          const email = signInEmailSchema.safeParse(identifier);
          if (!email.success) throw new Error("Not a valid email address.");
          return email.data;
        },
        async sendVerificationRequest({ identifier, url }) {
          await sendMail({ to: identifier, ...signInMail(onThisSite(url)) });
        },
      }),
      ...(env.GITHUB_ID && env.GITHUB_SECRET
        ? [GitHub({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET })]
        : []),
    ],
    callbacks: {
      // Auth.js's default threw on a callbackUrl that is neither a path nor a URL (a 500), and let
      // "/.//evil.example" through.
      redirect: ({ url, baseUrl }) => safeCallbackUrl(url, baseUrl),
    },
    events: {
      async createUser({ user }) {
        if (user.id) await assignUsername(user.id);
      },
    },
  };
});

/**
 * Auth.js's link with the site's origin: its path and query (the token) on `appUrl()`. Auth.js's own origin
 * comes from AUTH_URL, but passes through Next.js's request URL, which turns 127.0.0.1 into "localhost"; and
 * whatever it says, a sign-in link to another origin is never mailed.
 */
function onThisSite(url: string): string {
  const { pathname, search } = new URL(url);
  return `${appUrl()}${pathname}${search}`;
}

/** Whether GitHub sign-in is offered (both variables set). */
export function githubEnabled(): boolean {
  const env = loadEnv();
  return Boolean(env.GITHUB_ID && env.GITHUB_SECRET);
}
