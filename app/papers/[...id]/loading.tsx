export default function PaperLoading() {
  return (
    <div aria-busy="true" className="mx-auto max-w-3xl space-y-4">
      <span className="sr-only" role="status">
        Loading paper…
      </span>
      <div className="aspect-[3/1] w-full animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-800" />
      <div className="h-8 w-4/5 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />
      <div className="h-4 w-2/3 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />
      <div className="h-40 w-full animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />
    </div>
  );
}
