import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DailyPapersQuery } from "@/lib/papers/api-schema";
import { getFeaturedDays, getTrendingPapers } from "@/lib/papers/data";
import { dayToDate } from "@/lib/papers/dates";
import type { PaperSummary } from "@/lib/papers/schema";
import { listOrder, summarySelect, toSummary, type SummaryRow } from "@/lib/papers/summary";

/** Listings of featured papers for machines: the JSON API's `/api/daily_papers` and the daily feed. */

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
 * all days (newest first), optionally only those one user submitted; or, with `sort: "trending"`, the
 * trending ranking.
 */
export async function listDailyPapers(query: DailyPapersQuery): Promise<PaperSummary[]> {
  const offset = query.page * query.limit;
  if (query.sort === "trending") {
    const end = offset + query.limit;
    if (end > MAX_TRENDING_POSITION) return [];
    return (await getTrendingPapers(end)).slice(offset);
  }

  const where: Prisma.DailyPaperWhereInput = {};
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
 * The daily list of the latest `days` days that have papers, newest day first and each day most upvoted
 * first, at most `limit` papers in all (the daily feed).
 */
export async function getRecentDailyPapers(days: number, limit: number): Promise<PaperSummary[]> {
  const recentDays = await getFeaturedDays(days);
  const oldest = recentDays.at(-1);
  if (!oldest) return [];
  const rows = await prisma.dailyPaper.findMany({
    where: { day: { gte: dayToDate(oldest) } },
    orderBy: [{ day: "desc" }, ...listOrder],
    take: limit,
    select: featuredSelect,
  });
  return rows.map(fromRow);
}
