import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DailyView } from "@/components/feed/daily-view";
import { getDailyList } from "@/lib/papers/data";
import { formatDay, isPlausibleDay, parseDay } from "@/lib/papers/dates";

type Props = { params: Promise<{ date: string }> };

function dayFrom(raw: string): string {
  const day = parseDay(raw);
  if (!day || !isPlausibleDay(day)) notFound();
  return day;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const day = parseDay((await params).date);
  return day ? { title: `Papers of ${formatDay(day, "long")}`, alternates: { canonical: `/papers/date/${day}` } } : {};
}

export default async function DayPage({ params }: Props) {
  const day = dayFrom((await params).date);
  return <DailyView list={await getDailyList(day)} />;
}
