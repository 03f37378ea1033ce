import { dayPath } from "@/lib/urls";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DatePicker } from "@/components/feed/date-picker";
import { EmptyState } from "@/components/ui/empty-state";
import { categoryFromSearchParams, withCategory } from "@/lib/papers/categories";
import { addDays, EARLIEST_DAY, formatDay, isPlausibleDay, parseDay, today } from "@/lib/dates/days";
import { getLatestDay } from "@/lib/papers/data";

export const metadata: Metadata = { title: "Go to date", robots: { index: false } };

type Props = { searchParams: Promise<{ d?: string | string[]; category?: string | string[] }> };

/** A calendar date written YYYY-MM-DD, in any year: what the picker may send when the browser lets it through. */
function calendarDate(raw: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(2000, month - 1, day));
  return year > 0 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Where the date picker's form lands: `/papers/date?d=2025-01-22` → `/papers/date/2025-01-22`, keeping a
 * `category` filter. A real date no list can have (before arXiv's first day, after tomorrow) is answered with
 * a sentence saying so, the picker again, and the latest list, rather than a bare 404.
 */
export default async function DatePickerRedirect({ searchParams }: Props) {
  const params = await searchParams;
  const raw = typeof params.d === "string" ? params.d.trim() : "";
  const category = categoryFromSearchParams(params.category);
  if (category === false || !calendarDate(raw)) notFound();
  const day = parseDay(raw);
  if (day && isPlausibleDay(day)) redirect(withCategory(dayPath(day), category));

  const latest = await getLatestDay();
  const tooEarly = raw < EARLIEST_DAY;
  return (
    <section className="mx-auto max-w-xl">
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">Go to date</h1>
      <EmptyState title={tooEarly ? "That is before arXiv began" : "That day has not come yet"}>
        <p>
          {raw} is outside the daily lists, which run from {formatDay(EARLIEST_DAY, "long")} to tomorrow,{" "}
          {formatDay(addDays(today(), 1), "long")}. Pick a day between them.
        </p>
        <div className="mt-4 flex justify-center">
          <DatePicker day={tooEarly ? EARLIEST_DAY : (latest ?? today())} category={category} />
        </div>
        {latest ? (
          <p className="mt-4">
            <Link
              href={withCategory(dayPath(latest), category)}
              className="underline underline-offset-2 hover:text-zinc-950 dark:hover:text-white"
            >
              The latest list: {formatDay(latest, "long")}
            </Link>
          </p>
        ) : null}
      </EmptyState>
    </section>
  );
}
