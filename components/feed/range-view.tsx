import { Suspense, use } from "react";
import { PaperGrid } from "@/components/feed/paper-grid";
import { PeriodTabs } from "@/components/feed/period-tabs";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import type { Page, PaperSummary } from "@/lib/papers/schema";
import type { ViewerVotes } from "@/lib/upvotes/viewer";

/** A week's or a month's papers, most upvoted first, with links to the neighbouring periods. */
export function RangeView(props: {
  title: string;
  subtitle: string;
  anchorDay: string;
  period: "week" | "month";
  previousHref: string | null;
  nextHref: string | null;
  basePath: string;
  /** Streams in under a skeleton, below the (instant) heading and navigation. */
  result: Promise<Page<PaperSummary>>;
  viewer?: Promise<ViewerVotes>;
}) {
  return (
    <section>
      <header className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{props.title}</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{props.subtitle}</p>
        </div>
        <PeriodTabs day={props.anchorDay} active={props.period} />
      </header>
      <div className="mb-6 flex gap-2">
        <ButtonLink href={props.previousHref} rel="prev">
          ← Previous {props.period}
        </ButtonLink>
        <ButtonLink href={props.nextHref} rel="next">
          Next {props.period} →
        </ButtonLink>
      </div>
      <Suspense fallback={<PaperGrid.Skeleton />}>
        <RangeResults result={props.result} viewer={props.viewer} period={props.period} basePath={props.basePath} />
      </Suspense>
    </section>
  );
}

function RangeResults({
  result: pending,
  viewer,
  period,
  basePath,
}: {
  result: Promise<Page<PaperSummary>>;
  viewer?: Promise<ViewerVotes>;
  period: string;
  basePath: string;
}) {
  const result = use(pending);
  if (!result.items.length) {
    return (
      <EmptyState title={`No papers this ${period}`}>
        {result.total ? "This page is past the last one." : `Nothing was featured in this ${period}.`}
      </EmptyState>
    );
  }
  return (
    <>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        {result.total} {result.total === 1 ? "paper" : "papers"}
      </p>
      <PaperGrid papers={result.items} ranked startRank={(result.page - 1) * result.pageSize + 1} viewer={viewer} />
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(p) => `${basePath}?page=${p}`} />
    </>
  );
}
