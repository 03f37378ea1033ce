import { KeyboardNavigation } from "@/components/feed/keyboard-navigation";
import { PaperCard } from "@/components/paper/paper-card";
import type { PaperSummary } from "@/lib/papers/schema";

/** Papers as a grid on wide screens and a list on phones; `j`/`k` walk through them. */
export function PaperGrid({
  papers,
  ranked = false,
  startRank = 1,
}: {
  papers: PaperSummary[];
  ranked?: boolean;
  startRank?: number;
}) {
  return (
    <>
      <KeyboardNavigation />
      <ol className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Papers">
        {papers.map((paper, index) => (
          <li key={paper.id}>
            <PaperCard paper={paper} rank={ranked ? startRank + index : undefined} />
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
