import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { Agent, errors as undiciErrors, request, type Dispatcher } from "undici";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appUrl, loadEnv, type Env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readCapped } from "@/lib/http/read-capped";
import {
  ARXIV_INTERVAL_MS,
  claimTurn,
  MAX_HONOURED_RETRY_AFTER_MS,
  RetryAfterPendingError,
  ThrottleTimeoutError,
  type ThrottleTurn,
} from "@/lib/ingest/throttle";

/**
 * Polite HTTP for the importers. arXiv gets one request at a time, three seconds apart, across every
 * process sharing the database (lib/ingest/throttle.ts), over one keep-alive connection per process;
 * Hugging Face gets at most 500 requests per 5 minutes, counted in the database. Every request has a
 * headers, body-idle and overall deadline; `Retry-After` (429/503) is honoured up to a bound, and network
 * errors and 5xx are retried with exponential backoff a few times. Conditional requests (ETag /
 * Last-Modified, kept in `FetchState`) turn an unchanged feed into a 304. Redirects are followed, up to
 * MAX_REDIRECTS, to http(s) only and never from https down to http; each hop is a request like any other
 * (it waits its turn and counts against the allowance), and the validators stay those of the URL asked for.
 *
 * Why the retry loop is ours and not undici's `interceptors.retry` / `RetryAgent` (judged for issue 22): undici
 * cuts a long Retry-After down to its `maxTimeout` and asks again sooner than the host said (we refuse one past
 * `maxRetryAfterMs` at once, with that reason, and record it so every other process holds off too); it resumes
 * a dropped body with a Range request (we start the attempt again, validators and size cap included); and its
 * retries happen inside one dispatch, past the cross-process throttle, which must grant every attempt a turn.
 */

export type Upstream = "arxiv" | "huggingface";

export interface HttpOptions {
  /** Attempts in all, the first included. */
  attempts?: number;
  /** Wait before the first retry after a network error or 5xx; doubles each time. */
  backoffMs?: number;
  /** A `Retry-After` longer than this is not waited for: the request fails with that reason. */
  maxRetryAfterMs?: number;
  /** No response headers within this long: the attempt fails. */
  headersTimeoutMs?: number;
  /** The body stalls (no data) for this long: the attempt fails. */
  bodyTimeoutMs?: number;
  /** The whole attempt, headers and body, takes longer than this: it fails. */
  totalTimeoutMs?: number;
  /** Responses larger than this are refused (a runaway body never fills memory). */
  maxBytes?: number;
  /** arXiv only: the gap between requests across the app (default 3000 ms, arXiv's rule). */
  arxivIntervalMs?: number;
  /** Hugging Face only: requests allowed per window (default 500 per 300 s). */
  hfLimit?: { points: number; durationSeconds: number };
  /**
   * arXiv only: the name its spacing and Retry-After are shared under. By default every arXiv host, in every
   * process, shares "arxiv"; a stand-in on another host (a replay server in tests) gets its own name, so a
   * request killed mid-flight there never holds up the real arXiv or another stand-in.
   */
  throttleKey?: string;
}

const DEFAULTS = {
  attempts: 3,
  backoffMs: 2000,
  maxRetryAfterMs: 60_000,
  headersTimeoutMs: 30_000,
  bodyTimeoutMs: 30_000,
  totalTimeoutMs: 120_000,
  maxBytes: 64 * 1024 * 1024,
  arxivIntervalMs: ARXIV_INTERVAL_MS,
  hfLimit: { points: 500, durationSeconds: 300 },
} satisfies Omit<Required<HttpOptions>, "throttleKey">;

type Settings = typeof DEFAULTS & { throttleKey: string };

/** "arxiv" for arXiv's own hosts, `arxiv@<host>` for a stand-in. */
export function arxivThrottleKey(host: string): string {
  return host === "arxiv.org" || host.endsWith(".arxiv.org") ? "arxiv" : `arxiv@${host}`;
}

export interface GetOptions extends HttpOptions {
  upstream: Upstream;
  /** Send the ETag / Last-Modified of the last pull of this URL, and report a 304 as `not-modified`. */
  conditional?: boolean;
}

