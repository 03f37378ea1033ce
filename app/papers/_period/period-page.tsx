import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RangeView, type Period } from "@/components/feed/range-view";
import { feedAlternates } from "@/lib/feeds/links";
import { categoryFromSearchParams, withCategory } from "@/lib/papers/categories";
import { getCategoryChips, getLatestDayIn, getRangeList } from "@/lib/papers/data";
import {
  dayToDate,
  formatDay,
  isoWeekOf,
  isPlausibleDay,
  monthOf,
  parseIsoWeek,
  parseMonth,
  type DayRange,
} from "@/lib/dates/days";
import { getNeighbourPeriods, type PeriodNeighbours } from "@/lib/papers/neighbours";
import { pageParam } from "@/lib/papers/schema";
import { getCurrentCounts } from "@/lib/upvotes/current-counts";

export type PeriodSearchParams = { page?: string | string[]; category?: string | string[] };

interface PeriodKind {
  parse(value: string): DayRange | null;
  /** The period as a heading says it: "Week 2025-W03", "January 2025". */
  heading(value: string): string;
  /** The period inside a title: "week 2025-W03", "January 2025". */
  inTitle(value: string): string;
  /** The period where a link names it: "2025-W03", "January 2025". */
  name(value: string): string;
  subtitle(range: DayRange): string;
  /** The nearest periods with papers (in the category, when filtered). */
  neighbours(range: DayRange, category: string | null): Promise<PeriodNeighbours>;
}

function monthName(month: string): string {
  return dayToDate(`${month}-01`).toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
}

const periods: Record<Period, PeriodKind> = {
  week: {
    parse: parseIsoWeek,
    heading: (week) => `Week ${week}`,
    inTitle: (week) => `week ${week}`,
    name: (week) => week,
    subtitle: (range) => `${formatDay(range.from, "medium")} – ${formatDay(range.to, "medium")}`,
    neighbours: (range, category) => getNeighbourPeriods(range, isoWeekOf, category),
  },
  month: {
    parse: parseMonth,
    heading: monthName,
    inTitle: monthName,
    name: monthName,
    subtitle: () => "Most upvoted papers of the month",
    neighbours: (range, category) => getNeighbourPeriods(range, monthOf, category),
  },
};

function periodPath(period: Period, value: string): string {
  return `/papers/${period}/${value}`;
}

/** The page's title and canonical address; nothing for a malformed period (the page answers 404). */
export async function periodMetadata(
  period: Period,
  value: string,
  searchParams: Promise<PeriodSearchParams>,
): Promise<Metadata> {
  const kind = periods[period];
  if (!kind.parse(value)) return {};
  const category = categoryFromSearchParams((await searchParams).category) || null;
  return {
    title: `${category ? `${category} papers` : "Papers"} of ${kind.inTitle(value)}`,
    alternates: {
      canonical: withCategory(periodPath(period, value), category),
      types: feedAlternates("daily", category),
    },
  };
}

/**
 * The week or month page: the period's papers, most upvoted first. A malformed or implausible period, page
 * number or category is a 404, decided before anything streams. Each period keeps its own route file
 * (app/papers/week/[week], app/papers/month/[month]) because `/papers/<x>/<y>` also names old-style arXiv
 * ids (`/papers/hep-th/9901001`), so there can be no shared `/papers/[period]/…` segment.
 */
export async function periodPage(period: Period, value: string, query: PeriodSearchParams) {
  const kind = periods[period];
  const range = kind.parse(value);
  const page = pageParam.safeParse(query.page);
  const category = categoryFromSearchParams(query.category);
  if (!range || !page.success || category === false || !isPlausibleDay(range.from)) notFound();
  const [{ previous, next }, latestDay] = await Promise.all([
    kind.neighbours(range, category),
    getLatestDayIn(range, category),
  ]);
  const result = getRangeList(range, page.data, { category });
  const counts = result.then((r) => getCurrentCounts(r.items.map((p) => p.id)));
  // Handed down unawaited: if `result` fails, the page's own await reports it, not an unhandledRejection.
  counts.catch(() => {});
  return (
    <RangeView
      title={category ? `${kind.heading(value)} in ${category}` : kind.heading(value)}
      subtitle={kind.subtitle(range)}
      anchorDay={latestDay ?? range.from}
      period={period}
      previous={previous ? { href: periodPath(period, previous), name: kind.name(previous) } : null}
      next={next ? { href: periodPath(period, next), name: kind.name(next) } : null}
      basePath={periodPath(period, value)}
      category={category}
      result={result}
      chips={getCategoryChips(range, category)}
      counts={counts}
    />
  );
}
