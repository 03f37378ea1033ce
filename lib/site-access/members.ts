import "server-only";
import { prisma } from "@/lib/db/client";
import { sessionTokenFromCookieHeader } from "@/lib/auth/session-cookie";
import { feedKeyVersionOf, parseFeedKey, signatureMatches } from "@/lib/site-access/feed-keys";

/**
 * Whether a request comes from a member, for the members-only gate: a live session, or a valid feed key. Each
 * answer is remembered for a few seconds per server (so a member's page views cost no query each), and a
 * member seen recently is still let in while the database cannot be asked — the page cache keeps serving
 * them what it holds, as it does on a public site. A stranger is never let in on a failed check.
 */
const FRESH_MS = 10_000;
/** How long a member last confirmed is still let in while the database is down. */
const OUTAGE_GRACE_MS = 5 * 60_000;
const MAX_REMEMBERED = 10_000;
const MEMOS = Symbol.for("daily-papers.site-access.memos");

interface Remembered {
  member: boolean;
  checkedAt: number;
}

class CheckMemo {
  private readonly entries = new Map<string, Remembered>();

  async check(key: string, ask: () => Promise<boolean>, now = Date.now()): Promise<boolean> {
    const known = this.entries.get(key);
    if (known && now - known.checkedAt < FRESH_MS) return known.member;
    let member: boolean;
    try {
      member = await ask();
    } catch (error) {
      if (known?.member && now - known.checkedAt < OUTAGE_GRACE_MS) return true;
      throw error;
    }
    if (this.entries.size >= MAX_REMEMBERED) this.entries.clear();
    this.entries.set(key, { member, checkedAt: now });
    return member;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}

/**
 * One pair of memos per process, on `globalThis`: the front server and Next.js's own bundle (where a member's
 * server action rotates their key) each load this module, and must forget the same key.
 */
const memos = ((globalThis as { [MEMOS]?: { sessions: CheckMemo; feedKeys: CheckMemo } })[MEMOS] ??= {
  sessions: new CheckMemo(),
  feedKeys: new CheckMemo(),
});
const { sessions, feedKeys } = memos;

/** Whether the request's cookies hold a live session. Throws when the database could not be asked. */
export function hasMemberSession(cookieHeader: string | undefined): Promise<boolean> {
  const token = sessionTokenFromCookieHeader(cookieHeader);
  if (!token) return Promise.resolve(false);
  return sessions.check(token, async () => {
    const session = await prisma.session.findUnique({ where: { sessionToken: token }, select: { expires: true } });
    return session !== null && session.expires > new Date();
  });
}

/** Whether `key` is a member's current feed key. Throws when the database could not be asked. */
export function isMemberFeedKey(key: string): Promise<boolean> {
  const parsed = parseFeedKey(key);
  if (!parsed) return Promise.resolve(false);
  return feedKeys.check(key, async () => {
    const version = await feedKeyVersionOf(parsed.userId);
    return version !== null && signatureMatches(parsed.userId, version, parsed.signature);
  });
}

/** Forgets what this server remembers of a key (after the member rotated it here). */
export function forgetFeedKey(key: string): void {
  feedKeys.forget(key);
}
