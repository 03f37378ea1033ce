import Link from "next/link";

export default function NotFound() {
  return (
    <section className="py-16 text-center">
      <p className="text-sm font-semibold text-amber-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold">This page does not exist</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">
        The link may be broken, or the paper may not be on the list.
      </p>
      <Link
        href="/"
        className="mt-6 inline-block rounded-md bg-zinc-900 px-4 py-2 text-sm text-white dark:bg-zinc-100 dark:text-zinc-900"
      >
        Back to today&apos;s papers
      </Link>
    </section>
  );
}
