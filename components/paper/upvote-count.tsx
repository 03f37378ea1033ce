"use client";

/**
 * The upvote tally as a column (the card's left edge); the signed-in control replaces it. A client
 * component only to keep its markup out of React's payload: it is every card's Suspense fallback, so the
 * payload says `{count}` instead of the elements again.
 */
export function UpvoteCount({ count }: { count: number }) {
  return (
    <div className="vote-tally">
      <svg aria-hidden viewBox="0 0 12 12">
        <path d="M6 2 11 9H1z" />
      </svg>
      <span className="tabular-nums">{count}</span>
      <span className="sr-only">{count === 1 ? "upvote" : "upvotes"}</span>
    </div>
  );
}
