import "server-only";
import { cacheTags } from "@/lib/cache-tags";

/**
 * What a vote invalidates:
 * - `data`: Next.js's data cache of the paper (its count in the JSON API), expired at once
 *   (lib/page-cache/data-cache.ts says why never "max"); it costs one read of the paper at its next render.
 * - `pages`: the page cache's stored pages of the paper and of the listings (their cards' counts,
 *   trending's order), made stale, never expired: readers keep the stored answer while one render refreshes
 *   it, so a burst of votes costs one render per page, not one per vote. The lists' data cache follows within
 *   its short lifetime (LIST_REVALIDATE_SECONDS).
 * The voter's own next load reads their counts fresh (lib/upvotes/viewer.ts).
 */
export function tagsStaleAfterVote(paperId: string): { data: string[]; pages: string[] } {
  return { data: [cacheTags.paper(paperId)], pages: [cacheTags.paper(paperId), cacheTags.lists] };
}
