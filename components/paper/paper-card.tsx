import Link from "next/link";
import { AuthorLine } from "@/components/paper/author-line";
import { PaperLinks } from "@/components/paper/paper-links";
import { PaperThumbnail } from "@/components/paper/paper-thumbnail";
import { RichText } from "@/components/paper/rich-text";
import { UpvoteControl } from "@/components/paper/upvote-control";
import type { PaperSummary } from "@/lib/papers/schema";
import type { ViewerVotes } from "@/lib/upvotes/viewer";

/** A paper in a list: cover, title, first authors, counts, submitter and links. */
export function PaperCard({
  paper,
  rank,
  viewer,
}: {
  paper: PaperSummary;
  rank?: number;
  viewer?: Promise<ViewerVotes>;
}) {
  const submitter = paper.submittedBy?.name ?? paper.submittedBy?.username;
  return (
    <article
      data-paper-card
      className="group flex h-full flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs transition focus-within:border-amber-500 hover:border-zinc-300 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-zinc-700"
    >
      <Link href={`/papers/${paper.id}`} tabIndex={-1} aria-hidden className="hidden sm:block">
        <PaperThumbnail id={paper.id} title={paper.title} url={paper.thumbnailUrl} className="aspect-[2/1] w-full" />
      </Link>
      <div className="flex flex-1 gap-3 p-4">
        <UpvoteControl paperId={paper.id} count={paper.upvoteCount} viewer={viewer} />
        <div className="min-w-0 flex-1">
          <h2 className="leading-snug font-semibold">
            {rank ? <span className="mr-1 text-zinc-400 tabular-nums">{rank}.</span> : null}
            <Link
              href={`/papers/${paper.id}`}
              className="rounded-sm hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
            >
              <RichText text={paper.title} links={false} />
            </Link>
          </h2>
          <AuthorLine authors={paper.authors} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400" />
          <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-2 text-xs text-zinc-500">
            <span>
              {paper.commentCount} {paper.commentCount === 1 ? "comment" : "comments"}
            </span>
            {submitter ? <span>Submitted by {submitter}</span> : null}
          </div>
          <div className="mt-3">
            <PaperLinks id={paper.id} githubRepo={paper.githubRepo} projectPage={paper.projectPage} />
          </div>
        </div>
      </div>
    </article>
  );
}

/** The card's loading shape, so nothing jumps when the real cards arrive. */
PaperCard.Skeleton = function PaperCardSkeleton() {
  return (
    <div
      aria-hidden
      className="flex h-full flex-col overflow-hidden rounded-xl border border-zinc-200 dark:border-zinc-800"
    >
      <div className="hidden aspect-[2/1] w-full animate-pulse bg-zinc-100 sm:block dark:bg-zinc-800" />
      <div className="flex gap-3 p-4">
        <div className="h-16 w-12 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800" />
        <div className="flex-1 space-y-2">
          <div className="h-4 w-11/12 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />
          <div className="h-4 w-2/3 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />
          <div className="h-3 w-1/2 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />
        </div>
      </div>
    </div>
  );
};
