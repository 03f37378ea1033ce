import "server-only";
import { prisma } from "@/lib/db/client";
import type { FeedName } from "@/lib/feeds/links";
import { getFeaturedDays, getTrendingPapers } from "@/lib/papers/data";
import { dayToDate } from "@/lib/dates/days";
import { listOrder } from "@/lib/papers/list-order";
import type { PaperSummary } from "@/lib/papers/schema";
import { summarySelect, toSummary } from "@/lib/papers/summary";
import { visibleFeatured } from "@/lib/papers/visibility";

/** The papers the site's feeds carry: the latest days of the daily list, and trending. */

/** The daily feed covers the latest days that have papers, newest day first, up to this many papers. */
const DAILY_FEED_DAYS = 7;
const DAILY_FEED_LIMIT = 100;
const TRENDING_FEED_LIMIT = 50;

/**
 * The daily list of the latest `days` days that have papers (in `category`, if given), newest day first and
 * each day most upvoted first, at most `limit` papers in all (the daily feed).
 */
export async function getRecentDailyPapers(
  days: number,
  limit: number,
  category: string | null = null,
): Promise<PaperSummary[]> {
  const recentDays = await getFeaturedDays(days, category);
  const oldest = recentDays.at(-1);
  if (!oldest) return [];
  const rows = await prisma.dailyPaper.findMany({
    where: { day: { gte: dayToDate(oldest) }, ...visibleFeatured(category) },
    orderBy: [{ day: "desc" }, ...listOrder],
    take: limit,
    select: { paper: { select: summarySelect } },
  });
  return rows.map((row) => toSummary(row.paper));
}

/** The papers of feed `name` (of one arXiv category, if given), in feed order. */
export function getFeedPapers(name: FeedName, category: string | null): Promise<PaperSummary[]> {
  return name === "daily"
    ? getRecentDailyPapers(DAILY_FEED_DAYS, DAILY_FEED_LIMIT, category)
    : getTrendingPapers(TRENDING_FEED_LIMIT, { category });
}
