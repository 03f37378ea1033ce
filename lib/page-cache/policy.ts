import "server-only";
import type { IncomingHttpHeaders } from "node:http";
import { cacheTags } from "@/lib/cache-tags";
import { policyForStoredPage } from "@/lib/page-cache/csp";
import { storedAnswer, type PageStore, type StoredAnswer } from "@/lib/page-cache/store";
import { parseArxivId } from "@/lib/papers/arxiv-id";

/**
 * Every decision of the page cache, in one file: whether a request is served from the store, rendered, or
 * passed through to Next.js (`decide`), and what a render leaves in the store (`afterRender`). The front
 * server (lib/page-cache/front-server.ts) only carries them out.
 *
 * Which requests the page cache answers, and under which tags: a GET or HEAD of the reader pages, the JSON
 * API's reads and the feeds, which are the same for every reader, signed in or not. A member's own part (their
 * votes, their name in the header, their comments) is not in them: the page asks for it (GET /api/viewer).
 * Requests with an Authorization header or asking for Markdown, the router's RSC requests, search, sign-in
 * and everything else go to Next.js.
 */

export interface CachePlan {
  /** What the answer depends on: host, scheme and the whole path with its query. */
  key: string;
  /** The tags whose invalidation makes this answer stale or gone (lib/cache-tags.ts). */
  tags: string[];
}

/** Auth.js's session cookie (and its https name): its presence means a reader who may be signed in. */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token=/;

/** Listings: the home page, days, weeks, months and trending (with or without ?category=). */
const LIST_PAGE = /^\/(?:papers\/(?:date\/[^/]+|week\/[^/]+|month\/[^/]+|trending))?$/;
/** The JSON API's lists and the RSS/Atom feeds (search is not cached: its answers depend on any query). */
const API_LIST = /^\/(?:api\/daily_papers|feeds\/[^/]+)$/;

/** Whether the request carries a session cookie (valid or not: the page asks, lib/viewer/). */
export function hasSessionCookie(headers: IncomingHttpHeaders): boolean {
  return headers.cookie !== undefined && SESSION_COOKIE.test(headers.cookie);
}

/** The router's own requests: RSC payloads and prefetches differ from the HTML of the same URL. */
function isRouterRequest(headers: IncomingHttpHeaders, search: string): boolean {
  return (
    headers.rsc !== undefined ||
    headers["next-router-prefetch"] !== undefined ||
    headers["next-router-state-tree"] !== undefined ||
    headers["next-action"] !== undefined ||
    /[?&]_rsc=/.test(search)
  );
}

/** The cache plan for a request, or null when Next.js must answer it itself. */
export function planFor(
  method: string | undefined,
  url: string | undefined,
  headers: IncomingHttpHeaders,
): CachePlan | null {
  if ((method !== "GET" && method !== "HEAD") || !url || !url.startsWith("/")) return null;
  if (headers.authorization !== undefined) return null;
  // A paper asked for as Markdown (an agent's `Accept: text/markdown`) is another answer at the same address.
  if (/text\/markdown/i.test(String(headers.accept ?? ""))) return null;
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const search = queryAt === -1 ? "" : url.slice(queryAt);
  if (isRouterRequest(headers, search)) return null;

  const tags = tagsFor(path);
  if (!tags) return null;
  const host = headers["x-forwarded-host"] ?? headers.host ?? "";
  const scheme = headers["x-forwarded-proto"] ?? "http";
  return { key: `${String(scheme)}://${String(host)}${url}`, tags: [cacheTags.all, ...tags] };
}

function tagsFor(path: string): string[] | null {
  if (LIST_PAGE.test(path) || API_LIST.test(path)) return [cacheTags.lists];
  const paperId = paperIdOf(path);
  // A paper's page shows its neighbours on its day and similar papers: listings too.
  return paperId ? [cacheTags.paper(paperId), cacheTags.lists] : null;
}

