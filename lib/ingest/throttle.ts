import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
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
  /**
   * Longest a caller waits out a `Retry-After` the host gave (to any process): when the host asked for
   * more, the claim fails at once with `RetryAfterPendingError` instead of calling it early.
   */
  maxRetryAfterWaitMs?: number;
}

/** A claimed turn: call `release` when the request is over (successfully or not). */
export interface ThrottleTurn {
  /**
   * Frees the host, counting the gap from now. `extraDelayMs` (a `Retry-After` the host asked for, at most
   * `MAX_HONOURED_RETRY_AFTER_MS`) is recorded as the host's `notBefore`: no process calls it sooner.
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

/**
 * The longest `Retry-After` honoured: a host asking for more (a misconfigured header, days ahead) is left
 * alone for this long, then called again.
 */
export const MAX_HONOURED_RETRY_AFTER_MS = 60 * 60_000;

/** Thrown when the host asked (Retry-After) not to be called before a time further off than the caller waits. */
export class RetryAfterPendingError extends Error {
  constructor(
    host: string,
    readonly notBefore: Date,
  ) {
    super(
      `${host} asked not to be called before ${notBefore.toISOString().slice(0, 19).replace("T", " ")} UTC (Retry-After); no request goes to it sooner, from any process`,
    );
    this.name = "RetryAfterPendingError";
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
    if (attempt.notBefore && attempt.waitMs > (options.maxRetryAfterWaitMs ?? maxWaitMs)) {
      throw new RetryAfterPendingError(host, attempt.notBefore);
    }
    const waited = Date.now() - started;
    if (waited >= maxWaitMs) throw new ThrottleTimeoutError(host, waited);
    // In flight elsewhere: look again soon. Otherwise the gap's end is known; a little jitter keeps
    // waiters from arriving in the same millisecond.
    const pause = attempt.inFlight ? IN_FLIGHT_POLL_MS : attempt.waitMs + Math.random() * 20;
    await sleep(Math.max(5, Math.min(pause, maxWaitMs - waited)));
  }
}

type ClaimAttempt =
  | { claimed: true; token: string }
  /** `notBefore` when a Retry-After holds the host (then `waitMs` is until it ends). */
  | { claimed: false; inFlight: boolean; waitMs: number; notBefore?: Date };

async function tryClaim(prisma: PrismaClient, host: string, options: ThrottleOptions): Promise<ClaimAttempt> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`upstream-throttle:${host}`}))::text AS locked`;
    const claimed = await tx.$queryRaw<{ token: string }[]>`
      INSERT INTO "UpstreamThrottle" (host, "lastRequestAt")
      VALUES (${host}, clock_timestamp() + make_interval(secs => ${options.holdMs / 1000}))
      ON CONFLICT (host) DO UPDATE SET "lastRequestAt" = EXCLUDED."lastRequestAt"
        WHERE "UpstreamThrottle"."lastRequestAt" + make_interval(secs => ${options.intervalMs / 1000}) <= clock_timestamp()
          AND ("UpstreamThrottle"."notBefore" IS NULL OR "UpstreamThrottle"."notBefore" <= clock_timestamp())
      RETURNING "lastRequestAt"::text AS token`;
    const row = claimed[0];
    if (row) return { claimed: true, token: row.token };
    const state = await tx.$queryRaw<{ inFlight: boolean; waitMs: number; notBefore: Date | null }[]>`
      SELECT "lastRequestAt" > clock_timestamp() AS "inFlight",
             (EXTRACT(EPOCH FROM (GREATEST("lastRequestAt" + make_interval(secs => ${options.intervalMs / 1000}), "notBefore") - clock_timestamp())) * 1000)::float8 AS "waitMs",
             CASE WHEN "notBefore" > clock_timestamp() THEN "notBefore" END AS "notBefore"
      FROM "UpstreamThrottle" WHERE host = ${host}`;
    const current = state[0];
    const waitMs = Math.max(0, current?.waitMs ?? 0);
    if (current?.notBefore) return { claimed: false, inFlight: false, waitMs, notBefore: current.notBefore };
    return { claimed: false, inFlight: current?.inFlight ?? false, waitMs };
  });
}

async function release(prisma: PrismaClient, host: string, token: string, extraDelayMs: number): Promise<void> {
  // Only our own claim is released: if it ran past its hold and someone else claimed the host since,
  // their claim stands. A transaction even for one statement: the embedded database's socket server
  // keeps only a transaction's protocol messages together, and other callers are polling concurrently.
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`
      UPDATE "UpstreamThrottle" SET "lastRequestAt" = clock_timestamp()
      WHERE host = ${host} AND "lastRequestAt"::text = ${token}`;
    // A Retry-After binds every process, whoever holds the host now; a shorter one never shortens a longer.
    if (extraDelayMs > 0) {
      const delay = Math.min(extraDelayMs, MAX_HONOURED_RETRY_AFTER_MS) / 1000;
      await tx.$executeRaw`
        UPDATE "UpstreamThrottle"
        SET "notBefore" = GREATEST(COALESCE("notBefore", '-infinity'), clock_timestamp() + make_interval(secs => ${delay}))
        WHERE host = ${host}`;
    }
  });
}
