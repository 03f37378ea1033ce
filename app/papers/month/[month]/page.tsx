import type { Metadata } from "next";
import { periodMetadata, periodPage, type PeriodSearchParams } from "@/app/papers/_period/period-page";

type Props = { params: Promise<{ month: string }>; searchParams: Promise<PeriodSearchParams> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return periodMetadata("month", (await params).month, searchParams);
}

export default async function MonthPage({ params, searchParams }: Props) {
  return periodPage("month", (await params).month, await searchParams);
}
