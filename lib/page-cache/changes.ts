import "server-only";
import { cacheTags } from "@/lib/cache-tags";
import type { ChangeKind } from "@/lib/page-cache/change-feed";
import { currentChangeFeed, currentPageStore } from "@/lib/page-cache/registry";

/**
 * What a change to papers invalidates, said once for both places a change is made: inside Next.js
 * (`papersChanged`, lib/page-cache/invalidate.ts: server actions, route handlers) and in the front server,
 * which answers votes outside Next.js (lib/page-cache/front-server.ts). No Next.js import here: the front
 * server loads this before Next.js is ready.
 * - `"shown"`: what a reader must not see again — a paper hidden, moved, submitted, a comment posted, edited
 *   or deleted, an author renamed. The pages showing it _expire_ (the next reader waits for a fresh render; a
 *   copy rendered before the change is never kept), and so do the papers' and the listings' data.
 * - `"counted"`: a vote's count, which may lag a moment. The pages go _stale_ (readers keep the stored page
 *   while one render refreshes it, so a burst of votes costs one render per page, not one per vote); the
 *   paper's data is dropped, and the listings' data follows within its short lifetime (LIST_REVALIDATE_SECONDS),
 *   so a vote never makes every listing read again.
 */
export type PaperChange = "shown" | "counted";

export interface Invalidation {
  kind: ChangeKind;
  /** Next.js's data cache tags. */
  data: string[];
  /** The page cache's tags. */
  pages: string[];
}

export function invalidationOf(paperIds: readonly string[], how: PaperChange): Invalidation {
  const papers = paperIds.map(cacheTags.paper);
  const pages = [...papers, cacheTags.lists];
  return how === "counted" ? { kind: "stale", data: papers, pages } : { kind: "expire", data: pages, pages };
}

/** This server's stored pages only: for a change another server announced (it told the others itself). */
export function invalidatePagesHere(tags: readonly string[], how: ChangeKind): void {
  currentPageStore()?.invalidate(tags, how);
}

/** The stored pages here and on the other servers; their data caches are told by the change feed. */
export function invalidateEverywhere(tags: readonly string[], how: ChangeKind): void {
  invalidatePagesHere(tags, how);
  currentChangeFeed()?.publish(how, tags);
}
