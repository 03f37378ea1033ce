/**
 * Whether the app's database is answering, as one process-wide state on `globalThis`: the Prisma client
 * (lib/db/create-client.ts) marks it down when a query fails for want of a database (connection refused or
 * dropped, a pool or statement or lock timeout), and a cheap probe clears it as soon as the database
 * answers again. `proxy.ts` and the route handlers read it to answer 503 at once instead of queueing
 * more requests behind a stalled database; `globalThis` because Next.js bundles the proxy, pages and
 * route handlers separately but runs them in one process.
 *
 * No database imports here: the proxy imports this module.
 */
import {
  UNAVAILABLE_ACTION_MESSAGE,
  UNAVAILABLE_DIGEST,
  unavailableJson,
  unavailableJsonRpc,
  unavailablePage,
  unavailableText,
} from "@/lib/db/unavailable";

/** How often the probe asks while the database is marked down (the brief: recover within 1 s). */
export const PROBE_INTERVAL_MS = 250;
/**
 * Slowness alone (a statement, lock or pool timeout) marks the database down only when it is all there is:
 * at least `SLOW_FAILURES` such failures within `SLOW_WINDOW_MS`, and no query answered within
 * `SUCCESS_WINDOW_MS`. A busy CPU or one locked table leaves other queries answering, and each request
 * that met the timeout answers 503 on its own; a stalled database answers nothing.
 */
export const SLOW_FAILURES = 3;
export const SLOW_WINDOW_MS = 2_000;
export const SUCCESS_WINDOW_MS = 1_000;
/**
 * Hysteresis: an outage lasts at least `holdMs`, which starts at `MIN_HOLD_MS` and doubles (up to
 * `MAX_HOLD_MS`) each time the database goes down again within `RELAPSE_MS` of coming back — a locked
 * table answers the probe's `SELECT 1` but not the pages, and would otherwise flip the flag every second
 * or two. Up for `RELAPSE_MS`, the next outage starts again from the minimum.
 */
export const MIN_HOLD_MS = 250;
export const MAX_HOLD_MS = 8_000;
export const RELAPSE_MS = 10_000;

interface HealthState {
  down: boolean;
  /** When it went down (ms since the epoch), for logs and figures. */
  since: number;
  reason: string;
  probe: (() => Promise<void>) | null;
  probing: boolean;
  timer: ReturnType<typeof setInterval> | null;
  /** How many times it went down in this process. */
  outages: number;
  /** The last time a query failed for want of a database (ms since the epoch), down or not. */
  lastFailureAt: number;
  /** Failures for want of a database in this process, down or not (a render compares it before and after). */
  failures: number;
  /** When recent slow failures happened (within SLOW_WINDOW_MS), oldest first. */
  slow: number[];
  /** The last time a query answered. */
  lastSuccessAt: number;
  /** When the database last came back. */
  upSince: number;
  /** The least this outage lasts (see MIN_HOLD_MS). */
  holdMs: number;
}

const KEY = Symbol.for("daily-papers.db-health");
const holder = globalThis as unknown as { [KEY]?: HealthState };

function state(): HealthState {
  const s = (holder[KEY] ??= {
    down: false,
    since: 0,
    reason: "",
    probe: null,
    probing: false,
    timer: null,
    outages: 0,
    lastFailureAt: 0,
    failures: 0,
    slow: [],
    lastSuccessAt: 0,
    upSince: 0,
    holdMs: MIN_HOLD_MS,
  });
  return s;
}

/** Whether the database is marked down right now. */
export function isDatabaseDown(): boolean {
  return state().down;
}

/**
 * Registers how to ask the database whether it is back (a `SELECT 1` on the app's pool, with a short
 * timeout). One probe per process: the app's shared client registers it.
 */
export function registerDatabaseProbe(probe: () => Promise<void>): void {
  state().probe = probe;
}

/** Records that a query answered: slowness with answers is not an outage. */
export function recordDatabaseSuccess(now = Date.now()): void {
  state().lastSuccessAt = now;
}

/**
 * Records a query that failed for want of a database (`isDatabaseOutage`), and decides whether the
 * database is down: at once when it cannot be reached (refused, unknown host, not accepting connections),
 * on slowness only as SLOW_FAILURES says. A lost connection (`isConnectionLoss`) is not recorded: the next
 * query gets a fresh one.
 */
