import { DayNavigation } from "@/components/feed/day-navigation";
import { PaperGrid } from "@/components/feed/paper-grid";
import { PeriodTabs } from "@/components/feed/period-tabs";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { formatDay } from "@/lib/papers/dates";
import { DAY_PAGE_SIZE, type DailyList } from "@/lib/papers/schema";
import type { ViewerVotes } from "@/lib/upvotes/viewer";

/** One day of the daily list: heading, navigation between days, and its papers. */
export function DailyView({ list, viewer }: { list: DailyList; viewer?: Promise<ViewerVotes> }) {
  return (
    <section>
      <header className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Daily Papers</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            <time dateTime={list.day}>{formatDay(list.day)}</time>
            {list.total ? ` · ${list.total} ${list.total === 1 ? "paper" : "papers"}` : ""}
          </p>
        </div>
        <PeriodTabs day={list.day} active="day" />
      </header>
      <div className="mb-6">
        <DayNavigation day={list.day} previousDay={list.previousDay} nextDay={list.nextDay} />
      </div>
      {list.papers.length ? (
        <>
          <PaperGrid
            papers={list.papers}
            viewer={viewer}
            ranked={list.pageCount > 1}
            startRank={(list.page - 1) * DAY_PAGE_SIZE + 1}
          />
          <Pagination
            page={list.page}
            pageCount={list.pageCount}
            hrefFor={(p) => `/papers/date/${list.day}?page=${p}`}
          />
        </>
      ) : list.total ? (
        <EmptyState title="This page is past the last one">
          {formatDay(list.day, "long")} has {list.total} papers on {list.pageCount} pages.
        </EmptyState>
      ) : (
        <EmptyState title="No papers on this day">
          Nothing was featured on {formatDay(list.day, "long")}. Try the previous or next day with papers.
        </EmptyState>
      )}
    </section>
  );
}
