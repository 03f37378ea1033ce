export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite" className="grid gap-4 md:grid-cols-2">
      <span className="sr-only">Loading papers…</span>
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="h-36 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-900" />
      ))}
    </div>
  );
}