export function recordDatabaseFailure(error: unknown, now = Date.now()): void {
  if (isConnectionLoss(error)) return;
  const s = state();
  s.lastFailureAt = now;
  s.failures += 1;
  if (!isSlowness(error)) return markDatabaseDown(describeFailure(error), now);
  s.slow = s.slow.filter((at) => now - at < SLOW_WINDOW_MS);
  s.slow.push(now);
  if (s.slow.length >= SLOW_FAILURES && now - s.lastSuccessAt >= SUCCESS_WINDOW_MS) {
    markDatabaseDown(`${s.slow.length} timeouts in ${SLOW_WINDOW_MS} ms and no answer: ${describeFailure(error)}`, now);
  }
}

/** How many queries failed for want of a database in this process so far. */
export function databaseFailures(): number {
  return state().failures;
}

/** Marks the database down (once per outage, logged) and starts probing for its return. */
export function markDatabaseDown(reason: string, now = Date.now()): void {
  const s = state();
  s.lastFailureAt = now;
  if (s.down) return;
  if (!s.probe) {
    // Nothing to probe with (a script's client): the next request finds out for itself.
    return;
  }
  s.down = true;
  s.since = now;
  s.reason = reason;
  s.outages += 1;
  s.slow = [];
  const sinceUp = now - s.upSince;
  s.holdMs = s.upSince && sinceUp < RELAPSE_MS ? Math.min(MAX_HOLD_MS, s.holdMs * 2) : MIN_HOLD_MS;
  console.error(`[db] unavailable: ${reason}; answering 503 for at least ${s.holdMs} ms, until it is back`);
  s.timer ??= setInterval(() => void probeOnce(), PROBE_INTERVAL_MS);
  s.timer.unref?.();
}

async function probeOnce(): Promise<void> {
  const s = state();
  if (!s.down || s.probing || !s.probe || Date.now() - s.since < s.holdMs) return;
  s.probing = true;
  try {
    await s.probe();
    markDatabaseUp();
  } catch {
    // Still down; the next tick asks again.
  } finally {
    s.probing = false;
  }
}

/**
 * Whether a query failed for want of a database within the last `windowMs`: a render that failed then
 * failed for that reason (lib/db/outage-status.ts answers it with a 503, not a 500).
 */
export function databaseFailedRecently(windowMs = 3000): boolean {
  return Date.now() - state().lastFailureAt < windowMs;
}

/** Clears the outage (the probe got an answer). */
export function markDatabaseUp(now = Date.now()): void {
  const s = state();
  if (s.timer) clearInterval(s.timer);
  s.timer = null;
  if (!s.down) return;
  s.down = false;
  s.upSince = now;
  s.lastSuccessAt = now;
  console.error(`[db] available again after ${now - s.since} ms`);
}

/** The outage flag's figures in this process: how many times it went down, and whether it is now. */
export function databaseHealthFigures(): { outages: number; failures: number; down: boolean; holdMs: number } {
  const s = state();
  return { outages: s.outages, failures: s.failures, down: s.down, holdMs: s.holdMs };
}

function describeFailure(error: unknown): string {
  const e = error as { message?: string; cause?: { message?: string; kind?: string } };
  return String(e?.cause?.message ?? e?.cause?.kind ?? e?.message ?? error).slice(0, 200);
}

/** Thrown in place of a query when the database is known to be down, so the caller fails at once. */
export class DatabaseUnavailableError extends Error {
  readonly digest = UNAVAILABLE_DIGEST;
  constructor(options?: { cause?: unknown }) {
    super(UNAVAILABLE_ACTION_MESSAGE, options);
    this.name = "DatabaseUnavailableError";
  }
}

/** Postgres SQLSTATEs that mean "no database for now", not "your query is wrong". */
const OUTAGE_SQLSTATES = new Set([
  "57014", // query_canceled: statement_timeout
  "55P03", // lock_not_available: lock_timeout
  "25P03", // idle_in_transaction_session_timeout
  "57P01", // admin_shutdown: pg_terminate_backend, a fast shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up, shutting down
  "53300", // too_many_connections
  "53400", // configuration_limit_exceeded
]);

/** Prisma's codes for an unreachable or timed-out database, and driver-adapter error kinds of the same. */
const OUTAGE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const OUTAGE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionAlreadyClosed",
]);
const OUTAGE_MESSAGES = [
  "timeout exceeded when trying to connect", // pg-pool's acquire timeout
  "Query read timeout", // pg's client-side query timeout
  "Connection terminated",
  "Client has encountered a connection error",
  "Client was closed and is not queryable",
  "Cannot use a pool after calling end",
  "terminating connection due to administrator command",
  UNAVAILABLE_ACTION_MESSAGE, // DatabaseUnavailableError, however Prisma wrapped it
];
const OUTAGE_ERRNOS = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);

/**
 * Whether `error` (from Prisma, the pg driver, or anything that wraps them as `cause`) means the database
 * is stalled or unreachable — a 503 and "try again in a moment" — rather than a bug or bad input.
 */
