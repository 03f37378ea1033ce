import "server-only";
import { RateLimiterMemory, RateLimiterPrisma, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { prisma } from "@/lib/db";

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
