import "server-only";
import { cacheTags } from "@/lib/cache-tags";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cachedRead } from "@/lib/page-cache/data-cache";
import type { DailyPapersQuery } from "@/lib/api/schema";
import { getTrendingPapers, LIST_REVALIDATE_SECONDS, reviveSummary, withDetails } from "@/lib/papers/data";
import { dayToDate } from "@/lib/dates/days";
import { listOrder } from "@/lib/papers/list-order";
import type { PaperDetail, PaperSummary } from "@/lib/papers/schema";
import { searchPaperSummaries, type SearchFilter } from "@/lib/papers/search";
import { summarySelect, toSummary, type SummaryRow } from "@/lib/papers/summary";
import { visibleFeatured } from "@/lib/papers/visibility";

/** The listings of the JSON API's `/api/daily_papers`. */

const featuredSelect = { paper: { select: summarySelect } } satisfies Prisma.DailyPaperSelect;

function fromRow(row: { paper: SummaryRow }): PaperSummary {
  return toSummary(row.paper);
}

/** Across all days: the newest featured first. */
const newestFirst: Prisma.DailyPaperOrderByWithRelationInput[] = [
  { day: "desc" },
  { submittedAt: "desc" },
  { paperId: "asc" },
];

/** Trending is a ranking of the last days' papers, so paging through it stops this deep. */
const MAX_TRENDING_POSITION = 1_000;

/**
 * One page of `/api/daily_papers`: the featured papers of a day, week or month (most upvoted first) or of
 * all days (newest first), optionally only those one user submitted or in one arXiv category; or, with
 * `sort: "trending"`, the trending ranking (of one category, if given). Hidden and withdrawn papers are
 * never listed. Each paper comes with its bibliographic details, which the API says.
 */
export async function listDailyPapers(query: DailyPapersQuery): Promise<PaperDetail[]> {
  const papers = await cachedDailyPapers(query);
  // The cache keeps JSON: its dates come back as strings.
  return papers.map(reviveSummary);
}

const cachedDailyPapers = cachedRead(
  (query: DailyPapersQuery) => readDailyPapers(query),
  "api-daily-papers",
  () => [cacheTags.lists],
  LIST_REVALIDATE_SECONDS,
);

async function readDailyPapers(query: DailyPapersQuery): Promise<PaperDetail[]> {
  return withDetails(await readDailySummaries(query));
}

async function readDailySummaries(query: DailyPapersQuery): Promise<PaperSummary[]> {
  const offset = query.page * query.limit;
  if (query.sort === "trending") {
    const end = offset + query.limit;
    if (end > MAX_TRENDING_POSITION) return [];
    return (await getTrendingPapers(end, { category: query.category })).slice(offset);
  }

  const where: Prisma.DailyPaperWhereInput = visibleFeatured(query.category);
  if (query.period?.kind === "day") where.day = dayToDate(query.period.day);
  if (query.period?.kind === "range") {
    where.day = { gte: dayToDate(query.period.range.from), lte: dayToDate(query.period.range.to) };
  }
  if (query.submitter) where.submittedBy = { username: query.submitter };

  const rows = await prisma.dailyPaper.findMany({
    where,
    orderBy: query.period ? listOrder : newestFirst,
    skip: offset,
    take: query.limit,
    select: featuredSelect,
  });
  return rows.map(fromRow);
}

/**
 * `/api/papers/search` (and the MCP server's `search_papers`): the first `limit` matches of `query`, best first,
 * optionally within a category and arXiv dates (`filter`), with their bibliographic details.
 */
export async function searchApiPapers(query: string, limit: number, filter?: SearchFilter): Promise<PaperDetail[]> {
  return withDetails(await searchPaperSummaries(query, limit, filter));
}
