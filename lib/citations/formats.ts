/**
 * The citation formats a paper, a day, a collection or a reading list exports as (lib/citations/records.ts
 * writes them), and their addresses: the thing's own path plus the format's extension.
 */
export const CITATION_FORMATS = {
  bibtex: { extension: "bib", contentType: "application/x-bibtex; charset=utf-8", label: "BibTeX" },
  ris: { extension: "ris", contentType: "application/x-research-info-systems; charset=utf-8", label: "RIS" },
  "csl-json": {
    extension: "csl.json",
    contentType: "application/vnd.citationstyles.csl+json; charset=utf-8",
    label: "CSL-JSON",
  },
} as const;

export type CitationFormat = keyof typeof CITATION_FORMATS;

/** The format a file extension names (`bib`, `ris`, `csl.json`), or null. */
export function formatOfExtension(extension: string): CitationFormat | null {
  const found = Object.entries(CITATION_FORMATS).find(([, format]) => format.extension === extension);
  return found ? (found[0] as CitationFormat) : null;
}

/** The export of what `path` shows (`/papers/2501.12948`, `/collections/<id>`) in `format`. */
export function citationPath(path: string, format: CitationFormat): string {
  return `${path}.${CITATION_FORMATS[format].extension}`;
}
