/**
 * What a signed-out reader was doing when sent to sign in (upvote a paper, subscribe), kept in
 * localStorage so it survives the trip through the email link (which opens a new tab) and is carried out
 * once on return. Only this site's own pages can write it, so a cross-site link cannot cast a vote.
 */
export type PendingIntent = { kind: "upvote"; paperId: string } | { kind: "subscribe" };

const KEY = "daily-papers:pending-intent";
const MAX_AGE_MS = 30 * 60 * 1000;

export function rememberIntent(intent: PendingIntent): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...intent, at: Date.now() }));
  } catch {
    // Storage unavailable: the reader just clicks again after signing in.
  }
}

/** Removes and returns the pending intent if it matches `matches` and is recent. */
export function takeIntent(matches: (intent: PendingIntent) => boolean): PendingIntent | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const stored = JSON.parse(raw) as PendingIntent & { at: number };
    if (Date.now() - stored.at > MAX_AGE_MS) {
      localStorage.removeItem(KEY);
      return null;
    }
    if (!matches(stored)) return null;
    localStorage.removeItem(KEY);
    return stored;
  } catch {
    return null;
  }
}

export function signInHref(returnTo: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(returnTo)}`;
}
