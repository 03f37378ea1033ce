/** The upvote tally as a column (the card's left edge). The signed-in control wraps this. */
export function UpvoteCount({ count }: { count: number }) {
  return (
    <div className="flex h-16 w-12 shrink-0 flex-col items-center justify-center self-start rounded-lg border border-zinc-200 text-sm dark:border-zinc-700">
      <svg aria-hidden viewBox="0 0 12 12" className="size-3 fill-current text-zinc-500">
        <path d="M6 2 11 9H1z" />
      </svg>
      <span className="font-semibold tabular-nums">{count}</span>
      <span className="sr-only">{count === 1 ? "upvote" : "upvotes"}</span>
    </div>
  );
}
