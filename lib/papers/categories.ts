import { z } from "zod";

/**
 * arXiv categories ("cs.CL", "math.AG", "hep-th", "astro-ph.CO", "cond-mat.mes-hall") as listings filter by
 * them: `?category=cs.CL` on the day, week, month and trending pages, the feeds and the JSON API.
 */

/** An archive ("cs", "hep-th", "q-bio"), optionally with a subject class ("CL", "mes-hall"). */
const CATEGORY = /^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]+(?:-[a-z]+)?)?$/;
const MAX_CATEGORY_LENGTH = 32;

/** The category `raw` names, or null when it is not shaped like an arXiv category. */
export function parseCategory(raw: string): string | null {
  const candidate = raw.trim();
  return candidate.length <= MAX_CATEGORY_LENGTH && CATEGORY.test(candidate) ? candidate : null;
}

export const CATEGORY_MESSAGE = "category must be an arXiv category such as cs.CL or hep-th";

/** `?category=` as a query-string value: absent is null (every category); malformed is an issue. */
export const categoryParam = z
  .string({ error: CATEGORY_MESSAGE })
  .transform((raw, ctx) => {
    const category = parseCategory(raw);
    if (category === null) {
      ctx.addIssue({ code: "custom", message: CATEGORY_MESSAGE });
      return z.NEVER;
    }
    return category;
  })
  .nullable()
  .default(null);

/**
 * The category filter of a page's search params: null for none, the category, or `false` when the value
 * is malformed or repeated (the page then answers 404, as it does for a malformed page number).
 */
export function categoryFromSearchParams(value: string | string[] | undefined): string | null | false {
  if (value === undefined) return null;
  if (typeof value !== "string") return false;
  return parseCategory(value) ?? false;
}

/** `path` with `?category=` (and `extra` params) added; no category gives the unfiltered view. */
export function withCategory(path: string, category: string | null, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (category) params.set("category", category);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The categories a card shows (primary first), and how many more the paper has. */
export function cardCategories(categories: string[], shown = 3): { shown: string[]; more: number } {
  return { shown: categories.slice(0, shown), more: Math.max(0, categories.length - shown) };
}

/** One chip of a listing's category filter: a category and how many papers of the view have it. */
export interface CategoryFacet {
  category: string;
  count: number;
}

/**
 * The chips of a listing's filter: the configured categories (ARXIV_CATEGORIES) first in their order, then
 * every other category present in the view, most papers first, then the active one if neither had it.
 */
export function categoryChips(configured: string[], present: CategoryFacet[], active: string | null): CategoryFacet[] {
  const counts = new Map(present.map((facet) => [facet.category, facet.count]));
  const chips: CategoryFacet[] = configured.map((category) => ({ category, count: counts.get(category) ?? 0 }));
  const seen = new Set(configured);
  for (const facet of present) {
    if (!seen.has(facet.category)) chips.push(facet);
    seen.add(facet.category);
  }
  if (active && !seen.has(active)) chips.push({ category: active, count: 0 });
  return chips;
}
