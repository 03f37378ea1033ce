import "server-only";
import { RateLimiterMemory, RateLimiterPrisma, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { prisma } from "@/lib/db/client";
import { loadEnv } from "@/lib/env";

/**
 * Rate limits, all here: the table of limits (`rateLimit`), how an action is counted against one
 * (`consumeAllowance`, `refundAllowance`), and the one sentence that tells a refused reader when to come
 * back (`tryAgainIn`).
 */

export interface RateLimit {
  /** Names the limit; keys of different limits never collide. */
  name: string;
  /** Allowed actions per window. */
  points: number;
  /** Window length in seconds. */
  durationSeconds: number;
  /**
   * Where it is counted: in PostgreSQL (the default), so it holds across app servers — for what costs more
   * than load (mail sent, content posted); or in this server's memory, for limits that only guard this
   * server's load against a flood (votes: toggles of one row per reader and paper), at no query per action.
   */
  store?: "database" | "memory";
}

export type Allowance = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Every rate limit of the app, in one table. Counted (`consumeAllowance`, below) in PostgreSQL unless
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
  /** Papers a member may mark seen a minute (each paper page they open): a reader opens a few; a script, more. */
  seen: () => ({ points: 120, durationSeconds: 60, store: "memory" }),
  /** Papers a member may add to, move in or remove from collections a minute: a burst of sorting, not a script. */
  "collection-item": () => ({ points: 120, durationSeconds: 60, store: "memory" }),
  /** Collections created, renamed, shared or deleted per member: a few at a time is normal. */
  "collection-change": () => ({ points: 30, durationSeconds: 600 }),
  /** Follows and mutes added or removed per member a minute: a person curates a few at a time; a script, more. */
  follow: () => ({ points: 60, durationSeconds: 60, store: "memory" }),
  /**
   * For you requests per member a minute (`GET /api/recommendations`): each ranks a month of papers, so a
   * script polling it is slowed; a reader or a client refreshing now and then never meets it.
   */
  recommendations: () => ({ points: 30, durationSeconds: 60, store: "memory" }),
  /**
   * MCP requests (`/mcp`) per client (IP) a minute. The JSON API's reads are cached answers; an MCP call is a
   * POST that is not, so it is counted: an agent makes a few calls a turn, a scraper many. Memory: it guards load.
   */
  mcp: () => ({ points: 120, durationSeconds: 60, store: "memory" }),
  /** Private feed addresses a member may rotate an hour: one after a leak is the use; more is a script. */
  "feed-key": () => ({ points: 5, durationSeconds: 3600 }),
  /**
   * MCP requests a minute per member who sends a personal token (all their tokens together), instead of the
   * `mcp` limit per IP: an agent of theirs on a shared address (a lab's NAT) is not slowed by strangers. Twice
   * the stranger's: a member's agent also reads their For you and collections.
   */
  "mcp-member": () => ({ points: 240, durationSeconds: 60, store: "memory" }),
  /** Personal access tokens made or revoked per member: a few at a time is normal; a script making them is not. */
  "access-token": () => ({ points: 20, durationSeconds: 600 }),
  /** Team chat webhooks an admin adds, enables, disables or deletes: a few at a time; each add resolves a host. */
  "chat-webhook": () => ({ points: 30, durationSeconds: 600 }),
  /** Test posts an admin sends to team chats: each is a request to someone else's server. */
  "chat-test": () => ({ points: 10, durationSeconds: 600 }),
  /** Profile saves per member: each rename rewrites cached pages. */
  profile: () => ({ points: 10, durationSeconds: 60 }),
  /** Submissions per member an hour (SUBMIT_RATE_LIMIT). */
  submit: () => ({ points: loadEnv().SUBMIT_RATE_LIMIT, durationSeconds: 3600 }),
  /** Invitations one admin may send an hour: each is a mail to an address someone typed. */
  invite: () => ({ points: 20, durationSeconds: 3600 }),
  /** Invitations one admin may revoke in 10 minutes: a clean-up, not a script. */
  "invite-revoke": () => ({ points: 60, durationSeconds: 600 }),
  /** Sign-in links one address may be sent. */
  "sign-in-address": () => ({ points: 3, durationSeconds: 15 * 60 }),
  /** Sign-in links one client (IP) may ask for, whatever the addresses. */
  "sign-in-client": () => ({ points: 10, durationSeconds: 15 * 60 }),
} satisfies Record<string, () => Omit<RateLimit, "name">>;

export type RateLimitName = keyof typeof LIMITS;

/**
 * How much one member may keep, beside how fast they may act (above): past a cap, the action is refused with
 * a sentence that names it. Every viewer request and digest matches a member's mutes and follows against papers,
 * so they stay bounded.
 */
export const MEMBER_CAPS = {
  /** Collections a member may own. */
  collections: 100,
  /** Papers in one collection (an export of this many still streams). */
  collectionItems: 10_000,
  /** Members one collection may be shared with. */
  collectionShares: 50,
  /** Authors, categories and keywords one member follows, all kinds together. */
  follows: 200,
  /** Authors, categories and keywords one member mutes, all kinds together. */
  mutes: 200,
  /** Personal access tokens for agents (lib/tokens/): one per agent or machine is plenty. */
  accessTokens: 20,
} as const;

/** The limit called `name`, as configured now. */
export function rateLimit(name: RateLimitName): RateLimit {
  return { name, ...LIMITS[name]() };
}

const limiters = new Map<string, RateLimiterAbstract>();

function limiterFor(limit: RateLimit): RateLimiterAbstract {
  const store = limit.store ?? "database";
  const id = `${store}:${limit.name}:${limit.points}:${limit.durationSeconds}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    const options = { keyPrefix: limit.name, points: limit.points, duration: limit.durationSeconds };
    limiter =
      store === "memory"
        ? new RateLimiterMemory(options)
        : new RateLimiterPrisma({ ...options, storeClient: prisma, tableName: "rateLimiterFlexible" });
    limiters.set(id, limiter);
  }
  return limiter;
}

/**
 * Counts one action of `key` against `limit` (in the database unless the limit says memory) and says
 * whether it is allowed, and if not, in how many seconds it will be.
 */
export async function consumeAllowance(limit: RateLimit, key: string): Promise<Allowance> {
  try {
    await limiterFor(limit).consume(key);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    throw rejection;
  }
}

/**
 * Gives back one action of `key` counted by `consumeAllowance`: for an action that failed through no fault
 * of the one who asked (an upstream server that did not answer), which should not use up their allowance.
 * Refused tries are counted too (beyond `points`), so the refund brings the count back under the limit first;
 * it never takes the count below zero.
 */
export async function refundAllowance(limit: RateLimit, key: string): Promise<void> {
  const limiter = limiterFor(limit);
  const consumed = (await limiter.get(key))?.consumedPoints ?? 0;
  if (consumed > 0) await limiter.reward(key, Math.min(consumed, Math.max(0, consumed - limit.points) + 1));
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
