import Link from "next/link";
import { Suspense, use } from "react";
import { CategoryFilter } from "@/components/feed/category-filter";
import { NearestWithPapers, type Neighbour } from "@/components/feed/nearest-with-papers";
import { PaperGrid } from "@/components/feed/paper-grid";
import { PeriodTabs } from "@/components/feed/period-tabs";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { withCategory, type CategoryFacet } from "@/lib/papers/categories";
import type { Page, PaperSummary } from "@/lib/papers/schema";
import type { CurrentCounts } from "@/lib/upvotes/current-counts";

/** A listing of several days: a week (`/papers/week/2025-W03`) or a month (`/papers/month/2025-01`). */
export type Period = "week" | "month";

/**
 * A week's or a month's papers, most upvoted first, with links to the neighbouring periods and a category
 * filter (kept by the period links and the pages).
 */
export function RangeView(props: {
  title: string;
  subtitle: string;
  anchorDay: string;
  period: Period;
  /** The nearest periods with papers (in the category, when filtered): paths unfiltered, names as "2025-W02". */
  previous: Neighbour | null;
  next: Neighbour | null;
  basePath: string;
  category: string | null;
  /** Stream in under skeletons, below the (instant) heading and navigation. */
  result: Promise<Page<PaperSummary>>;
  chips: Promise<CategoryFacet[]>;
  counts?: Promise<CurrentCounts>;
}) {
  const { category, period } = props;
  const which = category ? `${category} papers` : "papers";
  // The links keep the filter; their names say where they go when they skip empty periods.
  const previous = props.previous && { ...props.previous, href: withCategory(props.previous.href, category) };
  const next = props.next && { ...props.next, href: withCategory(props.next.href, category) };
  return (
    <section>
      <header className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{props.title}</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{props.subtitle}</p>
        </div>
        <PeriodTabs day={props.anchorDay} active={props.period} category={category} />
      </header>
      <div className="mb-4 flex gap-2">
        <ButtonLink
          href={previous?.href ?? null}
          rel="prev"
          label={previous ? `Previous ${period} with ${which}: ${previous.name}` : undefined}
        >
          ← Previous {period}
        </ButtonLink>
        <ButtonLink
          href={next?.href ?? null}
          rel="next"
          label={next ? `Next ${period} with ${which}: ${next.name}` : undefined}
        >
          Next {period} →
        </ButtonLink>
      </div>
      <Suspense fallback={<CategoryFilter.Skeleton />}>
        <Chips chips={props.chips} basePath={props.basePath} active={category} />
      </Suspense>
      <Suspense fallback={<PaperGrid.Skeleton />}>
        <RangeResults
          result={props.result}
          counts={props.counts}
          period={period}
          basePath={props.basePath}
          category={category}
          previous={previous}
          next={next}
        />
      </Suspense>
    </section>
  );
}

function Chips({
  chips,
  basePath,
  active,
}: {
  chips: Promise<CategoryFacet[]>;
  basePath: string;
  active: string | null;
}) {
  return <CategoryFilter basePath={basePath} chips={use(chips)} active={active} />;
}

function RangeResults({
  result: pending,
  counts,
  period,
  basePath,
  category,
  previous,
  next,
}: {
  result: Promise<Page<PaperSummary>>;
  counts?: Promise<CurrentCounts>;
  period: Period;
  basePath: string;
  category: string | null;
  previous: Neighbour | null;
  next: Neighbour | null;
}) {
  const result = use(pending);
  const papers = `${category ? `${category} ` : ""}${result.total === 1 ? "paper" : "papers"}`;
  if (!result.items.length) {
    return (
      <EmptyState title={`No ${category ? `${category} ` : ""}papers this ${period}`}>
        {result.total ? (
          "This page is past the last one."
        ) : (
          <>
            <p>
              Nothing{category ? ` in ${category}` : ""} was featured in this {period}.{" "}
              <NearestWithPapers
                previous={previous}
                next={next}
                period={period}
                which={category ? `${category} papers` : "papers"}
              />
            </p>
            {category ? (
              <p className="mt-2">
                <Link
                  href={basePath}
                  className="underline underline-offset-2 hover:text-zinc-950 dark:hover:text-white"
                >
                  All of this {period}&apos;s papers
                </Link>
              </p>
            ) : null}
          </>
        )}
      </EmptyState>
    );
  }
  return (
    <>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        {result.total} {papers}
      </p>
      <PaperGrid
        papers={result.items}
        ranked
        startRank={(result.page - 1) * result.pageSize + 1}
        counts={counts}
        categoryPath={basePath}
      />
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        hrefFor={(p) => withCategory(basePath, category, { page: String(p) })}
      />
    </>
  );
}
