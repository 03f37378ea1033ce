import type { Metadata } from "next";
import { periodMetadata, periodPage, type PeriodSearchParams } from "@/app/papers/_period/period-page";

type Props = { params: Promise<{ week: string }>; searchParams: Promise<PeriodSearchParams> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return periodMetadata("week", (await params).week, searchParams);
}

export default async function WeekPage({ params, searchParams }: Props) {
  return periodPage("week", (await params).week, await searchParams);
}
