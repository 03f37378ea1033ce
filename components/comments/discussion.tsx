import { use } from "react";
import { DiscussionThread } from "@/components/comments/discussion-thread";
import { KeepInViewOnHash } from "@/components/comments/keep-in-view";
import type { DiscussionView } from "@/lib/comments/schema";

function Heading({ count }: { count: number | null }) {
  return (
    <h2 id="discussion-heading" className="text-lg font-semibold">
      Discussion
      {count !== null ? (
        <>
          {" "}
          <span className="ml-2 text-base font-normal text-zinc-600 dark:text-zinc-400">
            {count} {count === 1 ? "comment" : "comments"}
          </span>
        </>
      ) : null}
    </h2>
  );
}

const sectionClass = "mt-10 scroll-mt-20 border-t border-zinc-200 pt-8 dark:border-zinc-800";

/**
 * A paper's discussion (`#discussion`): the count, the thread oldest first with replies indented, and the
 * comment box for members, or a sign-in link that comes back here. Streams in after the paper; the same
 * for every reader (what is theirs to do in it is known in the browser, components/comments/discussion-thread.tsx).
 *
 * @example
 *   <Suspense fallback={<Discussion.Skeleton />}>
 *     <Discussion paperId={paper.id} discussion={getDiscussion(paper.id)} />
 *   </Suspense>
 */
export function Discussion({ paperId, discussion }: { paperId: string; discussion: Promise<DiscussionView | null> }) {
  const view = use(discussion);
  if (!view) return null;
  return (
    <section
      id="discussion"
      aria-labelledby="discussion-heading"
      data-discussion-paper={paperId}
      className={sectionClass}
    >
      <KeepInViewOnHash id="discussion" />
      <Heading count={view.count} />
      <DiscussionThread paperId={paperId} comments={view.comments} />
    </section>
  );
}

/** The discussion's loading shape: its heading (so `#discussion` exists at once) and two grey comments. */
Discussion.Skeleton = function DiscussionSkeleton() {
  return (
    <section id="discussion" aria-labelledby="discussion-heading" aria-busy="true" className={sectionClass}>
      <Heading count={null} />
      <span className="sr-only" role="status">
        Loading the discussion…
      </span>
      <div aria-hidden className="mt-4 space-y-6">
        {Array.from({ length: 2 }, (_, i) => (
          <div key={i} className="flex gap-2">
            <div className="skeleton size-7 shrink-0 rounded-full" />
            <div className="flex-1 space-y-2">
              {["h-3 w-1/3", "h-4 w-full", "h-4 w-2/3"].map((size) => (
                <div key={size} className={`skeleton ${size}`} />
              ))}
            </div>
          </div>
        ))}
      </div>
    </section>
  );
};
