import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { PaperGrid } from "@/components/feed/paper-grid";
import { SearchHitView, type SearchHitData } from "@/components/feed/search-hit-view";
import { NotHereYet } from "@/components/submit/not-here-yet";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-box";
import { excerptPieces, highlightPieces } from "@/lib/papers/highlights";
import { searchPapers } from "@/lib/papers/search";
import { MAX_QUERY_LENGTH, pageParam, searchQueryParam, type SearchHit } from "@/lib/papers/schema";
import { paperPath } from "@/lib/urls";
import { isVisiblePaper } from "@/lib/submissions/data";
import { parseArxivReference } from "@/lib/submissions/schema";
import { splitAuthors } from "@/lib/text/author-list";

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = (await searchParams).q;
  return {
    title: typeof q === "string" && q.trim() ? `“${q.trim().slice(0, 60)}” — search` : "Search",
    robots: { index: false },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const rawQuery = typeof params.q === "string" ? params.q : "";
  const query = searchQueryParam.safeParse(rawQuery);
  const page = pageParam.safeParse(typeof params.page === "string" ? params.page : undefined);
  // An arXiv id or link goes straight to the paper when it is here, else offers to submit it.
  const arxivId = parseArxivReference(rawQuery);
  if (arxivId && (await isVisiblePaper(arxivId))) redirect(paperPath(arxivId));

  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">Search</h1>
      <SearchForm variant="page" value={rawQuery.slice(0, MAX_QUERY_LENGTH)} />
      {arxivId ? (
        <NotHereYet id={arxivId} />
      ) : (
        <Suspense key={`${rawQuery}|${String(params.page)}`} fallback={<PaperGrid.Skeleton count={3} />}>
          <SearchResults query={query.success ? query.data : null} page={page.success ? page.data : null} />
        </Suspense>
      )}
    </section>
  );
}

async function SearchResults({ query, page }: { query: string | null; page: number | null }) {
  if (query === null) {
    return (
      <EmptyState title="That search is too long">
        Search terms are limited to {MAX_QUERY_LENGTH} characters.
      </EmptyState>
    );
  }
  if (page === null) return <EmptyState title="No such page">Page numbers run from 1 to 1000.</EmptyState>;
  if (!query) {
    return (
      <EmptyState title="Search the papers">
        Type words from a title or abstract, or an author&apos;s name. Use quotes for a phrase and <code>-word</code> to
        exclude one.
      </EmptyState>
    );
  }
  const result = await searchPapers(query, page);
  if (!result.items.length) {
    return (
      <EmptyState title={result.total ? "This page is past the last one" : "No papers match"}>
        {result.totalCapped
          ? `Only the first ${count(result.listed)} results are listed. Add words to narrow the search.`
          : result.total
            ? `There are ${count(result.total)} results.`
            : `Nothing matches “${query}”. Try fewer or different words.`}
      </EmptyState>
    );
  }
  return (
    <>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400" role="status">
        {result.totalCapped
          ? `More than ${count(result.total)} papers match “${query}”; the first ${count(result.listed)} are listed.`
          : `${count(result.total)} ${result.total === 1 ? "paper matches" : "papers match"} “${query}”`}
      </p>
      <ol className="space-y-3" aria-label="Search results">
        {result.items.map((hit) => (
          <SearchHitView key={hit.id} hit={searchHitData(hit)} />
        ))}
      </ol>
      <Pagination
        page={result.page}
        pageCount={Math.min(result.pageCount, 1000)}
        hrefFor={(p) => `/papers/search?q=${encodeURIComponent(query)}&page=${p}`}
      />
    </>
  );
}

/** What a result shows: its highlights read into plain pieces here, on the server. */
function searchHitData(hit: SearchHit): SearchHitData {
  const { shown, rest } = splitAuthors(hit.authors);
  return {
    id: hit.id,
    upvoteCount: hit.upvoteCount,
    title: highlightPieces(hit.titleHighlight),
    excerpt: excerptPieces(hit.abstractHighlight, hit.abstract),
    authors: shown,
    moreAuthors: rest,
  };
}

/** A count as the page writes it ("1,000"). */
function count(n: number): string {
  return n.toLocaleString("en-US");
}
