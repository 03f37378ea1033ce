import "server-only";
import { currentPageStore } from "@/lib/page-cache/registry";

/**
 * How mutations reach the page cache, beside Next.js's own tags (lib/cache-tags.ts names both):
 * - `expirePages`: what a reader must not see again — a paper hidden, moved, submitted, a comment posted
 *   or deleted, an import. The next signed-out reader of those pages waits for a fresh render.
 * - `stalePages`: what may lag a moment — a vote's count. Readers keep getting the stored page while one
 *   render refreshes it, so a burst of votes costs one render per page, not one per vote.
 */
export function expirePages(...tags: string[]): void {
  currentPageStore()?.invalidate(tags, "expire");
}

export function stalePages(...tags: string[]): void {
  currentPageStore()?.invalidate(tags, "stale");
}
