import "server-only";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { prisma } from "@/lib/db";
import { cacheTags } from "@/lib/cache-tags";
import { dayToDate, toDayString, type DayRange } from "@/lib/papers/dates";
import { listOrder, summarySelect, toSummary } from "@/lib/papers/summary";
import {
  DAY_PAGE_SIZE,
  type DailyList,
  type Page,
  type PaperDetail,
  type PaperSummary,
  type SearchHit,
} from "@/lib/papers/schema";

/**
 * One page of the papers featured on `day` ("YYYY-MM-DD"), with the nearest earlier and later days that
 * have papers.
 */
export async function getDailyList(day: string, page = 1, pageSize = DAY_PAGE_SIZE): Promise<DailyList> {
  const date = dayToDate(day);
  const [rows, total, previous, next] = await Promise.all([
    prisma.dailyPaper.findMany({
      where: { day: date },
      orderBy: listOrder,
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { paper: { select: summarySelect } },
    }),
    prisma.dailyPaper.count({ where: { day: date } }),
    prisma.dailyPaper.findFirst({ where: { day: { lt: date } }, orderBy: { day: "desc" }, select: { day: true } }),
    prisma.dailyPaper.findFirst({ where: { day: { gt: date } }, orderBy: { day: "asc" }, select: { day: true } }),
  ]);
  return {
    day,
    papers: rows.map((row) => toSummary(row.paper)),
    total,
    page,
    pageCount: Math.ceil(total / pageSize),
    previousDay: previous ? toDayString(previous.day) : null,
    nextDay: next ? toDayString(next.day) : null,
  };
}

/** The latest day that has papers ("YYYY-MM-DD"), or null when the daily list is empty. */
export async function getLatestDay(): Promise<string | null> {
  const latest = await prisma.dailyPaper.findFirst({ orderBy: { day: "desc" }, select: { day: true } });
  return latest ? toDayString(latest.day) : null;
}

/** The papers featured within `range` (a week or a month), one page of them. */
export async function getRangeList(range: DayRange, page: number, pageSize = 30): Promise<Page<PaperSummary>> {
  const where = { day: { gte: dayToDate(range.from), lte: dayToDate(range.to) } };
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
  return { items: rows.map((r) => toSummary(r.paper)), total, page, pageSize, pageCount: Math.ceil(total / pageSize) };
}

/** How far back trending looks, and the gravity of its time decay (see README, "Trending"). */
export const TRENDING_WINDOW_DAYS = 7;
export const TRENDING_GRAVITY = 1.5;

/**
 * Recently featured papers ranked by a time-decayed upvote score:
 * score = upvotes / (hours since featured + 2) ^ 1.5, over papers featured in the last 7 days.
 */
export async function getTrendingPapers(limit = 30, now: Date = new Date()): Promise<PaperSummary[]> {
  const since = new Date(now.getTime() - TRENDING_WINDOW_DAYS * 86_400_000);
  // The day bound lets Postgres use the (day, submittedAt) index; submittedAt gives the exact window.
  const sinceDay = dayToDate(toDayString(since));
  const ranked = await prisma.$queryRaw<{ paperId: string }[]>`
    SELECT d."paperId"
    FROM "DailyPaper" d JOIN "Paper" p ON p.id = d."paperId"
    WHERE d.day >= ${sinceDay}::date AND d."submittedAt" >= ${since} AND d."submittedAt" <= ${now}
    ORDER BY p."upvoteCount"::float8
               / power(greatest(extract(epoch FROM (${now}::timestamptz - d."submittedAt"))::float8 / 3600, 0) + 2, ${TRENDING_GRAVITY}::float8) DESC,
             d."submittedAt" DESC
    LIMIT ${limit}`;
  return summariesInOrder(ranked.map((r) => r.paperId));
}

