import "server-only";
import { revalidateTag } from "next/cache";

/**
 * Drops Next.js's data cache entries under `tags` now, from a route handler (actions use `updateTag`).
 * Always an immediate expiry, never `revalidateTag(tag, "max")`: Next keeps one expiry time per tag, and
 * "max" moves it a year ahead — an entry that an earlier expiry (a paper hidden) had made unusable became
 * merely stale again, was served to the next render and put the hidden paper back on its page (issue 20,
 * item 6). Expiring a paper's entry costs one read of that paper at its next render.
 */
export function expireDataCache(tags: readonly string[]): void {
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
}
