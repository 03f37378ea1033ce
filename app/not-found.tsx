import Link from "next/link";

const secondary =
  "rounded-md border border-zinc-300 px-4 py-2 text-sm font-medium hover:border-zinc-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500 dark:border-zinc-700 dark:hover:border-zinc-500";

/** Every 404: a malformed or impossible address, an unknown paper, a day out of range. Always a way on. */
export default function NotFound() {
  return (
    <section className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-amber-800 dark:text-amber-400">404</p>
      <h1 className="mt-2 text-2xl font-semibold">This page does not exist</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">
        The link may be broken, the date may be in the future or before arXiv began, or the paper may not be on the list
        yet.
      </p>
      <form action="/papers/search" method="get" role="search" aria-label="Papers" className="mt-6 flex gap-2">
        <label htmlFor="not-found-search" className="sr-only">
          Search papers
        </label>
        <input
          id="not-found-search"
          type="search"
          name="q"
          placeholder="Search papers or paste an arXiv id…"
          className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm placeholder:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-400"
        />
        <button
          type="submit"
          className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-white"
        >
          Search
        </button>
      </form>
      <div className="mt-4 flex flex-wrap justify-center gap-2">
        <Link href="/" className={secondary}>
          Today&apos;s papers
        </Link>
        <Link href="/papers/trending" className={secondary}>
          Trending
        </Link>
      </div>
    </section>
  );
}
