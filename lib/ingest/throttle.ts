import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * One request at a time to an upstream host, with a gap between them, across every process that shares
 * the database (app servers, workers, the CLI). The `UpstreamThrottle` row of the host holds the time
 * the host is next free: while a request is in flight it holds a time in the future (the longest the
 * request may take), and when it ends it holds the end. A caller claims the host in a short transaction
 * under an advisory lock, only when `lastRequestAt + interval` has passed; otherwise it sleeps and looks
 * again. Times are the database's clock, so servers with skewed clocks still agree. A process that dies
 * mid-request frees the host when its pessimistic hold runs out.
 *
 * Transactions stay a few milliseconds long on purpose: the embedded database runs every connection on
 * one backend, so a transaction held across a sleep would stall the whole app.
 */

/** arXiv asks for no more than one request every three seconds. */
export const ARXIV_INTERVAL_MS = 3000;

export interface ThrottleOptions {
  /** Minimum gap between the end of one request and the start of the next. */
  intervalMs: number;
  /** How long a claim may last before others may assume its holder died (the request's own deadline). */
  holdMs: number;
  /** Longest a caller waits for its turn before giving up. */
  maxWaitMs?: number;
}

/** A claimed turn: call `release` when the request is over (successfully or not). */
export interface ThrottleTurn {
  /**
   * Frees the host, counting the gap from now. `extraDelayMs` pushes the next request further out for
   * every process (a `Retry-After` the host asked for).
   */
  release(extraDelayMs?: number): Promise<void>;
}

/** Thrown when the host stays busy for longer than `maxWaitMs`. */
export class ThrottleTimeoutError extends Error {
  constructor(host: string, waitedMs: number) {
    super(`waited ${Math.round(waitedMs / 1000)} s for a turn to call ${host}, which other requests kept busy`);
    this.name = "ThrottleTimeoutError";
  }
}

// Polling while another request is in flight: short enough that a free host is noticed quickly.
const IN_FLIGHT_POLL_MS = 100;

/**
 * Waits until `host` is free and claims it. Concurrent callers, in this process or others, go one at a
 * time with at least `intervalMs` between one's end and the next one's start.
 */
export async function claimTurn(prisma: PrismaClient, host: string, options: ThrottleOptions): Promise<ThrottleTurn> {
  const started = Date.now();
  const maxWaitMs = options.maxWaitMs ?? 10 * 60_000;
  for (;;) {
    const attempt = await tryClaim(prisma, host, options);
    if (attempt.claimed) {
      const token = attempt.token;
      return {
        release: (extraDelayMs = 0) => release(prisma, host, token, extraDelayMs),
      };
    }
    const waited = Date.now() - started;
    if (waited >= maxWaitMs) throw new ThrottleTimeoutError(host, waited);
    // In flight elsewhere: look again soon. Otherwise the gap's end is known; a little jitter keeps
    // waiters from arriving in the same millisecond.
    const pause = attempt.inFlight ? IN_FLIGHT_POLL_MS : attempt.waitMs + Math.random() * 20;
    await sleep(Math.max(5, Math.min(pause, maxWaitMs - waited)));
  }
}

type ClaimAttempt = { claimed: true; token: string } | { claimed: false; inFlight: boolean; waitMs: number };

async function tryClaim(prisma: PrismaClient, host: string, options: ThrottleOptions): Promise<ClaimAttempt> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`upstream-throttle:${host}`}))::text AS locked`;
    const claimed = await tx.$queryRaw<{ token: string }[]>`
      INSERT INTO "UpstreamThrottle" (host, "lastRequestAt")
      VALUES (${host}, clock_timestamp() + make_interval(secs => ${options.holdMs / 1000}))
      ON CONFLICT (host) DO UPDATE SET "lastRequestAt" = EXCLUDED."lastRequestAt"
        WHERE "UpstreamThrottle"."lastRequestAt" + make_interval(secs => ${options.intervalMs / 1000}) <= clock_timestamp()
      RETURNING "lastRequestAt"::text AS token`;
    const row = claimed[0];
    if (row) return { claimed: true, token: row.token };
    const state = await tx.$queryRaw<{ inFlight: boolean; waitMs: number }[]>`
      SELECT "lastRequestAt" > clock_timestamp() AS "inFlight",
             (EXTRACT(EPOCH FROM ("lastRequestAt" + make_interval(secs => ${options.intervalMs / 1000}) - clock_timestamp())) * 1000)::float8 AS "waitMs"
      FROM "UpstreamThrottle" WHERE host = ${host}`;
    return { claimed: false, inFlight: state[0]?.inFlight ?? false, waitMs: Math.max(0, state[0]?.waitMs ?? 0) };
  });
}

async function release(prisma: PrismaClient, host: string, token: string, extraDelayMs: number): Promise<void> {
  // Only our own claim is released: if it ran past its hold and someone else claimed the host since,
  // their claim stands. A transaction even for one statement: the embedded database's socket server
  // keeps only a transaction's protocol messages together, and other callers are polling concurrently.
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`
      UPDATE "UpstreamThrottle" SET "lastRequestAt" = clock_timestamp() + make_interval(secs => ${extraDelayMs / 1000})
      WHERE host = ${host} AND "lastRequestAt"::text = ${token}`;
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
