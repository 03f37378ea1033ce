/**
 * The one place that names the Next.js cache tags: loaders tag what they cache, mutations invalidate by
 * the same names.
 */
export const cacheTags = {
  /** Everything derived from paper `id`'s text or counts. */
  paper: (id: string) => `paper:${id}`,
  /** The machine-readable feeds (RSS, Atom). */
  feeds: "feeds",
} as const;
