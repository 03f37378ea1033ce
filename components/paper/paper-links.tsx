import { arxivAbsUrl, arxivPdfUrl } from "@/lib/papers/arxiv-id";
import { safeHttpUrl } from "@/lib/urls";

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const exact = new Intl.NumberFormat("en-US");

/**
 * arXiv page, PDF, code (with its GitHub stars) and project page, whichever are known, as the `pills` class
 * (app/globals.css) draws them. Links from sources are shown only when they are http(s).
 */
export function PaperLinks({
  id,
  githubRepo,
  githubStars = null,
  projectPage,
  className = "",
}: {
  id: string;
  githubRepo: string | null;
  githubStars?: number | null;
  projectPage: string | null;
  className?: string;
}) {
  const code = safeHttpUrl(githubRepo);
  const project = safeHttpUrl(projectPage);
  return (
    <ul className={`pills ${className}`} aria-label="Links">
      <li>
        <a href={arxivAbsUrl(id)} rel="noopener" target="_blank">
          arXiv
        </a>
      </li>
      <li>
        <a href={arxivPdfUrl(id)} rel="noopener" target="_blank">
          PDF
        </a>
      </li>
      {code ? (
        <li>
          <a href={code} rel="noopener nofollow" target="_blank">
            Code
            {githubStars !== null ? (
              <span className="text-muted tabular-nums">
                <span aria-hidden>{`★ ${compact.format(githubStars)}`}</span>
                <span className="sr-only">
                  {`, ${exact.format(githubStars)} GitHub ${githubStars === 1 ? "star" : "stars"}`}
                </span>
              </span>
            ) : null}
          </a>
        </li>
      ) : null}
      {project ? (
        <li>
          <a href={project} rel="noopener nofollow" target="_blank">
            Project page
          </a>
        </li>
      ) : null}
    </ul>
  );
}
