import "server-only";
import { prisma } from "@/lib/db/client";
import { loadEnv, type Env } from "@/lib/env";

/**
 * Who may sign in: one rule for every way in — the sign-in page's server action, Auth.js's own
 * `POST /api/auth/signin/nodemailer` (lib/auth/route-guard.ts) and Auth.js's `signIn` callback, which GitHub and
 * single sign-on pass through and which runs again before any sign-in mail is sent.
 */

/** What the rule reads from the environment. */
export interface SignInRules {
  /** ADMIN_EMAILS, lowercased. */
  adminEmails: readonly string[];
  /** ALLOWED_EMAIL_DOMAINS, lowercased; empty when unset. */
  allowedDomains: readonly string[];
  siteAccess: Env["SITE_ACCESS"];
}

/** What the rule needs to know about one address (read from the database by `checkSignInAddress`). */
export interface AddressFacts {
  /** An admin invited it (an Invite row not revoked). */
  invited: boolean;
  /** An admin invited it and revoked the invitation since. */
  revoked: boolean;
  /** A member already has it. */
  hasAccount: boolean;
}

export type SignInVerdict = { allowed: true } | { allowed: false; message: string };

/** The rules of this process's environment. */
export function signInRules(env: Env = loadEnv()): SignInRules {
  return { adminEmails: env.ADMIN_EMAILS, allowedDomains: env.ALLOWED_EMAIL_DOMAINS, siteAccess: env.SITE_ACCESS };
}

/**
 * The domain of `email`, lowercased: what follows its last "@", or null when there is none. The last one,
 * because a quoted local part may hold an "@" of its own.
 */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 1 || at === email.length - 1) return null;
  return email.slice(at + 1).toLowerCase();
}

/**
 * Whether `email` may sign in, by the rules and the facts; pure. An admin address or an invited one always
 * may; otherwise, with allowed domains, only an address whose domain is exactly one of them (case aside: no
 * suffix or prefix matches, so neither `evil-lab.example.org` nor `lab.example.org.evil.com` passes for
 * `lab.example.org`); without, anyone on a public site, and only existing members on a members-only one — not
 * those whose invitation was revoked (the account it made is no ground of its own).
 * A missing address (a GitHub account that shares none) passes only where anyone may sign in.
 */
export function signInVerdict(email: string | null, facts: AddressFacts, rules: SignInRules): SignInVerdict {
  const address = email?.trim().toLowerCase() ?? "";
  const domain = address ? emailDomain(address) : null;
  if (domain && rules.adminEmails.includes(address)) return { allowed: true };
  if (domain && facts.invited) return { allowed: true };
  if (rules.allowedDomains.length > 0) {
    return domain && rules.allowedDomains.includes(domain)
      ? { allowed: true }
      : { allowed: false, message: refusalMessage(rules) };
  }
  if (rules.siteAccess === "public") return { allowed: true };
  return domain && facts.hasAccount && !facts.revoked
    ? { allowed: true }
    : { allowed: false, message: refusalMessage(rules) };
}

/** The sentence a refused address gets: who may sign in here, and that an admin can invite. */
export function refusalMessage(rules: Pick<SignInRules, "allowedDomains">): string {
  const domains = rules.allowedDomains;
  if (domains.length === 0) return "Sign-in here is for members, or by invitation: ask an admin.";
  const list =
    domains.length === 1 ? domains[0] : `${domains.slice(0, -1).join(", ")} or ${domains[domains.length - 1]}`;
  return `Sign-in here is for addresses at ${list}, or by invitation: ask an admin.`;
}

/** Whether the rules can refuse anyone at all (so the database need not be asked on an open site). */
function restricts(rules: SignInRules): boolean {
  return rules.allowedDomains.length > 0 || rules.siteAccess === "members";
}

/**
 * Whether `email` (normalised) may sign in here: the rule of this environment, with the address's invitation and
 * account read from the database, only as far as the rule needs them.
 */
export async function checkSignInAddress(email: string | null, rules = signInRules()): Promise<SignInVerdict> {
  if (!restricts(rules)) return { allowed: true };
  const address = email?.trim().toLowerCase() || null;
  const facts = address ? await addressFacts(address, rules) : { invited: false, revoked: false, hasAccount: false };
  return signInVerdict(address, facts, rules);
}

async function addressFacts(email: string, rules: SignInRules): Promise<AddressFacts> {
  const invite = await prisma.invite.findUnique({ where: { email }, select: { revokedAt: true } });
  const invited = invite !== null && invite.revokedAt === null;
  // Only a members-only site without domains asks whether the address already has an account.
  const needsAccount = !invited && rules.allowedDomains.length === 0 && rules.siteAccess === "members";
  const account = needsAccount ? await prisma.user.findUnique({ where: { email }, select: { id: true } }) : null;
  return { invited, revoked: invite?.revokedAt != null, hasAccount: account !== null };
}