export type GetResult =
  | {
      kind: "ok";
      status: number;
      body: string;
      /** Records this response's validators for the next conditional pull: call it once the body is stored. */
      remember(): Promise<void>;
    }
  | {
      kind: "not-modified";
      /** When this URL was last pulled with a 200 (or last found unchanged). */
      lastCheckedAt: Date;
      remember(): Promise<void>;
    };

/** The upstream failed for good (after retries): `message` says why in one sentence. */
export class UpstreamError extends AppError {
  constructor(
    message: string,
    readonly details: { url: string; status?: number; body?: string },
  ) {
    super("UPSTREAM_FAILED", message);
    this.name = "UpstreamError";
  }
}

/** `DailyPapers/0.1 (+<APP_URL>; mailto:<address>)`: who is calling, and how to reach them. */
export function userAgent(env: Env = loadEnv()): string {
  const address = /<([^>]+)>/.exec(env.EMAIL_FROM)?.[1] ?? env.EMAIL_FROM.trim();
  return `DailyPapers/0.1 (+${appUrl(env)}; mailto:${address})`;
}

// One connection per upstream origin in this process: arXiv asks for a single connection, and requests
// are serialised by the throttle anyway. Keep-alive reuses it between requests.
const agents: Record<Upstream, Agent> = {
  arxiv: new Agent({ connections: 1, pipelining: 1, keepAliveTimeout: 10_000 }),
  huggingface: new Agent({ connections: 2, keepAliveTimeout: 10_000 }),
};

/**
 * GETs `url` politely (see the module comment) and returns its body, or `not-modified` for a 304 of a
 * conditional request. Throws `UpstreamError` with a one-sentence reason when the upstream fails for
 * good: an HTTP error status (its body kept in `details` for the caller to read an error document), a
 * `Retry-After` beyond the bound, timeouts or dropped connections on every attempt.
 */
export async function politeGet(prisma: PrismaClient, url: string, options: GetOptions): Promise<GetResult> {
  // The throttle name is settled by the URL asked for: every hop of its redirects waits under it.
  const settings = { ...DEFAULTS, throttleKey: arxivThrottleKey(new URL(url).host), ...options };
  const state = options.conditional ? await prisma.fetchState.findUnique({ where: { url } }) : null;
  const headers: Record<string, string> = {
    "user-agent": userAgent(),
    accept:
      options.upstream === "arxiv" ? "application/atom+xml, application/rss+xml, application/xml" : "application/json",
    "accept-encoding": "identity",
  };
  if (state?.etag) headers["if-none-match"] = state.etag;
  if (state?.lastModified) headers["if-modified-since"] = state.lastModified;

  let lastReason = "";
  // Where the request goes now: `url`, or where it was redirected (a retry goes on from there).
  let target = url;
  let redirects = 0;
  // A redirect is not a failed attempt: its `continue` skips the count and the wait, and the next hop goes
  // as soon as its turn comes.
  for (let attempt = 1; attempt <= settings.attempts;) {
    const host = new URL(target).host;
    // Each hop is a request to the upstream: it waits its turn (arXiv's spacing, Hugging Face's allowance).
    const turn = await takeTurn(prisma, options.upstream, settings, host);
    let retryDelay = 0;
    let extraThrottle = 0;
    try {
      const response = await send(target, headers, options.upstream, settings, host);
      if (REDIRECTS.has(response.status)) {
        target = redirectTarget(url, target, response, (redirects += 1));
        continue;
      }
      if (response.status === 304 && state) {
        return {
          kind: "not-modified",
          lastCheckedAt: state.checkedAt,
          remember: async () => {
            await prisma.fetchState.update({ where: { url }, data: { checkedAt: new Date() } });
          },
        };
      }
      if (response.status >= 200 && response.status < 300) {
        const etag = response.headers.etag;
        const lastModified = response.headers["last-modified"];
        return {
          kind: "ok",
          status: response.status,
          body: response.body,
          remember: async () => {
            if (!options.conditional) return;
            const data = { etag: etag ?? null, lastModified: lastModified ?? null, checkedAt: new Date() };
            await prisma.fetchState.upsert({ where: { url }, create: { url, ...data }, update: data });
          },
        };
      }
      if (response.status === 429 || response.status === 503) {
        const retryAfter = parseRetryAfter(response.headers["retry-after"]);
        // Every process holds off for the time asked (up to the documented cap), even when this one gives up.
        extraThrottle = Math.min(retryAfter ?? 0, MAX_HONOURED_RETRY_AFTER_MS);
        if (retryAfter !== undefined && retryAfter > settings.maxRetryAfterMs) {
          const until = new Date(Date.now() + extraThrottle);
          throw new UpstreamError(
            `${host} answered HTTP ${response.status} and asked us to wait ${formatSeconds(retryAfter)} (Retry-After), longer than the ${formatSeconds(settings.maxRetryAfterMs)} we wait; ${options.upstream === "arxiv" ? `no request goes to it before ${formatClock(until)}, from any process; ` : ""}try again later.`,
            { url, status: response.status, body: response.body },
          );
        }
        retryDelay = retryAfter ?? backoff(settings.backoffMs, attempt);
        lastReason = `${host} answered HTTP ${response.status}${retryAfter !== undefined ? ` (Retry-After ${formatSeconds(retryAfter)})` : ""}`;
      } else if (response.status >= 500) {
        retryDelay = backoff(settings.backoffMs, attempt);
        lastReason = `${host} answered HTTP ${response.status}`;
      } else {
        throw new UpstreamError(`${host} answered HTTP ${response.status} ${statusText(response.status)}.`, {
          url,
          status: response.status,
          body: response.body,
        });
      }
    } catch (error) {
      if (error instanceof UpstreamError) throw error;
      const reason = describeNetworkError(error, host, settings);
      if (reason === undefined) throw error;
      lastReason = reason;
      retryDelay = backoff(settings.backoffMs, attempt);
    } finally {
      await turn?.release(extraThrottle);
    }
    if (attempt < settings.attempts) await sleep(retryDelay);
    attempt += 1;
  }
  throw new UpstreamError(
    `${lastReason}, ${settings.attempts === 1 ? "on the only attempt" : `on all ${settings.attempts} attempts`}.`,
    { url },
  );
}

