import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { PaperGrid } from "@/components/feed/paper-grid";
import { HighlightedText } from "@/components/feed/highlighted-text";
import { AuthorLine } from "@/components/paper/author-line";
import { UpvoteCount } from "@/components/paper/upvote-count";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { searchPapers } from "@/lib/papers/data";
import { MAX_QUERY_LENGTH, pageParam, searchQueryParam } from "@/lib/papers/schema";

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

  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">Search</h1>
      <form action="/papers/search" method="get" role="search" className="mb-6 flex max-w-xl gap-2">
        <label htmlFor="search-page-q" className="sr-only">
          Search papers
        </label>
        <input
          id="search-page-q"
          type="search"
          name="q"
          defaultValue={rawQuery.slice(0, MAX_QUERY_LENGTH)}
          maxLength={MAX_QUERY_LENGTH}
          placeholder="Title words, author names, topics…"
          className="flex-1 rounded-md border border-zinc-200 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button
          type="submit"
          className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900"
        >
          Search
        </button>
      </form>
      <Suspense key={`${rawQuery}|${String(params.page)}`} fallback={<PaperGrid.Skeleton count={3} />}>
        <SearchResults query={query.success ? query.data : null} page={page.success ? page.data : null} />
      </Suspense>
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
        {result.total
          ? `There are ${result.total} results.`
          : `Nothing matches “${query}”. Try fewer or different words.`}
      </EmptyState>
    );
  }
  return (
    <>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400" role="status">
        {result.total} {result.total === 1 ? "paper matches" : "papers match"} “{query}”
      </p>
      <ol className="space-y-3" aria-label="Search results">
        {result.items.map((hit) => (
          <li
            key={hit.id}
            data-paper-card
            className="flex gap-3 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
          >
            <UpvoteCount count={hit.upvoteCount} />
            <div className="min-w-0">
              <h2 className="font-semibold">
                <Link
                  href={`/papers/${hit.id}`}
                  className="hover:underline focus-visible:outline-2 focus-visible:outline-amber-500"
                >
                  <HighlightedText text={hit.titleHighlight} />
                </Link>
              </h2>
              <AuthorLine authors={hit.authors} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400" />
              <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
                <HighlightedText text={hit.abstractHighlight} />
              </p>
            </div>
          </li>
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
