import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import { cacheTags } from "@/lib/cache-tags";
import type { ChangeKind } from "@/lib/page-cache/change-feed";

/**
 * Next.js's data cache (`unstable_cache`), read and dropped in one place.
 *
 * Dropping is always an immediate expiry, never `revalidateTag(tag, "max")`: Next keeps one expiry time per
 * tag, and "max" moves it a year ahead — an entry that an earlier expiry (a paper hidden) had made unusable
 * became merely stale again, was served to the next render and put the hidden paper back on its page
 * (issue 20, item 6).
 *
 * A removal (a paper hidden, moved, a comment deleted: `expire`, not a vote's `stale`) is also counted
 * here, per tag, so that a read which began before it is read again rather than stored: Next.js stamps an
 * entry with the time it is stored, not the time its read began, so a read that started before the
 * change and finished after its expiry was kept as new, with the removed paper in it, for the entry's whole
 * lifetime (up to 5 minutes). The counts live on `globalThis`: route handlers, actions and pages are
 * bundled apart and would each get their own copy of a module's state.
 */

const REMOVALS = Symbol.for("daily-papers.data-cache-removals");
/** Reads of one entry overtaken by removals in a row before the last one is kept (see `readPastRemovals`). */
const MAX_READS = 3;

interface Removals {
  /** Counts every removal in this process. */
  sequence: number;
  /** The sequence of each tag's latest removal. */
  byTag: Map<string, number>;
}

function removals(): Removals {
  const holder = globalThis as { [REMOVALS]?: Removals };
  return (holder[REMOVALS] ??= { sequence: 0, byTag: new Map() });
}

/** Counts a removal of `tags`: reads of them under way now are read again (`readPastRemovals`). */
export function recordRemoval(tags: readonly string[]): void {
  const state = removals();
  state.sequence += 1;
  for (const tag of tags) state.byTag.set(tag, state.sequence);
}

/**
 * Runs `read` until no removal of `tags` happened while it ran (at most MAX_READS times): what it returns
 * was read after the latest removal, so storing it cannot undo one. Votes do not count (their counts may
 * lag), so a burst of votes never makes a listing read again; removals are rare, and a read overtaken
 * MAX_READS times in a row is kept as the newest there is.
 */
export async function readPastRemovals<T>(tags: readonly string[], read: () => Promise<T>): Promise<T> {
  const state = removals();
  for (let attempt = 1; ; attempt++) {
    const began = state.sequence;
    const value = await read();
    const overtaken = tags.some((tag) => (state.byTag.get(tag) ?? 0) > began);
    if (!overtaken || attempt >= MAX_READS) return value;
  }
}

/**
 * `read(...args)` through Next's data cache (in this process's memory: next.config.ts; shared by every
 * request of the process), under `key` and `tags` (and `cacheTags.all`: everything cached comes from the
 * papers' tables), read past removals. The cache stores JSON, so `revive`
 * turns strings back into Dates. Outside a Next.js server (tests, scripts, the worker) there is no cache
 * and `read` runs directly.
 */
export function cachedRead<Args extends unknown[], Result>(
  read: (...args: Args) => Promise<Result>,
  key: string,
  tags: (...args: Args) => string[],
  revalidate: number,
  revive: (value: Result) => Result = (value) => value,
): (...args: Args) => Promise<Result> {
  return async (...args: Args) => {
    if (!process.env.NEXT_RUNTIME) return read(...args);
    const tagList = [...tags(...args), cacheTags.all];
    const value = await unstable_cache((...a: Args) => readPastRemovals(tagList, () => read(...a)), [key], {
      tags: tagList,
      revalidate,
    })(...args);
    return revive(value);
  };
}

/** Drops Next.js's data cache entries under `tags` now, from a server action or a route handler. */
export function expireDataCache(tags: readonly string[], how: ChangeKind): void {
  if (how === "expire") recordRemoval(tags);
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
}
