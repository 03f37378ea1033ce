import { dayPath } from "@/lib/urls";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { CategoryFilter } from "@/components/feed/category-filter";
import { PaperGrid } from "@/components/feed/paper-grid";
import { PeriodTabs } from "@/components/feed/period-tabs";
import { EmptyState } from "@/components/ui/empty-state";
import { feedAlternates } from "@/lib/feeds/links";
import { categoryFromSearchParams, withCategory } from "@/lib/papers/categories";
import {
  getCategoryChips,
  getLatestDayIn,
  getTrendingPapers,
  TRENDING_GRAVITY,
  TRENDING_WINDOW_DAYS,
} from "@/lib/papers/data";
import { LIST_PAGE_SIZE } from "@/lib/papers/schema";
import { addDays, EARLIEST_DAY, formatDay, today } from "@/lib/dates/days";
import { getCurrentCounts } from "@/lib/upvotes/current-counts";

type Props = { searchParams: Promise<{ category?: string | string[] }> };

const TRENDING_PATH = "/papers/trending";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const category = categoryFromSearchParams((await searchParams).category) || null;
  return {
    title: category ? `Trending in ${category}` : "Trending papers",
    description: "The papers the community is upvoting right now.",
    alternates: { canonical: withCategory(TRENDING_PATH, category), types: feedAlternates("trending", category) },
  };
}

export default async function TrendingPage({ searchParams }: Props) {
  const category = categoryFromSearchParams((await searchParams).category);
  if (category === false) notFound();
  // The Daily / Weekly / Monthly tabs lead to the latest day with papers (in the category), not to today,
  // whose list may not have begun.
  const latestDay = await getLatestDayIn({ from: EARLIEST_DAY, to: addDays(today(), 1) }, category);
  return (
    <section>
      <header className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{category ? `Trending in ${category}` : "Trending"}</h1>
          <p className="max-w-xl text-sm text-zinc-600 dark:text-zinc-400">
            Papers featured in the last {TRENDING_WINDOW_DAYS} days, ranked by upvotes ÷ (hours since featured + 2)
            <sup>{TRENDING_GRAVITY}</sup>: a new paper with a few upvotes can rank above an older one with more.
          </p>
        </div>
        <PeriodTabs day={latestDay ?? today()} active="trending" category={category} />
      </header>
      <Suspense fallback={<PaperGrid.Skeleton />}>
        <TrendingList category={category} latestDay={latestDay} />
      </Suspense>
    </section>
  );
}

async function TrendingList({ category, latestDay }: { category: string | null; latestDay: string | null }) {
  await connection();
  // One "now" for the ranking and the ages on the cards, so they agree.
  const now = new Date();
  const [papers, chips] = await Promise.all([
    getTrendingPapers(LIST_PAGE_SIZE, { category, now }),
    getCategoryChips("trending", category),
  ]);
  return (
    <>
      <CategoryFilter basePath={TRENDING_PATH} chips={chips} active={category} />
      {papers.length ? (
        <PaperGrid
          papers={papers}
          ranked
          counts={getCurrentCounts(papers.map((p) => p.id))}
          categoryPath={TRENDING_PATH}
          now={now}
        />
      ) : category ? (
        <EmptyState title={`No ${category} papers trending`}>
          No {category} paper was featured in the last {TRENDING_WINDOW_DAYS} days.
          <LatestList day={latestDay} category={category} /> See{" "}
          <Link href={TRENDING_PATH} className="underline underline-offset-2 hover:text-zinc-950 dark:hover:text-white">
            everything trending
          </Link>
          .
        </EmptyState>
      ) : (
        <EmptyState title="Nothing trending yet">
          No paper was featured in the last {TRENDING_WINDOW_DAYS} days.
          <LatestList day={latestDay} category={null} />
        </EmptyState>
      )}
    </>
  );
}

/** Where the latest papers are when none is recent enough to trend: " The latest were featured on <day>." */
function LatestList({ day, category }: { day: string | null; category: string | null }) {
  if (!day) return null;
  return (
    <>
      {" "}
      The latest were featured on{" "}
      <Link
        href={withCategory(dayPath(day), category)}
        className="underline underline-offset-2 hover:text-zinc-950 dark:hover:text-white"
      >
        {formatDay(day, "long")}
      </Link>
      .
    </>
  );
}
