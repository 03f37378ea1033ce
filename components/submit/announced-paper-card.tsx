import type { ReactNode } from "react";
import { AuthorLine } from "@/components/paper/author-line";
import { PaperLinks } from "@/components/paper/paper-links";
import { PaperTitleLink } from "@/components/paper/paper-title-link";
import { RichText } from "@/components/paper/rich-text";
import type { AnnouncedPaper } from "@/lib/submissions/schema";

/** A paper of the latest arXiv announcement: categories, title, authors, the abstract's start, and `action`. */
export function AnnouncedPaperCard({ paper, action }: { paper: AnnouncedPaper; action: ReactNode }) {
  return (
    <article
      data-paper-card
      className="flex h-full flex-col gap-3 rounded-xl border border-zinc-200 bg-white p-4 wrap-anywhere shadow-xs focus-within:border-amber-500 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        {paper.categories.slice(0, 4).map((category, index) => (
          <span
            key={category}
            className={
              index === 0
                ? "rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900 dark:bg-amber-400/15 dark:text-amber-200"
                : "rounded bg-zinc-100 px-1.5 py-0.5 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
            }
          >
            {category}
          </span>
        ))}
        {paper.announceType === "cross" ? <span className="text-zinc-500 dark:text-zinc-400">cross-list</span> : null}
        <span className="ml-auto font-mono text-zinc-500 dark:text-zinc-400">{paper.id}</span>
      </div>
      <div className="min-w-0">
        <h2 className="leading-snug font-semibold">
          <PaperTitleLink id={paper.id} title={paper.title} />
        </h2>
        <AuthorLine authors={paper.authors} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400" />
        <p className="mt-2 line-clamp-3 text-sm text-zinc-700 dark:text-zinc-300">
          <RichText text={paper.abstract} links={false} />
        </p>
      </div>
      <div className="mt-auto flex flex-wrap items-center justify-between gap-3">
        <PaperLinks id={paper.id} githubRepo={null} projectPage={null} />
        {action}
      </div>
    </article>
  );
}
