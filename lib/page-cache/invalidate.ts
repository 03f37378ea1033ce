import "server-only";
import { invalidateEverywhere, invalidationOf, type PaperChange } from "@/lib/page-cache/changes";
import { expireDataCache } from "@/lib/page-cache/data-cache";

/**
 * The one call after papers change inside Next.js (a server action, a route handler): Next's data cache
 * and the page cache, on this app server at once and on every other one through the change feed
 * (lib/page-cache/change-feed.ts), as lib/page-cache/changes.ts says for `how` ("shown" by default, or a
 * vote's "counted"). The front server, outside Next.js, applies the same invalidation to the votes it answers.
 */
export function papersChanged(paperIds: readonly string[], how: PaperChange = "shown"): void {
  const change = invalidationOf(paperIds, how);
  expireDataCache(change.data, change.kind);
  invalidateEverywhere(change.pages, change.kind);
}
