import { MAX_QUERY_LENGTH } from "@/lib/papers/schema";

/** The header's search field: a plain GET form, so it works before (and without) JavaScript. */
export function SearchBox({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <form action="/papers/search" method="get" role="search" className="w-full max-w-xs">
      <label htmlFor="site-search" className="sr-only">
        Search papers
      </label>
      <input
        id="site-search"
        type="search"
        name="q"
        defaultValue={defaultValue}
        maxLength={MAX_QUERY_LENGTH}
        placeholder="Search papers, authors…"
        className="w-full rounded-md border border-zinc-200 bg-white px-3 py-1.5 text-sm placeholder:text-zinc-400 focus-visible:border-amber-500 focus-visible:outline-none dark:border-zinc-700 dark:bg-zinc-900"
      />
    </form>
  );
}
