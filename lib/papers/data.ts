import "server-only";
import { cache } from "react";
import { prisma } from "@/lib/db/client";
import { cacheTags } from "@/lib/cache-tags";
import { loadEnv } from "@/lib/env";
import { cachedRead } from "@/lib/page-cache/data-cache";
import { Prisma } from "@/lib/generated/prisma/client";
import { categoryChips, type CategoryFacet } from "@/lib/papers/categories";
import { addDays, DAY_MS, dayToDate, toDayString, type DayRange } from "@/lib/dates/days";
import { listOrder } from "@/lib/papers/list-order";
import { bibliographySelect, detailSelect, summarySelect, toDetail, toSummary } from "@/lib/papers/summary";
import { visibleFeatured, visiblePaper, visiblePaperSql } from "@/lib/papers/visibility";
import { LIST_PAGE_SIZE, type DailyList, type Page, type PaperDetail, type PaperSummary } from "@/lib/papers/schema";

/**
 * How long a cached listing (a day, a week, a month, trending, the latest day, category chips) is reused.
 * Mutations made inside the app invalidate `cacheTags.lists` at once; this bound is how late a change made
 * outside it (an import from the CLI or the worker, the synthetic generator) or a vote's new ordering can
 * show to readers. Vote counts reach their voter sooner: the reader's own request reads them fresh.
 */
export const LIST_REVALIDATE_SECONDS = 30;
/** How long a cached paper (its page, its API answer) is reused when nothing invalidates `cacheTags.paper`. */
export const PAPER_REVALIDATE_SECONDS = 300;

/** A date the data cache handed back as its ISO string. */
function reviveDate<T extends Date | null>(value: T | string): T {
  return (typeof value === "string" ? new Date(value) : value) as T;
}

/** A summary (or detail) whose Dates went through the data cache's JSON. */
export function reviveSummary<T extends PaperSummary & Partial<Pick<PaperDetail, "revisedAt" | "withdrawnAt">>>(
  paper: T,
): T {
  const revived = { ...paper, publishedAt: reviveDate(paper.publishedAt), submittedAt: reviveDate(paper.submittedAt) };
  if ("revisedAt" in paper) revived.revisedAt = reviveDate(paper.revisedAt ?? null);
  if ("withdrawnAt" in paper) revived.withdrawnAt = reviveDate(paper.withdrawnAt ?? null);
  return revived;
}

const listTags = () => [cacheTags.lists];

/** What a listing is narrowed to: an arXiv category, or null for every one. */
export interface ListFilter {
  category?: string | null;
}

/** Daily-list rows featured within `range` whose papers readers may see (in `category`, if given). */
function featuredIn(range: DayRange, category: string | null = null): Prisma.DailyPaperWhereInput {
  const day =
    range.from === range.to ? dayToDate(range.from) : { gte: dayToDate(range.from), lte: dayToDate(range.to) };
  return { day, ...visibleFeatured(category) };
}

/** One page of the papers featured within `range` (in `category`, if given), in list order, and how many there are. */
async function featuredPage(
  range: DayRange,
  category: string | null,
  page: number,
  pageSize: number,
): Promise<{ papers: PaperSummary[]; total: number }> {
  const where = featuredIn(range, category);
  const [rows, total] = await Promise.all([
    prisma.dailyPaper.findMany({
      where,
      orderBy: listOrder,
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { paper: { select: summarySelect } },
    }),
    prisma.dailyPaper.count({ where }),
  ]);
  return { papers: rows.map((row) => toSummary(row.paper)), total };
}

/**
 * One page of the papers featured on `day` ("YYYY-MM-DD"), optionally only those in an arXiv category,
 * with the nearest earlier and later days that have such papers.
 */
async function readDailyList(
  day: string,
  page = 1,
  { category = null, pageSize = LIST_PAGE_SIZE }: ListFilter & { pageSize?: number } = {},
): Promise<DailyList> {
  const [{ papers, total }, previous, next] = await Promise.all([
    featuredPage({ from: day, to: day }, category, page, pageSize),
    nearestDay(day, "previous", category),
    nearestDay(day, "next", category),
  ]);
  return {
    day,
    category,
    papers,
    total,
    page,
    pageCount: Math.ceil(total / pageSize),
    previousDay: previous,
    nextDay: next,
  };
}

