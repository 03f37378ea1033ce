import "server-only";
import type { ChangeKind } from "@/lib/page-cache/change-feed";
import { currentChangeFeed, currentPageStore } from "@/lib/page-cache/registry";

/**
 * How mutations reach the page cache, beside Next.js's own tags (lib/cache-tags.ts names both), on this app
 * server at once and on every other one through the change feed (lib/page-cache/change-feed.ts), which
 * also drops the other servers' data cache entries under the same tags:
 * - `expirePages`: what a reader must not see again — a paper hidden, moved, submitted, a comment posted
 *   or deleted, an import. The next signed-out reader of those pages waits for a fresh render.
 * - `stalePages`: what may lag a moment — a vote's count. Readers keep getting the stored page while one
 *   render refreshes it, so a burst of votes costs one render per page, not one per vote.
 */
export function expirePages(...tags: string[]): void {
  invalidateEverywhere(tags, "expire");
}

export function stalePages(...tags: string[]): void {
  invalidateEverywhere(tags, "stale");
}

/** This server's stored pages only: for a change another server announced (it told the others itself). */
export function invalidatePagesHere(tags: readonly string[], how: ChangeKind): void {
  currentPageStore()?.invalidate(tags, how);
}

function invalidateEverywhere(tags: readonly string[], how: ChangeKind): void {
  invalidatePagesHere(tags, how);
  currentChangeFeed()?.publish(how, tags);
}
