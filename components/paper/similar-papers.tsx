import Link from "next/link";
import { use } from "react";
import { AuthorLine } from "@/components/paper/author-line";
import { RichText } from "@/components/paper/rich-text";
import type { PaperSummary } from "@/lib/papers/schema";
import { paperPath } from "@/lib/urls";

/** A short list of related papers; streams in after the paper itself. */
export function SimilarPapers({ papers }: { papers: Promise<PaperSummary[]> }) {
  const list = use(papers);
  if (!list.length) return <p className="mt-2 text-sm text-zinc-500 dark:text-zinc-400">No similar papers yet.</p>;
  return (
    <ul className="mt-3 divide-y divide-zinc-200 dark:divide-zinc-800">
      {list.map((paper) => (
        <li key={paper.id} className="py-3">
          <Link
            href={paperPath(paper.id)}
            className="font-medium hover:underline focus-visible:outline-2 focus-visible:outline-amber-500"
          >
            <RichText text={paper.title} links={false} />
          </Link>
          <AuthorLine authors={paper.authors} className="text-sm text-zinc-600 dark:text-zinc-400" />
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {paper.upvoteCount} {paper.upvoteCount === 1 ? "upvote" : "upvotes"}
          </p>
        </li>
      ))}
    </ul>
  );
}

SimilarPapers.Skeleton = function SimilarPapersSkeleton() {
  return (
    <div aria-busy="true" className="mt-3 space-y-3">
      <span className="sr-only" role="status">
        Finding similar papers…
      </span>
      {Array.from({ length: 3 }, (_, i) => (
        <div key={i} className="h-12 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />
      ))}
    </div>
  );
};
