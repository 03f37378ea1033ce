import "server-only";
import GitHub from "next-auth/providers/github";

/** How long a request to GitHub's API may take before signing in counts as failed. */
const GITHUB_TIMEOUT_MS = 10_000;

interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

/**
 * The address a GitHub account signs in with: its primary address if GitHub verified it, else another it
 * verified, else none. Auth.js's GitHub provider takes the primary address (or the first) whether verified or not,
 * so an account showing an address nobody confirmed (`mallory@lab.example.org`, unverified) passed the allowed
 * domains, took an invitation, and became the account that address's owner later signed in to with an email link.
 */
export function verifiedGitHubAddress(emails: unknown): string | null {
  if (!Array.isArray(emails)) return null;
  const verified = emails.filter(
    (entry): entry is GitHubEmail =>
      typeof entry === "object" &&
      entry !== null &&
      typeof (entry as GitHubEmail).email === "string" &&
      (entry as GitHubEmail).verified === true,
  );
  const chosen = verified.find((entry) => entry.primary === true) ?? verified[0];
  return chosen ? chosen.email.trim().toLowerCase() : null;
}

/**
 * GitHub through Auth.js, with the member's address read from `/user/emails` (the `user:email` scope Auth.js
 * asks for) and only one GitHub verified; none, and the sign-in is refused (lib/auth/config.ts). `apiBaseUrl` is
 * GitHub's API (a GitHub Enterprise server's `/api/v3`, or a test's stand-in).
 */
export function gitHubProvider(clientId: string, clientSecret: string, apiBaseUrl = "https://api.github.com") {
  return GitHub({
    clientId,
    clientSecret,
    userinfo: {
      url: `${apiBaseUrl}/user`,
      async request({ tokens }: { tokens: { access_token?: string } }) {
        const headers = {
          Authorization: `Bearer ${tokens.access_token}`,
          Accept: "application/vnd.github+json",
          "User-Agent": "daily-papers",
        };
        const get = (path: string) =>
          fetch(`${apiBaseUrl}${path}`, { headers, signal: AbortSignal.timeout(GITHUB_TIMEOUT_MS) });
        const profileAnswer = await get("/user");
        if (!profileAnswer.ok) throw new Error(`GitHub answered ${profileAnswer.status} for the account.`);
        const profile = (await profileAnswer.json()) as Record<string, unknown>;
        const emailsAnswer = await get("/user/emails");
        profile.email = emailsAnswer.ok ? verifiedGitHubAddress(await emailsAnswer.json()) : null;
        return profile;
      },
    },
  });
}
