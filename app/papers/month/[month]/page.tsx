import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RangeView } from "@/components/feed/range-view";
import { getRangeList } from "@/lib/papers/data";
import { getViewerVotes } from "@/lib/upvotes/viewer";
import { addDays, addMonths, dayToDate, isPlausibleDay, parseMonth } from "@/lib/papers/dates";
import { pageParam } from "@/lib/papers/schema";

type Props = { params: Promise<{ month: string }>; searchParams: Promise<{ page?: string }> };

function monthName(month: string): string {
  return dayToDate(`${month}-01`).toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { month } = await params;
  return parseMonth(month) ? { title: `Papers of ${monthName(month)}` } : {};
}

export default async function MonthPage({ params, searchParams }: Props) {
  const { month } = await params;
  const range = parseMonth(month);
  const page = pageParam.safeParse((await searchParams).page);
  if (!range || !page.success || !isPlausibleDay(range.from)) notFound();
  const result = getRangeList(range, page.data);
  const viewer = result.then((r) => getViewerVotes(r.items.map((p) => p.id)));
  return (
    <RangeView
      title={monthName(month)}
      subtitle="Most upvoted papers of the month"
      anchorDay={range.from}
      period="month"
      previousHref={isPlausibleDay(addDays(range.from, -1)) ? `/papers/month/${addMonths(month, -1)}` : null}
      nextHref={isPlausibleDay(addDays(range.to, 1)) ? `/papers/month/${addMonths(month, 1)}` : null}
      basePath={`/papers/month/${month}`}
      result={result}
      viewer={viewer}
    />
  );
}
