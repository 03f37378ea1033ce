/** How many authors a paper's byline names before "and N more". */
export const AUTHORS_SHOWN = 3;

/** The first `shown` authors and how many are left out (0 when all are shown). */
export function splitAuthors(authors: string[], shown = AUTHORS_SHOWN): { shown: string[]; rest: number } {
  return { shown: authors.slice(0, shown), rest: Math.max(0, authors.length - shown) };
}

/** "A, B, C and 26 more": the first `shown` authors and the count of the rest. Universal. */
export function formatAuthors(authors: string[], shown = AUTHORS_SHOWN): string {
  const { shown: named, rest } = splitAuthors(authors, shown);
  return rest > 0 ? `${named.join(", ")} and ${rest} more` : named.join(", ");
}
