import "server-only";
import { singleSignOnName } from "@/lib/auth/config";
import { signInLimitedMessage } from "@/lib/auth/sign-in-limits";
import { refusalMessage, signInRules } from "@/lib/auth/sign-in-policy";
import { rateLimit } from "@/lib/rate-limits";

/**
 * The sentence the sign-in page shows for `?error=<name>`: Auth.js's error names, and those of our own refusals
 * (the route guard, the sign-in rule, single sign-on's failures, lib/auth/sign-in-failures.ts). Anything else
 * gets a general sentence, so a crafted name shows nothing it chose.
 */
export function signInErrorMessage(name: string): string {
  const provider = singleSignOnName() ?? "Single sign-on";
  const messages: Record<string, string> = {
    Verification: "That sign-in link has expired or was already used. Ask for a new one.",
    OAuthAccountNotLinked: "That email already signs in another way. Use the email link.",
    EmailInvalid: "Enter a valid email address.",
    // Redirected here without the wait left (lib/auth/route-guard.ts): the whole window, said as the form says it.
    EmailLimit: signInLimitedMessage(rateLimit("sign-in-address").durationSeconds),
    NotAllowed: refusalMessage(signInRules()),
    AccessDenied: "That account may not sign in here.",
    GitHubUnverified:
      "Your GitHub account has no email address GitHub has verified, so it cannot sign you in here. Verify one there first, or use the email link.",
    OidcUnavailable: `${provider} is not answering right now, so you cannot sign in with it. Try again later, or use the email link.`,
    OidcAudience: `${provider} answered with a sign-in meant for another site (wrong audience), so you are not signed in. Ask an admin to check the single sign-on setup.`,
    OidcExpired: `${provider}'s sign-in had already expired when it reached us, so you are not signed in. Try again; if it keeps happening, the clocks of the two servers disagree.`,
    OidcDenied: `You did not allow Daily Papers to use your ${provider} account, so you are not signed in.`,
    OidcUnverified: `${provider} has not verified your email address, so it cannot sign you in here. Verify it there first, or use the email link.`,
    OidcNoEmail: `${provider} did not share an email address, which signing in here needs. Allow it there, or use the email link.`,
    OidcFailed: `Signing in with ${provider} did not work. Please try again, or use the email link.`,
  };
  // Own keys only: "?error=constructor" must not find Object's prototype.
  return Object.hasOwn(messages, name) ? messages[name]! : "Signing in did not work. Please try again.";
}
