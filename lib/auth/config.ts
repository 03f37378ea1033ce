import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { customFetch, type Account, type Profile } from "next-auth";
import Nodemailer from "next-auth/providers/nodemailer";
import type { OIDCConfig } from "next-auth/providers";
import { prisma } from "@/lib/db/client";
import { appUrl, loadEnv, type Env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";
import { signInMail } from "@/lib/mail/templates/sign-in";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";
import { recordAuthError } from "@/lib/auth/sign-in-failures";
import { checkSignInAddress } from "@/lib/auth/sign-in-policy";
import { signInEmailSchema } from "@/lib/auth/sign-in-limits";
import { assignUsername } from "@/lib/auth/username";
import { gitHubProvider } from "@/lib/auth/github";

// Auth.js builds its links and redirects (the sign-in link it mails included) from AUTH_URL, and without it
// from the request's X-Forwarded-Host or Host, which the client writes: a sign-in form posted with
// `Host: evil.example` mailed the victim a working link to evil.example (issue 20). So it always gets the
// site's one origin, whatever the environment said.
process.env.AUTH_URL = `${appUrl()}/api/auth`;

/**
 * Auth.js (next-auth v5): email magic links through SMTP (or the development mailbox), GitHub when
 * GITHUB_ID/GITHUB_SECRET are set, a generic OpenID Connect provider when OIDC_ISSUER, OIDC_CLIENT_ID and
 * OIDC_CLIENT_SECRET are, sessions stored in the database. Who may sign in is decided in `signIn`, for every
 * provider, by the rule of lib/auth/sign-in-policy.ts.
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
      ...(env.GITHUB_ID && env.GITHUB_SECRET ? [gitHubProvider(env.GITHUB_ID, env.GITHUB_SECRET)] : []),
      ...(oidcEnabled(env) ? [singleSignOn(env)] : []),
    ],
    // Kept per request, so a failed single sign-on lands on the sign-in page with its reason (sign-in-failures.ts).
    logger: { error: recordAuthError },
    callbacks: {
      // Auth.js's default threw on a callbackUrl that is neither a path nor a URL (a 500), and let
      // "/.//evil.example" through.
      redirect: ({ url, baseUrl }) => safeCallbackUrl(url, baseUrl),
      // Runs before a sign-in mail is sent, when its link is opened, and before an OAuth account signs in or is
      // created or linked; a path is where the refused reader is sent, with the reason.
      signIn: ({ user, account, profile }) => signInAllowed(user.email ?? null, account ?? null, profile),
    },
    events: {
      async createUser({ user }) {
        if (user.id) await assignUsername(user.id);
      },
      async signIn({ user, account, profile }) {
        if (!user.id || !user.email) return;
        // Auth.js creates OAuth users unverified; the provider's word that it verified the address counts here.
        if (account?.provider === "oidc" && emailVerified(profile) && sameAddress(profile?.email, user.email)) {
          await prisma.user.updateMany({
            where: { id: user.id, emailVerified: null },
            data: { emailVerified: new Date() },
          });
        }
        await prisma.invite.updateMany({
          where: { email: user.email.toLowerCase(), usedAt: null, revokedAt: null },
          data: { usedAt: new Date() },
        });
      },
    },
  };
});

/** Whether single sign-on is configured (the three variables; lib/env.ts refuses one or two of them). */
function oidcEnabled(
  env: Env,
): env is Env & { OIDC_ISSUER: string; OIDC_CLIENT_ID: string; OIDC_CLIENT_SECRET: string } {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}

/** How long a request to the OpenID Connect provider may take before it counts as down. */
const OIDC_TIMEOUT_MS = 10_000;

/**
 * The generic OpenID Connect provider: discovery from OIDC_ISSUER, PKCE, state and nonce, the profile from the
 * userinfo endpoint (where the standard puts `email` and `email_verified`; many providers leave them out of the
 * ID token, which is still checked: issuer, audience, expiry, nonce). Accounts are linked by address only
 * when the provider verified it (`signInAllowed`), which is why Auth.js's own refusal to link is off.
 */
function singleSignOn(env: Env & { OIDC_ISSUER: string; OIDC_CLIENT_ID: string; OIDC_CLIENT_SECRET: string }) {
  const provider: OIDCConfig<Profile> = {
    id: "oidc",
    name: env.OIDC_NAME,
    type: "oidc",
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    checks: ["pkce", "state", "nonce"],
    idToken: false,
    allowDangerousEmailAccountLinking: true,
    profile(profile) {
      return {
        id: String(profile.sub),
        name: stringClaim(profile.name) ?? stringClaim(profile.preferred_username) ?? null,
        email: stringClaim(profile.email)?.toLowerCase() ?? null,
        image: stringClaim(profile.picture) ?? null,
      };
    },
    // A provider that does not answer is down after OIDC_TIMEOUT_MS, not after the system's TCP timeout.
    [customFetch]: (input: RequestInfo | URL, init?: RequestInit) =>
      fetch(input, { ...init, signal: AbortSignal.timeout(OIDC_TIMEOUT_MS) }),
  };
  return provider;
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

/** The provider said it verified the address (`email_verified`, a boolean, or the string some providers send). */
function emailVerified(profile: Profile | undefined): boolean {
  return profile?.email_verified === true || (profile?.email_verified as unknown) === "true";
}

function sameAddress(a: unknown, b: string): boolean {
  return typeof a === "string" && a.trim().toLowerCase() === b.toLowerCase();
}

/**
 * The `signIn` callback: true, or the sign-in page with the reason. An OAuth identity already linked to a
 * member is judged by the member's address; a new single sign-on identity needs an address its provider
 * verified (it may be linked to the member who has it: no takeover through an address nobody checked), and a new
 * GitHub identity one GitHub verified (lib/auth/github.ts); then the address must pass the sign-in rule.
 */
async function signInAllowed(
  email: string | null,
  account: Account | null,
  profile: Profile | undefined,
): Promise<true | string> {
  let address = email;
  if (account && account.type !== "email") {
    const linked = await prisma.account.findUnique({
      where: {
        provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId },
      },
      select: { user: { select: { email: true } } },
    });
    if (linked) {
      address = linked.user.email;
    } else if (account.provider === "oidc") {
      if (!address) return "/signin?error=OidcNoEmail";
      if (!emailVerified(profile) || !sameAddress(profile?.email, address)) return "/signin?error=OidcUnverified";
    } else if (account.provider === "github" && !address) {
      // lib/auth/github.ts keeps only an address GitHub verified.
      return "/signin?error=GitHubUnverified";
    }
  }
  const verdict = await checkSignInAddress(address);
  return verdict.allowed ? true : "/signin?error=NotAllowed";
}

/**
 * Auth.js's link with the site's origin: its path and query (the token) on `appUrl()`. Auth.js's own origin
 * comes from AUTH_URL, but passes through Next.js's request URL, which turns 127.0.0.1 into "localhost"; and
 * whatever it says, a sign-in link to another origin is never mailed.
 */
function onThisSite(url: string): string {
  const { pathname, search } = new URL(url);
  return `${appUrl()}${pathname}${search}`;
}

/** The single sign-on button's provider name (OIDC_NAME), or null when single sign-on is off. */
export function singleSignOnName(): string | null {
  const env = loadEnv();
  return oidcEnabled(env) ? env.OIDC_NAME : null;
}

/** Whether GitHub sign-in is offered (both variables set). */
export function githubEnabled(): boolean {
  const env = loadEnv();
  return Boolean(env.GITHUB_ID && env.GITHUB_SECRET);
}
