import { dayPath } from "@/lib/urls";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { DailyView } from "@/components/feed/daily-view";
import { PaperGrid } from "@/components/feed/paper-grid";
import { feedAlternates } from "@/lib/feeds/links";
import { categoryFromSearchParams, withCategory } from "@/lib/papers/categories";
import { getCategoryChips, getDailyList } from "@/lib/papers/data";
import { getCurrentCounts } from "@/lib/upvotes/current-counts";
import { formatDay, isPlausibleDay, parseDay } from "@/lib/dates/days";
import { pageParam } from "@/lib/papers/schema";

type SearchParams = { page?: string | string[]; category?: string | string[] };
type Props = { params: Promise<{ date: string }>; searchParams: Promise<SearchParams> };

function dayFrom(raw: string): string {
  const day = parseDay(raw);
  if (!day || !isPlausibleDay(day)) notFound();
  return day;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const day = parseDay((await params).date);
  if (!day) return {};
  const category = categoryFromSearchParams((await searchParams).category) || null;
  return {
    title: `${category ? `${category} papers` : "Papers"} of ${formatDay(day, "long")}`,
    alternates: { canonical: withCategory(dayPath(day), category), types: feedAlternates("daily", category) },
  };
}

// Params are checked before the first Suspense boundary, so a bad date (or page, or category) is a real 404
// response rather than a 200 whose streamed body says "not found".
export default async function DayPage({ params, searchParams }: Props) {
  const day = dayFrom((await params).date);
  const query = await searchParams;
  const page = pageParam.safeParse(query.page);
  const category = categoryFromSearchParams(query.category);
  if (!page.success || category === false) notFound();
  return (
    <Suspense fallback={<PaperGrid.Skeleton />}>
      <Day day={day} page={page.data} category={category} />
    </Suspense>
  );
}

async function Day({ day, page, category }: { day: string; page: number; category: string | null }) {
  const [list, chips] = await Promise.all([
    getDailyList(day, page, { category }),
    getCategoryChips({ from: day, to: day }, category),
  ]);
  return <DailyView list={list} chips={chips} counts={getCurrentCounts(list.papers.map((p) => p.id))} />;
}
