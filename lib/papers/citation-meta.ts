import { toDayString } from "@/lib/dates/days";
import { arxivPdfUrl } from "@/lib/papers/arxiv-id";
import type { PaperDetail } from "@/lib/papers/schema";
import { latexToPlainText } from "@/lib/text/latex";

/**
 * A paper as Highwire Press `citation_*` meta tags, what Zotero's browser connector, Google Scholar and other
 * reference managers read from a page (arXiv's abstract pages carry the same set): one `citation_author` per
 * author, in order; dates as "2025/01/22". For the `other` field of Next.js's metadata, which writes one tag
 * per value of an array.
 */
export function citationMeta(
  paper: Pick<PaperDetail, "id" | "title" | "authors" | "publishedAt" | "doi">,
): Record<string, string | string[]> {
  const date = toDayString(paper.publishedAt).replaceAll("-", "/");
  return {
    citation_title: latexToPlainText(paper.title),
    citation_author: paper.authors,
    citation_date: date,
    citation_online_date: date,
    citation_pdf_url: arxivPdfUrl(paper.id),
    citation_arxiv_id: paper.id,
    ...(paper.doi ? { citation_doi: paper.doi } : {}),
  };
}
