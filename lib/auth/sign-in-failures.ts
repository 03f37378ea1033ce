import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Why a single sign-on failed, as the sign-in page says it. Auth.js sends every failure it does not call
 * "client safe" to its error page as `?error=Configuration` — a provider that is down, an ID token for another
 * audience, an expired one — and says what happened only to its logger. So each request through Auth.js
 * (`captureAuthErrors`) keeps the error its logger was given (`recordAuthError`, the config's `logger.error`),
 * and the route guard and the sign-in action turn it into one of these names (`singleSignOnFailure`).
 */
export type SingleSignOnFailure = "OidcUnavailable" | "OidcAudience" | "OidcExpired" | "OidcDenied" | "OidcFailed";

interface Capture {
  error?: unknown;
}

const captures = new AsyncLocalStorage<Capture>();

/** Runs `run` (a call into Auth.js) and returns what it returned with the first error Auth.js logged. */
export async function captureAuthErrors<T>(run: () => Promise<T>): Promise<{ result: T; error: unknown }> {
  const capture: Capture = {};
  const result = await captures.run(capture, run);
  return { result, error: capture.error };
}

/** Auth.js's `logger.error`: logs the error once, and keeps it for the request's `captureAuthErrors`. */
export function recordAuthError(error: Error): void {
  const capture = captures.getStore();
  if (capture && capture.error === undefined) capture.error = error;
  console.error("[auth]", error);
}

/** Network failures of Node's fetch (undici) and the system calls under it. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_SOCKET",
]);

/**
 * What went wrong with a sign-on, from the error Auth.js logged and the `error` the provider sent back to our
 * callback, if any (`providerError`: Auth.js's error for it drops it): the person refused (`access_denied`), the
 * provider did not answer (or not as a provider: its discovery or token endpoint gave no JSON), its ID token was
 * for another client (`aud`) or had expired (`exp`), or something else.
 */
export function singleSignOnFailure(error: unknown, providerError: string | null = null): SingleSignOnFailure {
  if (providerError !== null) return providerError === "access_denied" ? "OidcDenied" : "OidcFailed";
  for (const node of causes(error)) {
    const { code, cause, type, name, message } = node as {
      code?: unknown;
      cause?: { claim?: unknown; error?: unknown };
      type?: unknown;
      name?: unknown;
      message?: unknown;
    };
    if (type === "OAuthCallbackError") return cause?.error === "access_denied" ? "OidcDenied" : "OidcFailed";
    if (code === "OAUTH_JWT_CLAIM_COMPARISON_FAILED" && cause?.claim === "aud") return "OidcAudience";
    if (code === "OAUTH_JWT_TIMESTAMP_CHECK_FAILED" && cause?.claim === "exp") return "OidcExpired";
    if (typeof code === "string" && NETWORK_CODES.has(code)) return "OidcUnavailable";
    if (name === "TimeoutError" || (name === "TypeError" && message === "fetch failed")) return "OidcUnavailable";
    if (code === "OAUTH_RESPONSE_IS_NOT_JSON" || code === "OAUTH_RESPONSE_IS_NOT_CONFORM") return "OidcUnavailable";
  }
  return "OidcFailed";
}

/** `error`, its cause, and Auth.js's `cause.err`, outermost first (a bounded walk: causes may loop). */
function causes(error: unknown): object[] {
  const chain: object[] = [];
  let node: unknown = error;
  while (node && typeof node === "object" && chain.length < 10 && !chain.includes(node)) {
    chain.push(node);
    const cause = (node as { cause?: unknown }).cause;
    const wrapped = cause && typeof cause === "object" ? (cause as { err?: unknown }).err : undefined;
    node = wrapped instanceof Error ? wrapped : cause;
  }
  return chain;
}

/**
 * Where a single sign-on that Auth.js sent to `location` (its redirect) should land instead: the sign-in page
 * with the failure's name, when Auth.js was sending the reader to an error (else null: no failure). Auth.js's own
 * refusals that already name themselves (our policy's, `AccessDenied`) are left as they are.
 */
export function singleSignOnErrorPath(
  location: string | null,
  error: unknown,
  providerError: string | null = null,
): string | null {
  if (!location) return null;
  const url = new URL(location, "http://localhost");
  const name = url.searchParams.get("error");
  if (name === null || !["Configuration", "OAuthCallbackError", "CallbackRouteError", "SignInError"].includes(name)) {
    return null;
  }
  return `/signin?error=${singleSignOnFailure(error, providerError)}`;
}