/** The id of a paper's page (`/papers/2501.12948`, `/papers/hep-th/9901001`) or API answer, canonical only. */
function paperIdOf(path: string): string | null {
  const rest = path.startsWith("/papers/")
    ? path.slice("/papers/".length)
    : path.startsWith("/api/papers/")
      ? path.slice("/api/papers/".length).replace(/\/comments$/, "")
      : null;
  return rest !== null && parseArxivId(rest) === rest ? rest : null;
}

/** What the front server does with a request. */
export type Decision =
  /** Not for the cache: Next.js answers it. */
  | { kind: "pass" }
  /** A stored answer: `hit` when fresh; `stale` is served too, while one render refreshes it in the background. */
  | { kind: "serve"; plan: CachePlan; answer: StoredAnswer; label: "hit" | "stale" }
  /** Nothing stored (a miss): rendered once, whoever else asks meanwhile waiting on the same render. */
  | { kind: "render"; plan: CachePlan };

/** The page cache's one decision for a request: serve the stored answer, render it, or pass it through. */
export function decide(
  method: string | undefined,
  url: string | undefined,
  headers: IncomingHttpHeaders,
  store: PageStore,
): Decision {
  const plan = planFor(method, url, headers);
  if (!plan) return { kind: "pass" };
  const stored = store.get(plan.key);
  if (!stored) return { kind: "render", plan };
  return { kind: "serve", plan, answer: stored.answer, label: stored.freshness === "fresh" ? "hit" : "stale" };
}

/** A render through Next.js, as it came back. */
export interface Render {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What a render leaves in the store. */
export type AfterRender =
  /** A page everyone may be given: stored, and served to whoever waited on it. */
  | { kind: "store"; answer: StoredAnswer }
  /**
   * Not for everyone, and not a server error (a 404 for a paper hidden since, a redirect): the stored copy
   * is dropped, since kept it would undo the removal.
   */
  | { kind: "drop" }
  /** A server error (the database away) or a render with failed sections: the stored copy, if any, stays. */
  | { kind: "keep" };

/** Headers a stored answer keeps: what describes the body and protects the reader; not cookies or dates. */
const KEPT_HEADERS = new Set([
  "content-type",
  "content-language",
  "content-security-policy",
  "x-content-type-options",
  "referrer-policy",
  "x-frame-options",
  "permissions-policy",
  "strict-transport-security",
  "access-control-allow-origin",
  "link",
]);

/**
 * What `render` leaves in the store. `queriesFailed`: the database failed queries while it rendered, so the
 * page may carry failed sections, and is not kept as a hit.
 */
export function afterRender(render: Render, queriesFailed: boolean): AfterRender {
  if (queriesFailed || hasFailedSection(render)) return { kind: "keep" };
  const answer = storable(render);
  if (answer) return { kind: "store", answer };
  return render.status < 500 ? { kind: "drop" } : { kind: "keep" };
}

/**
 * Whether an HTML render streamed a section that failed: React marks the boundary with the error's digest
 * (`data-dgst`), Next.js's own not-found and redirect digests aside.
 */
function hasFailedSection(render: Render): boolean {
  if (!String(render.headers["content-type"] ?? "").startsWith("text/html")) return false;
  return /data-dgst="(?!NEXT_)/.test(render.body.toString("utf8"));
}

/** The stored form of a render everyone may be given, or null: a 200, no cookie, a page's nonce traded for hashes. */
function storable(render: Render): StoredAnswer | null {
  if (render.status !== 200 || render.headers["set-cookie"] !== undefined) return null;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(render.headers)) {
    if (KEPT_HEADERS.has(name) && typeof value === "string") headers[name] = value;
  }
  const policy = headers["content-security-policy"];
  if (headers["content-type"]?.startsWith("text/html")) {
    const stored = policy ? policyForStoredPage(render.body.toString("utf8"), policy) : null;
    if (!stored) return null;
    headers["content-security-policy"] = stored;
  }
  const cacheControl = render.headers["cache-control"];
  headers["cache-control"] =
    typeof cacheControl === "string" && /\bpublic\b/.test(cacheControl)
      ? cacheControl
      : "public, max-age=0, must-revalidate";
  return storedAnswer(200, headers, render.body);
}