/** {@link readDailyList} through the data cache (tag `cacheTags.lists`). */
export const getDailyList = cachedRead(readDailyList, "daily-list", listTags, LIST_REVALIDATE_SECONDS, (list) => ({
  ...list,
  papers: list.papers.map(reviveSummary),
}));

/** How far the cheap walk along the day index looks for a category's nearest day before aggregating. */
const NEAR_DAYS = 31;

/**
 * The nearest day before (or after) `day` with papers readers may see, in `category` if given. Walking
 * the day index backwards stops at the first match, which is instant for the whole list or a common
 * category, but would read every row for a category with no papers (any well-formed `?category=`); so a
 * category is first looked for within a month, then by aggregating over its papers (the GIN index), whose
 * cost is bounded by how many papers the category has.
 */
async function nearestDay(
  day: string,
  direction: "previous" | "next",
  category: string | null,
): Promise<string | null> {
  const date = dayToDate(day);
  const before = direction === "previous";
  const bound = dayToDate(addDays(day, before ? -NEAR_DAYS : NEAR_DAYS));
  const near = await prisma.dailyPaper.findFirst({
    where: {
      day: before
        ? { lt: date, ...(category ? { gte: bound } : {}) }
        : { gt: date, ...(category ? { lte: bound } : {}) },
      ...visibleFeatured(category),
    },
    orderBy: { day: before ? "desc" : "asc" },
    select: { day: true },
  });
  if (near || !category) return near ? toDayString(near.day) : null;
  const [row] = await prisma.$queryRaw<{ day: Date | null }[]>`
    SELECT ${before ? Prisma.sql`max(d.day)` : Prisma.sql`min(d.day)`} AS day
    FROM "DailyPaper" d JOIN "Paper" p ON p.id = d."paperId"
    WHERE ${before ? Prisma.sql`d.day < ${date}::date` : Prisma.sql`d.day > ${date}::date`} AND ${visiblePaperSql(category)}`;
  return row?.day ? toDayString(row.day) : null;
}

/** The latest day that has papers readers may see ("YYYY-MM-DD"), or null when the daily list is empty. */
export const getLatestDay = cachedRead(readLatestDay, "latest-day", listTags, LIST_REVALIDATE_SECONDS, (day) => day);

async function readLatestDay(): Promise<string | null> {
  const latest = await prisma.dailyPaper.findFirst({
    where: visibleFeatured(),
    orderBy: { day: "desc" },
    select: { day: true },
  });
  return latest ? toDayString(latest.day) : null;
}

/** The papers featured within `range` (a week or a month), optionally only in a category, one page of them. */
async function readRangeList(
  range: DayRange,
  page: number,
  { category = null, pageSize = LIST_PAGE_SIZE }: ListFilter & { pageSize?: number } = {},
): Promise<Page<PaperSummary>> {
  const { papers, total } = await featuredPage(range, category, page, pageSize);
  return { items: papers, total, page, pageSize, pageCount: Math.ceil(total / pageSize) };
}

/**
 * The latest day within `range` that has papers readers may see (in `category`, when given), or null: a week's
 * or a month's page anchors its Daily / Weekly / Monthly tabs there, so they lead to a period with papers even
 * when the range starts in an empty month (a week of December that begins in November).
 */
async function readLatestDayIn(range: DayRange, category: string | null): Promise<string | null> {
  const latest = await prisma.dailyPaper.findFirst({
    where: featuredIn(range, category),
    orderBy: { day: "desc" },
    select: { day: true },
  });
  return latest ? toDayString(latest.day) : null;
}

/** {@link readLatestDayIn} through the data cache (tag `cacheTags.lists`). */
export const getLatestDayIn = cachedRead(
  readLatestDayIn,
  "latest-day-in",
  listTags,
  LIST_REVALIDATE_SECONDS,
  (day) => day,
);

/** {@link readRangeList} through the data cache (tag `cacheTags.lists`). */
export const getRangeList = cachedRead(readRangeList, "range-list", listTags, LIST_REVALIDATE_SECONDS, (page) => ({
  ...page,
  items: page.items.map(reviveSummary),
}));

/** How far back trending looks, and the gravity of its time decay (see docs/reading.md, "Trending"). */
export const TRENDING_WINDOW_DAYS = 7;
export const TRENDING_GRAVITY = 1.5;

