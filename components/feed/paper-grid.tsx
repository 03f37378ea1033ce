import { KeyboardNavigation } from "@/components/feed/keyboard-navigation";
import { PaperCard } from "@/components/paper/paper-card";
import type { PaperSummary } from "@/lib/papers/schema";
import type { ViewerVotes } from "@/lib/upvotes/viewer";

/** Papers as a grid on wide screens and a list on phones; `j`/`k` walk through them. */
export function PaperGrid({
  papers,
  ranked = false,
  startRank = 1,
  viewer,
}: {
  papers: PaperSummary[];
  ranked?: boolean;
  startRank?: number;
  /** The reader's votes; without it the cards show counts only. */
  viewer?: Promise<ViewerVotes>;
}) {
  return (
    <>
      <KeyboardNavigation />
      <ol className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Papers">
        {papers.map((paper, index) => (
          <li key={paper.id}>
            <PaperCard paper={paper} rank={ranked ? startRank + index : undefined} viewer={viewer} />
          </li>
        ))}
      </ol>
    </>
  );
}

PaperGrid.Skeleton = function PaperGridSkeleton({ count = 6 }: { count?: number }) {
  return (
    <div aria-busy="true" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <span className="sr-only" role="status">
        Loading papers…
      </span>
      {Array.from({ length: count }, (_, i) => (
        <PaperCard.Skeleton key={i} />
      ))}
    </div>
  );
};
