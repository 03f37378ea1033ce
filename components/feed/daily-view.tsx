import { dayPath } from "@/lib/urls";
import Link from "next/link";
import { CategoryFilter } from "@/components/feed/category-filter";
import { DayNavigation } from "@/components/feed/day-navigation";
import { NearestWithPapers, type Neighbour } from "@/components/feed/nearest-with-papers";
import { PaperGrid } from "@/components/feed/paper-grid";
import { PeriodTabs } from "@/components/feed/period-tabs";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { withCategory, type CategoryFacet } from "@/lib/papers/categories";
import { formatDay } from "@/lib/dates/days";
import { LIST_PAGE_SIZE, type DailyList } from "@/lib/papers/schema";
import type { CurrentCounts } from "@/lib/upvotes/current-counts";

function neighbour(day: string | null, category: string | null): Neighbour | null {
  return day ? { href: withCategory(dayPath(day), category), name: formatDay(day, "long") } : null;
}

/** One day of the daily list: heading, navigation between days, the category filter, and its papers. */
export function DailyView({
  list,
  chips,
  counts,
}: {
  list: DailyList;
  /** The category filter's chips for this day. */
  chips: CategoryFacet[];
  counts?: Promise<CurrentCounts>;
}) {
  const { day, category } = list;
  const listPath = dayPath(day);
  const papers = `${category ? `${category} ` : ""}${list.total === 1 ? "paper" : "papers"}`;
  return (
    <section>
      <header className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Daily Papers</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            <time dateTime={day}>{formatDay(day)}</time>
            {list.total ? ` · ${list.total} ${papers}` : ""}
          </p>
        </div>
        <PeriodTabs day={day} active="day" category={category} />
      </header>
      <div className="mb-4">
        <DayNavigation day={day} previousDay={list.previousDay} nextDay={list.nextDay} category={category} />
      </div>
      <CategoryFilter basePath={listPath} chips={chips} active={category} />
      {list.papers.length ? (
        <>
          <PaperGrid
            papers={list.papers}
            counts={counts}
            ranked={list.pageCount > 1}
            startRank={(list.page - 1) * LIST_PAGE_SIZE + 1}
            categoryPath={listPath}
          />
          <Pagination
            page={list.page}
            pageCount={list.pageCount}
            hrefFor={(p) => withCategory(listPath, category, { page: String(p) })}
          />
        </>
      ) : list.total ? (
        <EmptyState title="This page is past the last one">
          {formatDay(day, "long")} has {list.total} {papers} on {list.pageCount} pages.
        </EmptyState>
      ) : (
        <EmptyState title={`No ${category ? `${category} ` : ""}papers on this day`}>
          <p>
            Nothing{category ? ` in ${category}` : ""} was featured on {formatDay(day, "long")}.{" "}
            <NearestWithPapers
              previous={neighbour(list.previousDay, category)}
              next={neighbour(list.nextDay, category)}
              period="day"
              which={category ? `${category} papers` : "papers"}
            />
          </p>
          {category ? (
            <p className="mt-2">
              <Link href={listPath} className="underline underline-offset-2 hover:text-zinc-950 dark:hover:text-white">
                All of this day&apos;s papers
              </Link>
            </p>
          ) : null}
        </EmptyState>
      )}
    </section>
  );
}
