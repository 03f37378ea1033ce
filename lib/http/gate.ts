import "server-only";
import type { IncomingHttpHeaders } from "node:http";
import { createRequire } from "node:module";
import type { ServerResponse } from "node:http";
import { FORBIDDEN_METHODS, methodNotAllowed, plainAnswer } from "@/lib/http/methods";
import { rewrite500 } from "@/lib/http/rewrite-500";

/**
 * What the front server (lib/page-cache/front-server.ts) refuses before Next.js sees a request: requests
 * that Next.js cannot represent or parse, which it answered with a 500 (issue 20, item 5). Each gets a 4xx
 * with the security headers every answer carries, and a sentence:
 * - `OPTIONS *` (or any request-target that is not a path): 400 — Next.js parsed `*` as a URL and threw;
 * - TRACE, TRACK and CONNECT: 405 — the Fetch standard forbids them, and `new Request()` threw;
 * - a `Next-Router-State-Tree` that Next.js's own parser rejects: 400, where the render threw;
 * - a server action from another origin, or from `null`: 403, where Next.js refused it with a 500;
 * - a server action's body over Next.js's 1 MB limit (`Content-Length`), or of unknown length: 413 / 411,
 *   where Next.js read it, logged a 413 and answered 500.
 * A server action's body that passes these but does not decode is refused on the way out
 * (`refuseUnreadableAction`).
 */

export interface Refusal {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Next.js's default `serverActions.bodySizeLimit` (next.config.ts keeps the default). */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/** What any answer given without Next.js must carry: next.config.ts gives Next.js's answers the same. */
export const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
};

export interface GateRequest {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
}

/** The refusal for `request`, or null to let it through. */
export function refusalFor(request: GateRequest): Refusal | null {
  const url = request.url ?? "";
  const method = (request.method ?? "").toUpperCase();
  if (!url.startsWith("/")) {
    return refuse(
      "/",
      400,
      "Bad request",
      "This server answers requests for paths (like /papers/trending), not for the server as a whole.",
    );
  }
  const pathname = url.split("?", 1)[0]!;
  if (FORBIDDEN_METHODS.has(method)) {
    const answer = methodNotAllowed(pathname);
    return { status: answer.status, headers: { ...SECURITY_HEADERS, ...answer.headers }, body: answer.body };
  }
  const routerState = request.headers["next-router-state-tree"];
  if (routerState !== undefined && !isRouterState(routerState)) {
    return refuse(pathname, 400, "Bad request", "The router state this request carries is malformed.");
  }
  if (isServerAction(method, pathname, request.headers)) return actionRefusal(pathname, request.headers);
  return null;
}

/**
 * Whether this is (or claims to be) a server action: a fetch from the page sends `Next-Action`; a form
 * posted before the page's script ran is a multipart POST to a page (proxy.ts looks inside it).
 */
export function isServerAction(method: string, pathname: string, headers: IncomingHttpHeaders): boolean {
  if (method !== "POST") return false;
  if (headers["next-action"] !== undefined) return true;
  return /^multipart\/form-data/i.test(headers["content-type"] ?? "") && !/^\/(?:api|feeds|og|_next)\//.test(pathname);
}

function actionRefusal(pathname: string, headers: IncomingHttpHeaders): Refusal | null {
  if (!isSameHostOrigin(headers)) {
    return refuse(pathname, 403, "Forbidden", "Forms on this site are sent from its own pages only.");
  }
  const length = headers["content-length"];
  if (length === undefined) {
    return refuse(pathname, 411, "Length required", "Send the form with its length (Content-Length).");
  }
  if (!/^\d+$/.test(length) || Number(length) > ACTION_BODY_LIMIT_BYTES) {
    return refuse(pathname, 413, "Too large", "This form is larger than the 1 MB this site takes.");
  }
  return null;
}

/**
 * Next.js's own rule for a server action's origin (its action handler): no `Origin` passes (a hand-made
 * request carries no one's cookies unwillingly); otherwise its host must be the `X-Forwarded-Host` (first
 * value) or `Host` the request came with. `null` and unparsable origins are refused.
 */
function isSameHostOrigin(headers: IncomingHttpHeaders): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  if (!originHost) return false;
  const forwarded = headers["x-forwarded-host"];
  const forwardedHost = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return originHost === (forwardedHost || headers.host);
}

type RouterStateParser = (header: string | string[]) => unknown;
let routerStateParser: RouterStateParser | null | undefined;

/**
 * Whether Next.js's own parser takes `header`: the same module its renderer calls, so the two cannot
 * disagree. Without it (another Next.js layout), a JSON array under the size limit is taken.
 */
function isRouterState(header: string | string[]): boolean {
  routerStateParser ??= loadRouterStateParser();
  try {
    if (routerStateParser) {
      routerStateParser(header);
      return true;
    }
    if (Array.isArray(header) || header.length > 40_000) return false;
    return Array.isArray(JSON.parse(decodeURIComponent(header)));
  } catch {
    return false;
  }
}

function loadRouterStateParser(): RouterStateParser | null {
  try {
    const required = createRequire(import.meta.url)(
      "next/dist/server/app-render/parse-and-validate-flight-router-state",
    ) as { parseAndValidateFlightRouterState?: RouterStateParser };
    return required.parseAndValidateFlightRouterState ?? null;
  } catch {
    return null;
  }
}

/** A refusal as `plainAnswer` words it (JSON under /api, else a small page), with the security headers. */
export function refuse(pathname: string, status: number, title: string, sentence: string): Refusal {
  const answer = plainAnswer(pathname, status, title, sentence);
  return { status, headers: { ...SECURITY_HEADERS, ...answer.headers }, body: answer.body };
}

/**
 * A server action whose body Next.js cannot decode (not JSON, a broken multipart, a reference to nothing)
 * is answered 500 by Next.js, which throws while decoding, before any action runs. The app's actions never
 * answer 500 themselves — lib/actions/safe-action.ts maps every failure to an `ActionResult` — so a 500 to
 * an action request is Next.js refusing it: it becomes a 400 (a 503 during a database outage, which
 * lib/db/outage-status.ts applies over this).
 */
export function refuseUnreadableAction(response: ServerResponse, pathname: string): void {
  const refusal = refuse(pathname, 400, "Bad request", "This form could not be read: send it from the page again.");
  rewrite500(response, () => ({ status: 400, headers: refusal.headers, body: refusal.body }));
}
