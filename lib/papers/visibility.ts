import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Which papers readers may see, and which are listed: the one place that says so. An admin hides a paper
 * by setting `Paper.hiddenAt`: it is gone everywhere, its own page included. A paper its authors withdrew
 * (`Paper.withdrawnAt`, set by the importers from arXiv) keeps its page, which says so, but is off every
 * list: daily lists, trending, search, similar papers, feeds, the JSON API's lists and the digests. Every
 * listing, count, search, feed, API answer, sitemap, digest and the paper's own page reads through these.
 * Not `server-only`: the digest worker runs outside Next.js.
 */

/** Papers whose page readers may see (withdrawn ones included), optionally only those in arXiv `category`. */
export function visiblePaper(category: string | null = null): Prisma.PaperWhereInput {
  return category ? { hiddenAt: null, categories: { has: category } } : { hiddenAt: null };
}

/** Papers lists may show: visible and not withdrawn, optionally only those in arXiv `category`. */
export function listedPaper(category: string | null = null): Prisma.PaperWhereInput {
  return { ...visiblePaper(category), withdrawnAt: null };
}

/** Featured papers (daily-list rows) lists may show, optionally only in `category`. */
export function visibleFeatured(category: string | null = null): Prisma.DailyPaperWhereInput {
  return { paper: listedPaper(category) };
}

/**
 * The condition for lists (visible, not withdrawn) as SQL text over `"Paper"`'s columns, qualified by the
 * table's alias when one is given (a constant: never user input). For statements written as plain text,
 * such as the vote's, which must refuse exactly what lists leave out.
 */
export function listedPaperCondition(alias?: "p" | "c"): string {
  const column = (name: string) => (alias ? `"${alias}"."${name}"` : `"${name}"`);
  return `${column("hiddenAt")} IS NULL AND ${column("withdrawnAt")} IS NULL`;
}

/**
 * The condition for lists (visible, not withdrawn) in raw SQL over `"Paper"` aliased `p` (a constant: never
 * pass user input as the alias). The category is a bound parameter.
 */
export function visiblePaperSql(category: string | null = null, alias: "p" | "c" = "p"): Prisma.Sql {
  const listed = Prisma.raw(listedPaperCondition(alias));
  const table = Prisma.raw(`"${alias}"`);
  return category ? Prisma.sql`${listed} AND ${table}.categories @> ARRAY[${category}]::text[]` : listed;
}
