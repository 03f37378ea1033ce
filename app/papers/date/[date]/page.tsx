import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { DailyView } from "@/components/feed/daily-view";
import { PaperGrid } from "@/components/feed/paper-grid";
import { getDailyList } from "@/lib/papers/data";
import { getViewerVotes } from "@/lib/upvotes/viewer";
import { formatDay, isPlausibleDay, parseDay } from "@/lib/papers/dates";
import { pageParam } from "@/lib/papers/schema";

type Props = { params: Promise<{ date: string }>; searchParams: Promise<{ page?: string }> };

function dayFrom(raw: string): string {
  const day = parseDay(raw);
  if (!day || !isPlausibleDay(day)) notFound();
  return day;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const day = parseDay((await params).date);
  return day ? { title: `Papers of ${formatDay(day, "long")}`, alternates: { canonical: `/papers/date/${day}` } } : {};
}

// Params are checked before the first Suspense boundary, so a bad date is a real 404 response
// rather than a 200 whose streamed body says "not found".
export default async function DayPage({ params, searchParams }: Props) {
  const day = dayFrom((await params).date);
  const page = pageParam.safeParse((await searchParams).page);
  if (!page.success) notFound();
  return (
    <Suspense fallback={<PaperGrid.Skeleton />}>
      <Day day={day} page={page.data} />
    </Suspense>
  );
}

async function Day({ day, page }: { day: string; page: number }) {
  const list = await getDailyList(day, page);
  return <DailyView list={list} viewer={getViewerVotes(list.papers.map((p) => p.id))} />;
}
