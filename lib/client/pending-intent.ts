import "client-only";

/**
 * What a signed-out reader was doing when sent to sign in (upvote a paper, subscribe), kept in
 * localStorage so it survives the trip through the email link (which opens a new tab) and is carried out
 * once on return. Only this site's own pages can write it, so a cross-site link cannot cast a vote.
 */
export type PendingIntent = { kind: "upvote"; paperId: string } | { kind: "subscribe" };

type StoredIntent = PendingIntent & { at: number };

const KEY = "daily-papers:pending-intent";
const MAX_AGE_MS = 30 * 60 * 1000;

function sameIntent(a: PendingIntent, b: PendingIntent): boolean {
  return a.kind === "upvote" ? b.kind === "upvote" && a.paperId === b.paperId : a.kind === b.kind;
}

export function rememberIntent(intent: PendingIntent): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...intent, at: Date.now() }));
  } catch {
    // Storage unavailable: the reader just clicks again after signing in.
  }
}

/** Removes the pending intent if it is `intent` and recent, and says whether it was. */
export function takeIntent(intent: PendingIntent): boolean {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return false;
    const stored = JSON.parse(raw) as StoredIntent;
    if (Date.now() - stored.at > MAX_AGE_MS) {
      localStorage.removeItem(KEY);
      return false;
    }
    if (!sameIntent(stored, intent)) return false;
    localStorage.removeItem(KEY);
    return true;
  } catch {
    return false;
  }
}

/** The pending intent if it is recent, left in place (the sign-in page says why the reader is there). */
export function peekIntent(): PendingIntent | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const stored = JSON.parse(raw) as StoredIntent;
    return Date.now() - stored.at > MAX_AGE_MS ? null : stored;
  } catch {
    return null;
  }
}