/** The statuses that send a GET elsewhere (303 answers a GET with a GET too). */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Hops followed before a request fails: browsers allow 20, curl 50; an API that needs more is broken. */
export const MAX_REDIRECTS = 5;

/**
 * Where the redirect `response` (to the request for `from`) sends the request for `url`: its `Location`,
 * resolved against `from`, when it is the `hop`-th redirect at most MAX_REDIRECTS and goes to http(s), never
 * from https down to http (a redirect must not take the request off TLS). Otherwise an UpstreamError.
 */
export function redirectTarget(url: string, from: string, response: RawResponse, hop: number): string {
  const source = new URL(from);
  const said = `${source.host} answered HTTP ${response.status}`;
  const location = response.headers.location;
  if (!location)
    throw new UpstreamError(`${said} without saying where to (no Location).`, { url, status: response.status });
  let next: URL;
  try {
    next = new URL(location, source);
  } catch {
    throw new UpstreamError(`${said} to an address that is not one (${location.slice(0, 100)}).`, {
      url,
      status: response.status,
    });
  }
  if (next.protocol !== "http:" && next.protocol !== "https:") {
    throw new UpstreamError(`${said} to a ${next.protocol} address; only http(s) is followed.`, {
      url,
      status: response.status,
    });
  }
  if (source.protocol === "https:" && next.protocol === "http:") {
    throw new UpstreamError(`${said} from https down to http (${next.host}); that is not followed.`, {
      url,
      status: response.status,
    });
  }
  if (hop > MAX_REDIRECTS) {
    throw new UpstreamError(`${said} after ${MAX_REDIRECTS} redirects already; more are not followed.`, {
      url,
      status: response.status,
    });
  }
  next.hash = "";
  return next.href;
}

async function takeTurn(
  prisma: PrismaClient,
  upstream: Upstream,
  settings: Settings,
  host: string,
): Promise<ThrottleTurn | undefined> {
  if (upstream === "arxiv") {
    try {
      return await claimTurn(prisma, settings.throttleKey, {
        intervalMs: settings.arxivIntervalMs,
        holdMs: settings.totalTimeoutMs + 1000,
        maxRetryAfterWaitMs: settings.maxRetryAfterMs,
      });
    } catch (error) {
      if (error instanceof ThrottleTimeoutError) throw new UpstreamError(`${error.message}.`, { url: host });
      if (error instanceof RetryAfterPendingError) {
        throw new UpstreamError(`arXiv (${host}) ${error.message.replace(/^\S+ /, "")}; try again later.`, {
          url: host,
        });
      }
      throw error;
    }
  }
  await waitForHfAllowance(prisma, settings.hfLimit);
  return undefined;
}