async function summariesInOrder(ids: string[]): Promise<PaperSummary[]> {
  if (ids.length === 0) return [];
  const rows = await prisma.paper.findMany({ where: { id: { in: ids } }, select: summarySelect });
  const byId = new Map(rows.map((row) => [row.id, toSummary(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One paper by its bare arXiv id, or null. Deduplicated within a request (metadata and page share it). */
export const getPaper = cache(async (id: string): Promise<PaperDetail | null> => {
  const row = await prisma.paper.findUnique({ where: { id }, select: summarySelect });
  return row ? toSummary(row) : null;
});

/**
 * Papers whose text is closest to paper `id`'s. The candidates are the 300 papers with the most similar
 * titles (a pg_trgm KNN scan of a GiST index, fast however many papers there are); they are ranked by how
 * well they match the paper's most telling words (its title's, then the abstract's most repeated) on the
 * full-text index. Cached per paper, since it depends only on the texts.
 */
export const getSimilarPapers = (id: string, limit = 6): Promise<PaperSummary[]> =>
  unstable_cache(
    async () => {
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
          WHERE p.id <> ${id}
          ORDER BY p.title <-> (SELECT title FROM "Paper" WHERE id = ${id})
          LIMIT 300
        )
        SELECT c.id FROM candidates c, query
        WHERE query.q IS NOT NULL AND c."searchVector" @@ query.q
        ORDER BY ts_rank(c."searchVector", query.q) DESC, c.distance, c."upvoteCount" DESC, c.id
        LIMIT ${limit}`;
      return summariesInOrder(rows.map((r) => r.id));
    },
    ["similar-papers", id, String(limit)],
    { tags: [cacheTags.paper(id)], revalidate: 3600 },
  )();

/**
 * Full-text search over title (weighted highest), authors and abstract, best matches first, with
 * highlighted excerpts. `query` is free text as typed (quotes, OR and -word work).
 */
export async function searchPapers(query: string, page: number, pageSize = 20): Promise<Page<SearchHit>> {
  const offset = (page - 1) * pageSize;
  const [countRow] = await prisma.$queryRaw<{ total: bigint }[]>`
    SELECT count(*) AS total FROM "Paper" WHERE "searchVector" @@ websearch_to_tsquery('english', ${query})`;
  const total = Number(countRow?.total ?? 0);
  if (total === 0 || offset >= total)
    return { items: [], total, page, pageSize, pageCount: Math.ceil(total / pageSize) };

  const hits = await prisma.$queryRaw<{ id: string; titleHighlight: string; abstractHighlight: string }[]>`
    WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS query),
    ranked AS (
      SELECT p.id, p.title, p.abstract, ts_rank_cd(p."searchVector", q.query) AS rank
      FROM "Paper" p, q WHERE p."searchVector" @@ q.query
      ORDER BY rank DESC, p."upvoteCount" DESC, p.id
      LIMIT ${pageSize} OFFSET ${offset}
    )
    SELECT r.id,
      ts_headline('english', r.title, q.query, 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', HighlightAll=true') AS "titleHighlight",
      ts_headline('english', r.abstract, q.query, 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=45, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "') AS "abstractHighlight"
    FROM ranked r, q
    ORDER BY r.rank DESC, r.id`;
  const summaries = new Map((await summariesInOrder(hits.map((h) => h.id))).map((s) => [s.id, s]));
  const items = hits.flatMap((hit) => {
    const summary = summaries.get(hit.id);
    return summary
      ? [{ ...summary, titleHighlight: hit.titleHighlight, abstractHighlight: hit.abstractHighlight }]
      : [];
  });
  return { items, total, page, pageSize, pageCount: Math.ceil(total / pageSize) };
}

/** Every featured paper id with its last change, for the sitemap (newest first, bounded). */
export async function getSitemapEntries(limit = 50_000): Promise<{ id: string; updatedAt: Date }[]> {
  return prisma.paper.findMany({
    orderBy: { publishedAt: "desc" },
    take: limit,
    select: { id: true, updatedAt: true },
  });
}

/** The days that have papers, newest first (for the sitemap). */
export async function getFeaturedDays(limit = 5_000): Promise<string[]> {
  const rows = await prisma.dailyPaper.groupBy({ by: ["day"], orderBy: { day: "desc" }, take: limit });
  return rows.map((r) => toDayString(r.day));
}
