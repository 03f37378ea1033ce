"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { MAX_QUERY_LENGTH } from "@/lib/papers/limits";

/**
 * The header's compact field (a search landmark named "Site"), and the search page's wider one with a
 * button. Each has its own id: on the search page both are shown.
 */
const variants = {
  header: {
    id: "site-search",
    landmark: "Site",
    form: "w-full min-w-0 max-w-xs",
    input:
      "w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm placeholder:text-zinc-500 focus-visible:border-amber-500 focus-visible:outline-none dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-400",
    placeholder: "Search papers…",
  },
  page: {
    id: "search-page-q",
    landmark: undefined,
    form: "mb-6 flex max-w-xl gap-2",
    input: "min-w-0 flex-1 rounded-md border border-zinc-200 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900",
    placeholder: "Title words, author names, topics…",
  },
} as const;

/**
 * The search field: a plain GET form to the search page, so it works before (and without) JavaScript.
 * `value` is the query searched, already cut to MAX_QUERY_LENGTH.
 */
export function SearchForm({ variant, value }: { variant: keyof typeof variants; value?: string }) {
  const look = variants[variant];
  return (
    <form action="/papers/search" method="get" role="search" aria-label={look.landmark} className={look.form}>
      <label htmlFor={look.id} className="sr-only">
        Search papers
      </label>
      {/* Keyed by the query, so a new search (or leaving the search page) shows the right text. */}
      <input
        key={value}
        id={look.id}
        type="search"
        name="q"
        defaultValue={value}
        maxLength={MAX_QUERY_LENGTH}
        placeholder={look.placeholder}
        className={look.input}
      />
      {variant === "page" && (
        <button
          type="submit"
          className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900"
        >
          Search
        </button>
      )}
    </form>
  );
}

/** The header's search field; on the search page it keeps the query that was searched. */
export function SearchBox() {
  const pathname = usePathname();
  const query = useSearchParams().get("q");
  const value = pathname === "/papers/search" ? (query ?? "").slice(0, MAX_QUERY_LENGTH) : "";
  return <SearchForm variant="header" value={value} />;
}

/** The header's field before the URL is known (static shell). */
export function SearchBoxFallback() {
  return <SearchForm variant="header" />;
}
