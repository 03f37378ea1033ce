import { arxivAbsUrl, arxivPdfUrl } from "@/lib/papers/arxiv-id";

const linkClass =
  "inline-flex items-center gap-1 rounded-md border border-zinc-200 px-2 py-0.5 text-xs font-medium text-zinc-700 hover:border-zinc-400 hover:text-zinc-950 focus-visible:outline-2 focus-visible:outline-amber-500 dark:border-zinc-700 dark:text-zinc-300 dark:hover:border-zinc-500 dark:hover:text-white";

/** arXiv page, PDF, code and project page, whichever are known. */
export function PaperLinks({
  id,
  githubRepo,
  projectPage,
}: {
  id: string;
  githubRepo: string | null;
  projectPage: string | null;
}) {
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Links">
      <li>
        <a className={linkClass} href={arxivAbsUrl(id)} rel="noopener" target="_blank">
          arXiv
        </a>
      </li>
      <li>
        <a className={linkClass} href={arxivPdfUrl(id)} rel="noopener" target="_blank">
          PDF
        </a>
      </li>
      {githubRepo ? (
        <li>
          <a className={linkClass} href={githubRepo} rel="noopener nofollow" target="_blank">
            Code
          </a>
        </li>
      ) : null}
      {projectPage ? (
        <li>
          <a className={linkClass} href={projectPage} rel="noopener nofollow" target="_blank">
            Project page
          </a>
        </li>
      ) : null}
    </ul>
  );
}
