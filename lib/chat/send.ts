import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { Agent, request } from "undici";
import { checkWebhookUrl, guardedLookup, type Resolve } from "@/lib/chat/address-guard";
import { AppError } from "@/lib/errors";

/** What posting to a webhook came to: sent, failed for good (a 4xx, a refused address), or left for a retry. */
export type PostResult =
  | { outcome: "sent"; attempts: number; error: null }
  | { outcome: "failed"; attempts: number; error: string }
  | { outcome: "deferred"; attempts: number; error: string };

export interface PostOptions {
  /** The webhook's own choice: it may reach loopback, private and link-local addresses. */
  allowPrivate: boolean;
  /** One attempt's limit, connection to last byte: a chat that hangs must not hang the run. */
  timeoutMs?: number;
  /** Attempts within this call before a transient failure is left for the next run. */
  attempts?: number;
  /** First wait after a 5xx or a timeout; doubled each time. */
  retryDelayMs?: number;
  /** The longest `Retry-After` waited out in the call; a longer one defers the post to a later run. */
  maxRetryAfterMs?: number;
  /** Sent as User-Agent. */
  userAgent?: string;
  /** How host names resolve (tests); the system's resolver otherwise. */
  resolve?: Resolve;
}

export const POST_DEFAULTS = {
  timeoutMs: 10_000,
  attempts: 3,
  retryDelayMs: 2_000,
  maxRetryAfterMs: 60_000,
} as const;

/** The longest one `postToWebhook` call can take with the defaults, which a ledger claim's lease must outlast. */
export const LONGEST_POST_MS =
  POST_DEFAULTS.attempts * POST_DEFAULTS.timeoutMs + (POST_DEFAULTS.attempts - 1) * POST_DEFAULTS.maxRetryAfterMs;

type Attempt =
  { kind: "sent" } | { kind: "permanent"; error: string } | { kind: "transient"; error: string; retryAfterMs?: number };

/**
 * Posts `body` as JSON to the webhook at `rawUrl`, steps in order: check the URL (scheme, addresses) → post, with
 * a per-attempt timeout and no redirects followed → on a 429, wait its Retry-After (capped) and post again; on a
 * 5xx, a timeout or a network failure, back off and post again; a 2xx is sent, any other 4xx or 3xx fails for
 * good. Never throws for the webhook's failures, and no sentence it returns holds the URL.
 */
