"use client";

/**
 * The grid's loading shape (PaperGrid.Skeleton): cards' outlines, so nothing jumps when the real ones arrive.
 * A client component only to keep its markup out of React's payload: every list page's shell carries it,
 * and the payload then says `{count}` instead of the elements a second time.
 */
export function PaperGridSkeleton({ count = 6 }: { count?: number }) {
  return (
    <div aria-busy="true" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <span className="sr-only" role="status">
        Loading papers…
      </span>
      {Array.from({ length: count }, (_, i) => (
        <div
          key={i}
          aria-hidden
          className="flex h-full flex-col overflow-hidden rounded-xl border border-zinc-200 dark:border-zinc-800"
        >
          <div className="skeleton hidden aspect-[2/1] w-full rounded-none sm:block" />
          <div className="flex gap-3 p-4">
            <div className="skeleton h-16 w-12 rounded-lg" />
            <div className="flex-1 space-y-2">
              <div className="skeleton h-4 w-11/12" />
              <div className="skeleton h-4 w-2/3" />
              <div className="skeleton h-3 w-1/2" />
            </div>
          </div>
        </div>
      ))}
    </div>
  );
}
