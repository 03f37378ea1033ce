import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DailyPapersQuery } from "@/lib/papers/api-schema";
import { getFeaturedDays, getTrendingPapers } from "@/lib/papers/data";
import { dayToDate, toDayString } from "@/lib/papers/dates";
import type { PaperSummary } from "@/lib/papers/schema";

/**
 * Listings of featured papers for machines: the JSON API's `/api/daily_papers` and the daily feed.
 * The selection mirrors `lib/papers/data.ts`'s summary, so both produce the same `PaperSummary`.
 */

const featuredSelect = {
  submittedAt: true,
  day: true,
  submittedBy: { select: { username: true, name: true } },
  paper: {
    select: {
      id: true,
      title: true,
      abstract: true,
      authors: true,
      publishedAt: true,
      upvoteCount: true,
      commentCount: true,
      githubRepo: true,
      projectPage: true,
      thumbnailUrl: true,
    },
  },
} satisfies Prisma.DailyPaperSelect;

type FeaturedRow = Prisma.DailyPaperGetPayload<{ select: typeof featuredSelect }>;

function toSummary({ paper, day, submittedAt, submittedBy }: FeaturedRow): PaperSummary {
  return { ...paper, day: toDayString(day), submittedAt, submittedBy };
}

/** Within a day or range: most upvoted first, ties by time submitted (as on the site). */
const byUpvotes: Prisma.DailyPaperOrderByWithRelationInput[] = [
  { paper: { upvoteCount: "desc" } },
  { submittedAt: "asc" },
  { paperId: "asc" },
];

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
    orderBy: query.period ? byUpvotes : newestFirst,
    skip: offset,
    take: query.limit,
    select: featuredSelect,
  });
  return rows.map(toSummary);
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
    orderBy: [{ day: "desc" }, ...byUpvotes],
    take: limit,
    select: featuredSelect,
  });
  return rows.map(toSummary);
}