/** Daily-list rows inside trending's window ending at `now`, for raw SQL over `d` (DailyPaper). */
function trendingWindowSql(now: Date): Prisma.Sql {
  const since = new Date(now.getTime() - TRENDING_WINDOW_DAYS * DAY_MS);
  // The day bound lets Postgres use the (day, submittedAt) index; submittedAt gives the exact window.
  const sinceDay = dayToDate(toDayString(since));
  return Prisma.sql`d.day >= ${sinceDay}::date AND d."submittedAt" >= ${since} AND d."submittedAt" <= ${now}`;
}

/**
 * Recently featured papers ranked by a time-decayed upvote score:
 * score = upvotes / (hours since featured + 2) ^ 1.5, over papers featured in the last 7 days,
 * optionally only those in an arXiv category.
 */
export async function getTrendingPapers(
  limit = LIST_PAGE_SIZE,
  { now, category = null }: ListFilter & { now?: Date } = {},
): Promise<PaperSummary[]> {
  // A fixed `now` (tests, a digest for a past day) is a one-off question; the live ranking is cached.
  if (now) return readTrendingPapers(limit, category, now);
  return cachedTrending(limit, category);
}

const cachedTrending = cachedRead(
  (limit: number, category: string | null) => readTrendingPapers(limit, category, new Date()),
  "trending",
  listTags,
  LIST_REVALIDATE_SECONDS,
  (papers) => papers.map(reviveSummary),
);

async function readTrendingPapers(limit: number, category: string | null, now: Date): Promise<PaperSummary[]> {
  const ranked = await prisma.$queryRaw<{ paperId: string }[]>`
    SELECT d."paperId"
    FROM "DailyPaper" d JOIN "Paper" p ON p.id = d."paperId"
    WHERE ${trendingWindowSql(now)} AND ${visiblePaperSql(category)}
    ORDER BY p."upvoteCount"::float8
               / power(greatest(extract(epoch FROM (${now}::timestamptz - d."submittedAt"))::float8 / 3600, 0) + 2, ${TRENDING_GRAVITY}::float8) DESC,
             d."submittedAt" DESC
    LIMIT ${limit}`;
  return summariesInOrder(ranked.map((r) => r.paperId));
}

/**
 * How many papers of a listing carry each arXiv category (a paper counts once per category it has), most
 * first: `range` for a day, week or month, "trending" for trending's window.
 */
export async function getCategoryFacets(
  scope: DayRange | "trending",
  now: Date = new Date(),
): Promise<CategoryFacet[]> {
  const window =
    scope === "trending"
      ? trendingWindowSql(now)
      : Prisma.sql`d.day >= ${dayToDate(scope.from)}::date AND d.day <= ${dayToDate(scope.to)}::date`;
  const rows = await prisma.$queryRaw<CategoryFacet[]>`
    SELECT c.category, count(*)::int AS count
    FROM "DailyPaper" d JOIN "Paper" p ON p.id = d."paperId" CROSS JOIN LATERAL unnest(p.categories) AS c(category)
    WHERE ${window} AND ${visiblePaperSql()}
    GROUP BY c.category
    ORDER BY count DESC, c.category
    LIMIT ${MAX_FACETS}`;
  return rows;
}

/** A listing's filter chips never grow past this many categories. */
const MAX_FACETS = 200;

/**
 * The chips of a listing's category filter: the configured ARXIV_CATEGORIES, then the other categories
 * present in the listing, then `active` if neither had it.
 */
export async function getCategoryChips(
  scope: DayRange | "trending",
  active: string | null,
  now?: Date,
): Promise<CategoryFacet[]> {
  const configured = loadEnv()
    .ARXIV_CATEGORIES.split(",")
    .map((c) => c.trim());
  const facets = now ? await getCategoryFacets(scope, now) : await cachedFacets(scope);
  return categoryChips(configured, facets, active);
}

const cachedFacets = cachedRead(
  (scope: DayRange | "trending") => getCategoryFacets(scope),
  "category-facets",
  listTags,
  LIST_REVALIDATE_SECONDS,
  (facets) => facets,
);

