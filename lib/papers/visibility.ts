import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Which papers readers may see: the one place that says so. An admin hides a paper by setting
 * `Paper.hiddenAt`; every listing, count, search, feed, API answer, sitemap, digest and the paper's own page
 * reads through these, so a hidden paper is gone everywhere at once. Not `server-only`: the digest worker
 * runs outside Next.js.
 */

/** Papers readers may see, optionally only those in arXiv `category` (the GIN index on `categories`). */
export function visiblePaper(category: string | null = null): Prisma.PaperWhereInput {
  return category ? { hiddenAt: null, categories: { has: category } } : { hiddenAt: null };
}

/** Featured papers (daily-list rows) whose paper readers may see, optionally only in `category`. */
export function visibleFeatured(category: string | null = null): Prisma.DailyPaperWhereInput {
  return { paper: visiblePaper(category) };
}

/**
 * The same condition for raw SQL over `"Paper"` aliased `p` (a constant: never pass user input as the
 * alias). The category is a bound parameter.
 */
export function visiblePaperSql(category: string | null = null, alias: "p" | "c" = "p"): Prisma.Sql {
  const table = Prisma.raw(`"${alias}"`);
  return category
    ? Prisma.sql`${table}."hiddenAt" IS NULL AND ${table}.categories @> ARRAY[${category}]::text[]`
    : Prisma.sql`${table}."hiddenAt" IS NULL`;
}
