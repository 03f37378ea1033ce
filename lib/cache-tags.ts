/**
 * The one place that names the cache tags, one name each: loaders tag what they cache (Next's data cache and
 * the page cache alike), and `papersChanged` (lib/page-cache/invalidate.ts) invalidates by the same names.
 */
export const cacheTags = {
  /** Everything derived from paper `id`'s text or counts (its page, its API answer, similar papers). */
  paper: (id: string) => `paper:${id}`,
  /**
   * Every listing of papers: the days, weeks, months, trending and the latest day on pages, their category
   * chips, the feeds (RSS, Atom) and the JSON API's lists. Anything that adds, removes, hides, moves or
   * re-ranks a listed paper, or changes what its card shows, invalidates it.
   */
  lists: "lists",
  /**
   * Everything cached from the papers' tables. Invalidated through `POST /api/revalidate` when they change
   * outside the app (an import from the CLI or the worker), which cannot say which papers' pages it touched.
   */
  all: "papers",
} as const;
