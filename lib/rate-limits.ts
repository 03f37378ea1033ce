import "server-only";
import { loadEnv } from "@/lib/env";
import type { RateLimit } from "@/lib/rate-limit";

/**
 * Every rate limit of the app, in one table (counted by lib/rate-limit.ts). Counted in PostgreSQL unless
 * said otherwise, so a limit holds across app servers; votes are counted in each server's memory, as they
 * guard only that server's load (a vote toggles one row per member and paper) and come in bursts.
 */
const LIMITS = {
  /** Votes per member a minute (UPVOTE_RATE_LIMIT). */
  upvote: () => ({ points: loadEnv().UPVOTE_RATE_LIMIT, durationSeconds: 60, store: "memory" }),
  /** New comments and replies per member: a conversation rarely needs more; a spammer is slowed to one a minute. */
  comment: () => ({ points: 10, durationSeconds: 600 }),
  /** Edits and deletions per member: more generous (fixing a typo twice is normal) but bounded. */
  "comment-change": () => ({ points: 30, durationSeconds: 600 }),
  /** Profile saves per member: each rename rewrites cached pages. */
  profile: () => ({ points: 10, durationSeconds: 60 }),
  /** Submissions per member an hour (SUBMIT_RATE_LIMIT). */
  submit: () => ({ points: loadEnv().SUBMIT_RATE_LIMIT, durationSeconds: 3600 }),
  /** Sign-in links one address may be sent. */
  "sign-in-address": () => ({ points: 3, durationSeconds: 15 * 60 }),
  /** Sign-in links one client (IP) may ask for, whatever the addresses. */
  "sign-in-client": () => ({ points: 10, durationSeconds: 15 * 60 }),
} satisfies Record<string, () => Omit<RateLimit, "name">>;

export type RateLimitName = keyof typeof LIMITS;

/** The limit called `name`, as configured now. */
export function rateLimit(name: RateLimitName): RateLimit {
  return { name, ...LIMITS[name]() };
}

/** "Try again in 45 s." / "in 4 min 10 s." / "in 2 h.": the one way a refusal says when to come back. */
export function tryAgainIn(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return `Try again in ${whole} s.`;
  if (whole < 3600) {
    const minutes = Math.floor(whole / 60);
    const rest = whole % 60;
    return `Try again in ${rest ? `${minutes} min ${rest} s` : `${minutes} min`}.`;
  }
  return `Try again in ${Math.ceil(whole / 3600)} h.`;
}
