import "server-only";
import { getUpvoteCounts } from "@/lib/upvotes/data";

/** Papers' vote counts read at render time. */
export type CurrentCounts = ReadonlyMap<string, number>;

/**
 * The counts of `paperIds` as they are now, for a page's vote buttons: the cards come from a data cache
 * that can be a vote behind, and a page rendered for the page cache just after a vote made it stale must
 * carry the new count.
 */
export function getCurrentCounts(paperIds: string[]): Promise<CurrentCounts> {
  const counts = getUpvoteCounts(paperIds);
  // Pages start this before rendering and hand the promise down; when a render ends early (an error above
  // the cards, an empty list) nothing awaits it. Marked handled, a database blip is one error, not also an
  // `unhandledRejection`; whoever awaits it still gets the error.
  counts.catch(() => {});
  return counts;
}
