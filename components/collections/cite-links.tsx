import { CITATION_FORMATS, citationPath, type CitationFormat } from "@/lib/citations/formats";

/**
 * "Cite: BibTeX · RIS · CSL-JSON": the export of what `path` shows (a paper, a day, a collection), as files a
 * reference manager imports. Plain links (no prefetch): each is a download.
 */
export function CiteLinks({
  path,
  label = "Cite",
  className = "",
}: {
  path: string;
  label?: string;
  className?: string;
}) {
  return (
    <p className={`flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted ${className}`}>
      <span>{label}:</span>
      {(Object.keys(CITATION_FORMATS) as CitationFormat[]).map((format, index) => (
        <span key={format} className="inline-flex items-center gap-2">
          {index > 0 ? <span aria-hidden="true">·</span> : null}
          <a href={citationPath(path, format)} download className="text-link">
            {CITATION_FORMATS[format].label}
          </a>
        </span>
      ))}
    </p>
  );
}
