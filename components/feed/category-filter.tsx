import Link from "next/link";
import { withCategory, type CategoryFacet } from "@/lib/papers/categories";

/**
 * The row of category chips above a listing: "All", then one chip per category (the configured ones, then
 * those present in the view) with its count. Each goes to the first page of `basePath` filtered by it, except
 * a category with no papers here, which is plain text rather than a link to an empty page. The `filter-chip`
 * class (app/globals.css) darkens the current one (aria-current).
 */
export function CategoryFilter({
  basePath,
  chips,
  active,
}: {
  basePath: string;
  chips: CategoryFacet[];
  active: string | null;
}) {
  return (
    <nav aria-label="Categories" className="-mx-4 mb-6 overflow-x-auto px-4 sm:mx-0 sm:overflow-visible sm:px-0">
      <ul className="flex gap-2 sm:flex-wrap">
        <li>
          <Link href={basePath} aria-current={active === null ? "page" : undefined} className="filter-chip">
            All
          </Link>
        </li>
        {chips.map(({ category, count }) => {
          // A real space: the label must contain the visible text ("cs.AI 3"), not "cs.AI3".
          const text = (
            <>
              {`${category} `}
              <span className="tabular-nums">{count}</span>
            </>
          );
          return (
            <li key={category}>
              {count === 0 && active !== category ? (
                <span data-empty className="filter-chip font-mono">
                  {text}
                </span>
              ) : (
                <Link
                  href={withCategory(basePath, category)}
                  aria-current={active === category ? "page" : undefined}
                  aria-label={`${category}, ${count} ${count === 1 ? "paper" : "papers"}`}
                  className="filter-chip font-mono"
                >
                  {text}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Streams in with the listing; the same height meanwhile, so nothing jumps. */
CategoryFilter.Skeleton = function CategoryFilterSkeleton() {
  return <div aria-hidden className="skeleton mb-6 h-8 w-2/3 rounded-full" />;
};
