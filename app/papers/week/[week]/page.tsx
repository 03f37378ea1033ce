import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RangeView } from "@/components/feed/range-view";
import { getRangeList } from "@/lib/papers/data";
import { getViewerVotes } from "@/lib/upvotes/viewer";
import { addDays, formatDay, isoWeekOf, isPlausibleDay, parseIsoWeek } from "@/lib/papers/dates";
import { pageParam } from "@/lib/papers/schema";

type Props = { params: Promise<{ week: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { week } = await params;
  return parseIsoWeek(week) ? { title: `Papers of week ${week}` } : {};
}

export default async function WeekPage({ params, searchParams }: Props) {
  const { week } = await params;
  const range = parseIsoWeek(week);
  const page = pageParam.safeParse((await searchParams).page);
  if (!range || !page.success || !isPlausibleDay(range.from)) notFound();
  const previous = isoWeekOf(addDays(range.from, -7));
  const next = isoWeekOf(addDays(range.from, 7));
  const result = getRangeList(range, page.data);
  const viewer = result.then((r) => getViewerVotes(r.items.map((p) => p.id)));
  return (
    <RangeView
      title={`Week ${week}`}
      subtitle={`${formatDay(range.from, "medium")} – ${formatDay(range.to, "medium")}`}
      anchorDay={range.from}
      period="week"
      previousHref={isPlausibleDay(addDays(range.from, -1)) ? `/papers/week/${previous}` : null}
      nextHref={isPlausibleDay(addDays(range.to, 1)) ? `/papers/week/${next}` : null}
      basePath={`/papers/week/${week}`}
      result={result}
      viewer={viewer}
    />
  );
}
