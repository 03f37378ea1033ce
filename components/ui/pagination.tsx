import { ButtonLink } from "@/components/ui/button-link";

/** Previous / next page links; `hrefFor(page)` builds each page's URL. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-8 flex items-center justify-center gap-3 text-sm">
      <ButtonLink href={page > 1 ? hrefFor(page - 1) : null} rel="prev">
        ← Previous
      </ButtonLink>
      <span className="text-zinc-500 tabular-nums dark:text-zinc-400">
        Page {page} of {pageCount}
      </span>
      <ButtonLink href={page < pageCount ? hrefFor(page + 1) : null} rel="next">
        Next →
      </ButtonLink>
    </nav>
  );
}
