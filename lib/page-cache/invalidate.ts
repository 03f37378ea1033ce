import "server-only";
import { cacheTags } from "@/lib/cache-tags";
import type { ChangeKind } from "@/lib/page-cache/change-feed";
import { expireDataCache } from "@/lib/page-cache/data-cache";
import { currentChangeFeed, currentPageStore } from "@/lib/page-cache/registry";

/*
 * Inside Next.js only (it imports next/cache): the front server (lib/page-cache/front-server.ts), which
 * runs outside, invalidates its own store directly.
 */

/**
 * The one call after papers change, from a server action or a route handler (inside Next.js). It reaches
 * both caches — Next.js's data cache and the page cache (lib/page-cache/) — on this app server at once and
 * on every other one through the change feed (lib/page-cache/change-feed.ts), under the papers' tags and
 * the listings' (lib/cache-tags.ts):
 * - `"shown"` (the default): what a reader must not see again — a paper hidden, moved, submitted, a
 *   comment posted, edited or deleted, an author renamed. The next reader of those pages waits for a
 *   fresh render; a copy rendered before the change is never kept (a stale copy cannot undo a removal).
 * - `"counted"`: a vote's count, which may lag a moment. Readers keep getting the stored page while one
 *   render refreshes it, so a burst of votes costs one render per page, not one per vote.
 */
export function papersChanged(paperIds: readonly string[], how: "shown" | "counted" = "shown"): void {
  const tags = [...paperIds.map(cacheTags.paper), cacheTags.lists];
  if (how === "counted") {
    // The lists' data cache follows within its short lifetime (LIST_REVALIDATE_SECONDS): a vote never
    // makes every listing read again.
    expireDataCache(paperIds.map(cacheTags.paper), "stale");
    invalidateEverywhere(tags, "stale");
  } else {
    expireDataCache(tags, "expire");
    invalidateEverywhere(tags, "expire");
  }
}

/** Everything cached from the papers' tables changed (an import outside the app: POST /api/revalidate). */
export function everythingChanged(how: ChangeKind = "expire"): void {
  expireDataCache([cacheTags.all], how);
  invalidateEverywhere([cacheTags.all], how);
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
