import { Suspense, use } from "react";
import { UpvoteButton } from "@/components/paper/upvote-button";
import { UpvoteCount } from "@/components/paper/upvote-count";
import type { ViewerVotes } from "@/lib/upvotes/viewer";

/**
 * The count first (cacheable, no session needed), replaced by the reader's own control once their
 * session and votes are known.
 */
export function UpvoteControl({
  paperId,
  count,
  viewer,
}: {
  paperId: string;
  count: number;
  viewer?: Promise<ViewerVotes>;
}) {
  if (!viewer) return <UpvoteCount count={count} />;
  return (
    <Suspense fallback={<UpvoteCount count={count} />}>
      <ViewerUpvote paperId={paperId} count={count} viewer={viewer} />
    </Suspense>
  );
}

function ViewerUpvote({ paperId, count, viewer }: { paperId: string; count: number; viewer: Promise<ViewerVotes> }) {
  const { signedIn, upvoted, counts } = use(viewer);
  // Counts are read fresh (the card may come from a data cache that is a vote behind).
  return (
    <UpvoteButton
      paperId={paperId}
      count={counts.get(paperId) ?? count}
      upvoted={upvoted.has(paperId)}
      signedIn={signedIn}
    />
  );
}
