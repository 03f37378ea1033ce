import { Suspense, use } from "react";
import { UpvoteButton } from "@/components/paper/upvote-button";
import { UpvoteCount } from "@/components/paper/upvote-count";
import type { CurrentCounts } from "@/lib/upvotes/current-counts";

/**
 * A paper's vote button, given `counts` (read when the page was rendered, not from the data cache that may
 * be a vote behind); the reader's own vote is theirs to know (lib/client/viewer-store.ts), so the page is
 * the same for everyone. Without `counts`, the count alone (a withdrawn paper, a list that takes no votes).
 */
export function UpvoteControl({
  paperId,
  count,
  counts,
}: {
  paperId: string;
  count: number;
  counts?: Promise<CurrentCounts>;
}) {
  if (!counts) return <UpvoteCount count={count} />;
  return (
    <Suspense fallback={<UpvoteButton paperId={paperId} count={count} />}>
      <CurrentUpvote paperId={paperId} count={count} counts={counts} />
    </Suspense>
  );
}

function CurrentUpvote({ paperId, count, counts }: { paperId: string; count: number; counts: Promise<CurrentCounts> }) {
  return <UpvoteButton paperId={paperId} count={use(counts).get(paperId) ?? count} />;
}