/** Summaries of the visible papers among `ids`, in that order (a ranking's, or search's hits). */
export async function summariesInOrder(ids: string[]): Promise<PaperSummary[]> {
  if (ids.length === 0) return [];
  const rows = await prisma.paper.findMany({
    where: { id: { in: ids }, ...visiblePaper() },
    select: summarySelect,
  });
  const byId = new Map(rows.map((row) => [row.id, toSummary(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * `papers` (a list's summaries) with each one's bibliographic details read in one query by id, in the same
 * order: the JSON API's lists say them, while the site's lists, which show none, never read them.
 */
export async function withDetails(papers: PaperSummary[]): Promise<PaperDetail[]> {
  if (papers.length === 0) return [];
  const rows = await prisma.paper.findMany({
    where: { id: { in: papers.map((paper) => paper.id) } },
    select: { id: true, ...bibliographySelect },
  });
  const byId = new Map(rows.map(({ id, ...details }) => [id, details]));
  return papers.flatMap((paper) => {
    const details = byId.get(paper.id);
    return details ? [{ ...paper, ...details }] : [];
  });
}

/**
 * One paper by its bare arXiv id, or null when there is none or it is hidden. Cached per paper (tag
 * `cacheTags.paper(id)`, which votes, comments, submissions and admin actions invalidate) and deduplicated
 * within a request (metadata and page share it).
 */
export const getPaper = cache(
  cachedRead(
    async (id: string): Promise<PaperDetail | null> => {
      const row = await prisma.paper.findFirst({ where: { id, ...visiblePaper() }, select: detailSelect });
      return row ? toDetail(row) : null;
    },
    "paper",
    (id) => [cacheTags.paper(id)],
    PAPER_REVALIDATE_SECONDS,
    (paper) => (paper ? reviveSummary(paper) : null),
  ),
);

/**
 * Papers whose text is closest to paper `id`'s. The candidates are the 300 papers with the most similar
 * titles (a pg_trgm KNN scan of a GiST index, fast however many papers there are); they are ranked by how
 * well they match the paper's most telling words (its title's, then the abstract's most repeated) on the
 * full-text index. Cached per paper, since it depends only on the texts.
 */
export const getSimilarPapers = cachedRead<[id: string, limit?: number], PaperSummary[]>(
  async (id, limit = 6): Promise<PaperSummary[]> => summariesInOrder(await similarPaperIds(id, limit)),
  "similar-papers-summaries",
  // The summaries carry counts and visibility: a paper hidden since drops out with the lists.
  (id) => [cacheTags.paper(id), cacheTags.lists],
  LIST_REVALIDATE_SECONDS,
  (papers) => papers.map(reviveSummary),
);

const similarPaperIds = cachedRead(
  async (id: string, limit: number): Promise<string[]> => {
    const rows = await prisma.$queryRaw<{ id: string }[]>`
        WITH source AS (SELECT "searchVector" AS doc FROM "Paper" WHERE id = ${id}),
        terms AS (
          SELECT u.lexeme FROM source, unnest(source.doc) AS u(lexeme, positions, weights)
          WHERE length(u.lexeme) > 2
          ORDER BY ('A' = ANY(u.weights)) DESC, array_length(u.positions, 1) DESC, u.lexeme
          LIMIT 16
        ),
        query AS (SELECT to_tsquery('simple', string_agg(quote_literal(lexeme), ' | ')) AS q FROM terms),
        candidates AS (
          SELECT p.id, p."searchVector", p."upvoteCount",
                 p.title <-> (SELECT title FROM "Paper" WHERE id = ${id}) AS distance
          FROM "Paper" p
          WHERE p.id <> ${id} AND ${visiblePaperSql()}
          ORDER BY p.title <-> (SELECT title FROM "Paper" WHERE id = ${id})
          LIMIT 300
        )
        SELECT c.id FROM candidates c, query
        WHERE query.q IS NOT NULL AND c."searchVector" @@ query.q
        ORDER BY ts_rank(c."searchVector", query.q) DESC, c.distance, c."upvoteCount" DESC, c.id
        LIMIT ${limit}`;
    return rows.map((r) => r.id);
  },
  "similar-papers",
  (id) => [cacheTags.paper(id)],
  3600,
);

/** Every visible paper id with its last change, for the sitemap (newest first, bounded). */
export async function getSitemapEntries(limit = 50_000): Promise<{ id: string; updatedAt: Date }[]> {
  return prisma.paper.findMany({
    where: visiblePaper(),
    orderBy: { publishedAt: "desc" },
    take: limit,
    select: { id: true, updatedAt: true },
  });
}

/** The days that have visible papers (in `category`, if given), newest first (sitemap, daily feed). */
export async function getFeaturedDays(limit = 5_000, category: string | null = null): Promise<string[]> {
  const rows = await prisma.dailyPaper.groupBy({
    by: ["day"],
    where: visibleFeatured(category),
    orderBy: { day: "desc" },
    take: limit,
  });
  return rows.map((r) => toDayString(r.day));
}
