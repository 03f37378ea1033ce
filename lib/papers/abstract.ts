/**
 * How much of an abstract a page shows. arXiv limits abstracts to 1,920 characters, but imported or
 * submitted data can be anything: one 48k-character abstract of math made a 14.7 MB page (KaTeX's HTML for
 * every formula, then again in the page's RSC payload). Past these bounds the page shortens the abstract
 * and links to arXiv for the rest.
 */
export const ABSTRACT_DISPLAY_LIMIT = 5_000;
/** Formulas typeset per abstract; later ones stay as their source text. */
export const ABSTRACT_MATH_LIMIT = 200;

/** Whether a page shows `abstract` shortened (see ABSTRACT_DISPLAY_LIMIT). */
export function isAbstractShortened(abstract: string): boolean {
  return abstract.length > ABSTRACT_DISPLAY_LIMIT;
}

/** `text` cut to at most `limit` characters at a word boundary, ending in "…" when cut. */
export function clipText(text: string, limit: number = ABSTRACT_DISPLAY_LIMIT): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const space = cut.lastIndexOf(" ");
  return `${(space > limit * 0.8 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
