import { PaperGridSkeleton } from "@/components/feed/paper-grid-skeleton";
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
  categoryPath,
  now,
}: {
  papers: PaperSummary[];
  /** Cards say how long before this each paper was featured (trending). */
  now?: Date;
  ranked?: boolean;
  startRank?: number;
  /** The reader's votes; without it the cards show counts only. */
  viewer?: Promise<ViewerVotes>;
  /** The listing the cards' category chips filter (see PaperCard). */
  categoryPath?: string;
}) {
  return (
    <>
      <KeyboardNavigation />
      <ol className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Papers">
        {papers.map((paper, index) => (
          <li key={paper.id}>
            <PaperCard
              paper={paper}
              rank={ranked ? startRank + index : undefined}
              viewer={viewer}
              categoryPath={categoryPath}
              now={now}
            />
          </li>
        ))}
      </ol>
    </>
  );
}

PaperGrid.Skeleton = PaperGridSkeleton;
