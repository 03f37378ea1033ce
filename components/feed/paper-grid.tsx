import { PaperGridSkeleton } from "@/components/feed/paper-grid-skeleton";
import { HideSeenToggle } from "@/components/feed/hide-seen-toggle";
import { KeyboardNavigation } from "@/components/feed/keyboard-navigation";
import { MutedNote } from "@/components/feed/muted-note";
import { PaperCard } from "@/components/paper/paper-card";
import type { PaperSummary } from "@/lib/papers/schema";
import type { CurrentCounts } from "@/lib/upvotes/current-counts";

/**
 * Papers as a grid on wide screens and a list on phones; `j`/`k` walk through them; a member may hide those
 * seen, and their mutes hide the papers they match.
 */
export function PaperGrid({
  papers,
  ranked = false,
  startRank = 1,
  counts,
  categoryPath,
  now,
  reasons,
}: {
  papers: PaperSummary[];
  /** Why the reader is shown each paper, by id (For you). */
  reasons?: ReadonlyMap<string, string>;
  /** Cards say how long before this each paper was featured (trending). */
  now?: Date;
  ranked?: boolean;
  startRank?: number;
  /** The reader's votes; without it the cards show counts only. */
  counts?: Promise<CurrentCounts>;
  /** The listing the cards' category chips filter (see PaperCard). */
  categoryPath?: string;
}) {
  return (
    <>
      <KeyboardNavigation />
      <HideSeenToggle note={<MutedNote paperIds={papers.map((paper) => paper.id)} />} />
      <ol className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Papers">
        {papers.map((paper, index) => (
          <li key={paper.id}>
            <PaperCard
              paper={paper}
              rank={ranked ? startRank + index : undefined}
              counts={counts}
              categoryPath={categoryPath}
              now={now}
              reason={reasons?.get(paper.id)}
            />
          </li>
        ))}
      </ol>
    </>
  );
}

PaperGrid.Skeleton = PaperGridSkeleton;