export function isDatabaseOutage(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    const err = e as {
      name?: string;
      code?: unknown;
      message?: unknown;
      digest?: unknown;
      meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string; originalCode?: string } } };
      cause?: unknown;
    };
    if (err.digest === UNAVAILABLE_DIGEST || err instanceof DatabaseUnavailableError) return true;
    if (err.name === "PrismaClientInitializationError") return true;
    if (typeof err.code === "string" && (OUTAGE_PRISMA_CODES.has(err.code) || OUTAGE_SQLSTATES.has(err.code)))
      return true;
    if (typeof err.code === "string" && OUTAGE_ERRNOS.has(err.code)) return true;
    const cause = err.meta?.driverAdapterError?.cause;
    if (cause?.kind && OUTAGE_ADAPTER_KINDS.has(cause.kind)) return true;
    // A DriverAdapterError's own `cause` is the mapped error itself: { kind, code?, … }.
    const kind = (e as { kind?: unknown }).kind;
    if (typeof kind === "string" && OUTAGE_ADAPTER_KINDS.has(kind)) return true;
    if (cause?.code && OUTAGE_SQLSTATES.has(cause.code)) return true;
    if (typeof err.message === "string" && OUTAGE_MESSAGES.some((m) => (err.message as string).includes(m)))
      return true;
    // DriverAdapterError keeps the mapped error as `cause` (kind, code); other wrappers keep the original.
    e = err.cause;
  }
  return false;
}

/**
 * Whether `error` lost one connection rather than the database: a backend terminated
 * (`pg_terminate_backend`), a connection reset. The request that met it still answers 503 (it could not
 * be served), but the database is not marked down: the next query gets a fresh connection.
 */
export function isConnectionLoss(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    const err = e as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown };
    const driver = (e as { meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string } } } }).meta
      ?.driverAdapterError?.cause;
    if (err.code === "57P01" || driver?.code === "57P01" || err.code === "ECONNRESET") return true;
    if (err.kind === "ConnectionClosed" || driver?.kind === "ConnectionClosed") return true;
    if (
      typeof err.message === "string" &&
      /terminating connection due to administrator command|Connection terminated unexpectedly/.test(err.message)
    )
      return true;
    e = err.cause;
  }
  return false;
}

/** Timeouts: the database was slow to answer, or every pooled connection was busy — not necessarily gone. */
const SLOW_SQLSTATES = new Set(["57014", "55P03", "25P03"]);
const SLOW_PRISMA_CODES = new Set(["P1008", "P2024"]);
const SLOW_MESSAGES = ["timeout exceeded when trying to connect", "Query read timeout"];

/**
 * Whether `error` (an outage, `isDatabaseOutage`) is a timeout rather than a refusal: a statement, lock
 * or idle timeout, pg-pool's wait for a connection, pg's client-side read timeout.
 */
export function isSlowness(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    const err = e as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown };
    const driver = (e as { meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string } } } }).meta
      ?.driverAdapterError?.cause;
    if (typeof err.code === "string" && (SLOW_SQLSTATES.has(err.code) || SLOW_PRISMA_CODES.has(err.code))) return true;
    if (driver?.code && SLOW_SQLSTATES.has(driver.code)) return true;
    if (err.kind === "SocketTimeout" || driver?.kind === "SocketTimeout") return true;
    if (typeof err.message === "string" && SLOW_MESSAGES.some((m) => (err.message as string).includes(m))) return true;
    e = err.cause;
  }
  return false;
}

/**
 * Paths that never need the database: served as usual during an outage. `POST /api/revalidate` among them:
 * it only drops cached copies, and answered 503 it left this server's data cache holding what another
 * server had removed meanwhile (the front server relays every change it hears through it).
 */
const NO_DATABASE = /^\/(?:_next\/|favicon\.ico$|robots\.txt$|api\/revalidate$)/;

/**
 * For `proxy.ts`: while the database is down, the 503 for this request, at once — the calm page for a
 * page, `{ error }` for the JSON API, plain text for feeds and images. Server-action posts pass, so the
 * action can answer its typed UNAVAILABLE result to the button that sent it.
 */
export function databaseUnavailableResponse(request: Request): Response | null {
  if (!isDatabaseDown()) return null;
  if (request.headers.has("next-action")) return null;
  const { pathname } = new URL(request.url);
  if (NO_DATABASE.test(pathname)) return null;
  if (pathname.startsWith("/api/")) return unavailableJson();
  if (pathname === "/mcp") return unavailableJsonRpc();
  if (/^\/(?:feeds|og)\//.test(pathname) || pathname === "/sitemap.xml") return unavailableText();
  return unavailablePage();
}
