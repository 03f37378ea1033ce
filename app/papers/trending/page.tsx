import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { PaperGrid } from "@/components/feed/paper-grid";
import { PeriodTabs } from "@/components/feed/period-tabs";
import { EmptyState } from "@/components/ui/empty-state";
import { getTrendingPapers, TRENDING_WINDOW_DAYS } from "@/lib/papers/data";
import { today } from "@/lib/papers/dates";
import { getViewerVotes } from "@/lib/upvotes/viewer";

export const metadata: Metadata = {
  title: "Trending papers",
  description: "The papers the community is upvoting right now.",
};

export default function TrendingPage() {
  return (
    <section>
      <header className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Trending</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Upvotes of the last {TRENDING_WINDOW_DAYS} days, newer votes weighing more
          </p>
        </div>
        <PeriodTabs day={today()} active="trending" />
      </header>
      <Suspense fallback={<PaperGrid.Skeleton />}>
        <TrendingList />
      </Suspense>
    </section>
  );
}

async function TrendingList() {
  await connection();
  const papers = await getTrendingPapers(30);
  if (!papers.length) {
    return (
      <EmptyState title="Nothing trending yet">
        No paper was featured in the last {TRENDING_WINDOW_DAYS} days.
      </EmptyState>
    );
  }
  return <PaperGrid papers={papers} ranked viewer={getViewerVotes(papers.map((p) => p.id))} />;
}