export async function postToWebhook(rawUrl: string, body: unknown, options: PostOptions): Promise<PostResult> {
  const settings = { ...POST_DEFAULTS, ...withoutUndefined(options), allowPrivate: options.allowPrivate };
  try {
    await checkWebhookUrl(rawUrl, { allowPrivate: options.allowPrivate, resolve: options.resolve });
  } catch (error) {
    // A host name not resolved now is left for the next try (counted as an attempt, so it is given up in time);
    // a refused address or scheme fails for good.
    if (error instanceof AppError && error.code === "UPSTREAM_FAILED") {
      return { outcome: "deferred", attempts: 1, error: error.message };
    }
    return { outcome: "failed", attempts: 0, error: error instanceof AppError ? error.message : "Invalid URL." };
  }
  const payload = JSON.stringify(body);
  let last: Attempt = { kind: "transient", error: "Not attempted." };
  for (let attempt = 1; attempt <= settings.attempts; attempt++) {
    last = await attemptPost(rawUrl, payload, settings);
    if (last.kind === "sent") return { outcome: "sent", attempts: attempt, error: null };
    if (last.kind === "permanent") return { outcome: "failed", attempts: attempt, error: last.error };
    if (attempt === settings.attempts) break;
    const wait = last.retryAfterMs ?? settings.retryDelayMs * 2 ** (attempt - 1);
    if (wait > settings.maxRetryAfterMs) {
      return { outcome: "deferred", attempts: attempt, error: last.error };
    }
    await sleep(wait);
  }
  return { outcome: "deferred", attempts: settings.attempts, error: last.error };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** One POST on its own connection, which goes only to an address `guardedLookup` checked. */
async function attemptPost(
  rawUrl: string,
  payload: string,
  settings: Required<Omit<PostOptions, "resolve" | "userAgent">> & Pick<PostOptions, "resolve" | "userAgent">,
): Promise<Attempt> {
  const agent = new Agent({
    connect: {
      timeout: settings.timeoutMs,
      ...(settings.allowPrivate ? {} : { lookup: guardedLookup(settings.resolve) }),
    },
    headersTimeout: settings.timeoutMs,
    bodyTimeout: settings.timeoutMs,
  });
  const seconds = Math.round(settings.timeoutMs / 100) / 10;
  try {
    const response = await request(rawUrl, {
      method: "POST",
      dispatcher: agent,
      headers: {
        "content-type": "application/json",
        "user-agent": settings.userAgent ?? "DailyPapers-TeamChat/1",
      },
      body: payload,
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    const status = response.statusCode;
    if (status >= 200 && status < 300) {
      await response.body.dump();
      return { kind: "sent" };
    }
    const snippet = await readSnippet(response.body, rawUrl);
    const answered = `The webhook answered ${status}${snippet ? ` (${snippet})` : ""}.`;
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(header(response.headers["retry-after"]));
      return { kind: "transient", error: answered, retryAfterMs };
    }
    if (status >= 500 || status === 408) return { kind: "transient", error: answered };
    if (status >= 300 && status < 400) {
      return {
        kind: "permanent",
        error: `The webhook answered ${status}, a redirect, which is not followed: use the address it redirects to.`,
      };
    }
    return { kind: "permanent", error: answered };
  } catch (error) {
    return describeFailure(error, seconds);
  } finally {
    void agent.destroy().catch(() => {});
  }
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A Retry-After header in milliseconds: delta-seconds ("120") or an HTTP date; undefined when absent or unreadable
 * (then the usual backoff applies). Never negative.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The start of an error answer's body as one short line, without the URL or its path (a reply may echo them). */
async function readSnippet(body: AsyncIterable<Buffer> & { destroy(): unknown }, rawUrl: string): Promise<string> {
  let text = "";
  for await (const chunk of body) {
    text += chunk.toString("utf8");
    if (text.length > 2048) break;
  }
  body.destroy();
  let url: URL | null = null;
  try {
    url = new URL(rawUrl);
  } catch {
    // Already checked; nothing to redact by then.
  }
  let clean = text.replace(/[\u0000-\u001F\u007F<>]+/g, " ").trim();
  for (const secret of [rawUrl, url?.href, url?.pathname.length && url.pathname.length > 1 ? url.pathname : null]) {
    if (secret) clean = clean.replaceAll(secret, "…");
  }
  return clean.length > 120 ? `${clean.slice(0, 119)}…` : clean;
}

/** A sentence for an attempt that got no answer; the URL never, a refused address by its range. */
function describeFailure(error: unknown, seconds: number): Attempt {
  const e = error as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code;
  if (code === "EADDRREFUSED") {
    const message = (e.code === "EADDRREFUSED" ? e.message : e.cause?.message) ?? "Refused address.";
    return { kind: "permanent", error: message };
  }
  if (
    e.name === "TimeoutError" ||
    e.name === "AbortError" ||
    code === "UND_ERR_HEADERS_TIMEOUT" ||
    code === "UND_ERR_BODY_TIMEOUT" ||
    code === "UND_ERR_CONNECT_TIMEOUT"
  ) {
    return { kind: "transient", error: `The webhook did not answer within ${seconds} s.` };
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return { kind: "transient", error: "The webhook's host name could not be found." };
  }
  if (typeof code === "string" && /^(ERR_TLS|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|ERR_SSL)/.test(code)) {
    return { kind: "transient", error: `The webhook's TLS connection failed (${code}).` };
  }
  return {
    kind: "transient",
    error: `Could not reach the webhook (${typeof code === "string" ? code : "network error"}).`,
  };
}