const hfLimiters = new WeakMap<PrismaClient, Map<string, RateLimiterPrisma>>();

/** Counts one Hugging Face request in the database, waiting (not failing) while the window is full. */
async function waitForHfAllowance(prisma: PrismaClient, limit: { points: number; durationSeconds: number }) {
  const id = `${limit.points}/${limit.durationSeconds}`;
  let byLimit = hfLimiters.get(prisma);
  if (!byLimit) hfLimiters.set(prisma, (byLimit = new Map()));
  let limiter = byLimit.get(id);
  if (!limiter) {
    limiter = new RateLimiterPrisma({
      storeClient: prisma,
      tableName: "rateLimiterFlexible",
      keyPrefix: "upstream-huggingface",
      points: limit.points,
      duration: limit.durationSeconds,
    });
    byLimit.set(id, limiter);
  }
  for (;;) {
    try {
      await limiter.consume(id);
      return;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      await sleep(Math.max(50, rejection.msBeforeNext));
    }
  }
}

interface RawResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

class DeadlineError extends Error {}
class TooLargeError extends Error {}

async function send(
  url: string,
  headers: Record<string, string>,
  upstream: Upstream,
  settings: Settings,
  host: string,
): Promise<RawResponse> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new DeadlineError(host)), settings.totalTimeoutMs);
  try {
    const response: Dispatcher.ResponseData = await request(url, {
      method: "GET",
      headers,
      dispatcher: agents[upstream],
      headersTimeout: settings.headersTimeoutMs,
      bodyTimeout: settings.bodyTimeoutMs,
      signal: deadline.signal,
    });
    const body = await readCapped(response.body, settings.maxBytes);
    if (body === null) {
      response.body.destroy();
      throw new TooLargeError();
    }
    const flat: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      flat[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
    }
    return { status: response.statusCode, headers: flat, body: body.toString("utf8") };
  } catch (error) {
    if (deadline.signal.aborted) throw new DeadlineError(host, { cause: error });
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** A sentence for a failure worth retrying, or undefined for one that is a bug (rethrown as is). */
function describeNetworkError(error: unknown, host: string, settings: Settings): string | undefined {
  if (error instanceof DeadlineError) {
    return `${host} did not finish its response within ${formatSeconds(settings.totalTimeoutMs)}`;
  }
  if (error instanceof TooLargeError) {
    return `${host} sent more than ${Math.round(settings.maxBytes / 1024 / 1024)} MB`;
  }
  if (error instanceof undiciErrors.HeadersTimeoutError) {
    return `${host} sent no response within ${formatSeconds(settings.headersTimeoutMs)}`;
  }
  if (error instanceof undiciErrors.BodyTimeoutError) {
    return `${host} stopped sending its response for ${formatSeconds(settings.bodyTimeoutMs)}`;
  }
  if (error instanceof undiciErrors.ConnectTimeoutError) return `could not connect to ${host} in time`;
  if (
    error instanceof undiciErrors.SocketError ||
    error instanceof undiciErrors.ResponseContentLengthMismatchError ||
    error instanceof undiciErrors.HTTPParserError
  ) {
    return `the connection to ${host} broke before the whole response arrived`;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ECONNREFUSED") return `could not connect to ${host} (connection refused)`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `could not resolve ${host} (no network?)`;
  if (code === "ECONNRESET" || code === "EPIPE" || code === "UND_ERR_SOCKET") {
    return `the connection to ${host} was reset`;
  }
  if (code === "ENETUNREACH" || code === "EHOSTUNREACH" || code === "ETIMEDOUT") {
    return `could not reach ${host} (${code})`;
  }
  return undefined;
}

/** Milliseconds from a `Retry-After` header (seconds, or an HTTP date), or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function backoff(baseMs: number, attempt: number): number {
  // Full jitter on top of the doubling keeps a fleet of workers from retrying in step.
  const base = baseMs * 2 ** (attempt - 1);
  return base + Math.random() * base * 0.25;
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

function formatClock(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: "(Bad Request)",
    401: "(Unauthorized)",
    403: "(Forbidden)",
    404: "(Not Found)",
    410: "(Gone)",
  };
  return texts[status] ?? "";
}
