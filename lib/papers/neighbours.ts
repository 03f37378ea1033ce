import "server-only";
import { prisma } from "@/lib/db/client";
import { dayToDate, toDayString, type DayRange } from "@/lib/dates/days";
import { visibleFeatured, visiblePaperSql } from "@/lib/papers/visibility";

/**
 * The nearest featured day before `range` starts and after it ends with papers readers may see (in
 * `category`, if given), or null on either side when there is none. Without a category it is one walk
 * along the day index each way; with one it aggregates over the category's papers (the GIN index), so a
 * category nobody uses costs no more than its (zero) papers.
 */
export async function getNeighbourDays(
  range: DayRange,
  category: string | null = null,
): Promise<{ previousDay: string | null; nextDay: string | null }> {
  const from = dayToDate(range.from);
  const to = dayToDate(range.to);
  if (!category) {
    const [previous, next] = await Promise.all([
      prisma.dailyPaper.findFirst({
        where: { day: { lt: from }, ...visibleFeatured() },
        orderBy: { day: "desc" },
        select: { day: true },
      }),
      prisma.dailyPaper.findFirst({
        where: { day: { gt: to }, ...visibleFeatured() },
        orderBy: { day: "asc" },
        select: { day: true },
      }),
    ]);
    return {
      previousDay: previous ? toDayString(previous.day) : null,
      nextDay: next ? toDayString(next.day) : null,
    };
  }
  const [row] = await prisma.$queryRaw<{ previous: Date | null; next: Date | null }[]>`
    SELECT max(d.day) FILTER (WHERE d.day < ${from}::date) AS previous,
           min(d.day) FILTER (WHERE d.day > ${to}::date) AS next
    FROM "DailyPaper" d JOIN "Paper" p ON p.id = d."paperId"
    WHERE (d.day < ${from}::date OR d.day > ${to}::date) AND ${visiblePaperSql(category)}`;
  return {
    previousDay: row?.previous ? toDayString(row.previous) : null,
    nextDay: row?.next ? toDayString(row.next) : null,
  };
}

/** The nearest periods with papers on either side of a range ("2025-W02", "2025-01"), or null at either end. */
export interface PeriodNeighbours {
  previous: string | null;
  next: string | null;
}

/**
 * The nearest periods before and after `range` that have papers, named by `periodOf` (`isoWeekOf` gives
 * "2026-W48", `monthOf` "2026-11"), or null: the periods of the nearest featured days on either side.
 */
export async function getNeighbourPeriods(
  range: DayRange,
  periodOf: (day: string) => string,
  category: string | null = null,
): Promise<PeriodNeighbours> {
  const { previousDay, nextDay } = await getNeighbourDays(range, category);
  return { previous: previousDay ? periodOf(previousDay) : null, next: nextDay ? periodOf(nextDay) : null };
}
