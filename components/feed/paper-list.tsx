import type { PaperSummary } from "@/lib/papers/schema";

function authorLine(authors: string[]): string {
  const shown = authors.slice(0, 3).join(", ");
  return authors.length > 3 ? `${shown} and ${authors.length - 3} more` : shown;
}

export function PaperList({ papers }: { papers: PaperSummary[] }) {
  return (
    <ol className="grid gap-4 md:grid-cols-2">
      {papers.map((paper) => (
        <li key={paper.id} className="flex gap-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
          <div className="flex w-12 shrink-0 flex-col items-center rounded-lg border border-zinc-200 py-2 text-sm dark:border-zinc-800">
            <span aria-hidden>▲</span>
            <span className="font-semibold tabular-nums">{paper.upvoteCount}</span>
            <span className="sr-only">upvotes</span>
          </div>
          <div className="min-w-0">
            <h2 className="leading-snug font-semibold">{paper.title}</h2>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{authorLine(paper.authors)}</p>
            <p className="mt-2 line-clamp-3 text-sm text-zinc-700 dark:text-zinc-300">{paper.abstract}</p>
            <p className="mt-2 text-xs text-zinc-500">
              arXiv:{paper.id}
              {paper.submittedBy ? ` · submitted by ${paper.submittedBy.name ?? paper.submittedBy.username}` : ""}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
