import "server-only";
import type { IncomingHttpHeaders } from "node:http";
import { cacheTags } from "@/lib/cache-tags";
import { parseArxivId } from "@/lib/papers/arxiv-id";

/**
 * Which requests the page cache answers, and under which tags: a GET or HEAD of the reader pages, the JSON
 * API's reads and the feeds, which are the same for every reader, signed in or not. A member's own part (their
 * votes, their name in the header, their comments) is not in them: the page asks for it (GET /api/viewer).
 * Requests with an Authorization header, the router's RSC requests, search, sign-in and everything else go
 * to Next.js.
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
