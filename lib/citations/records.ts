import "server-only";
import { Cite, plugins, type BibtexEntry, type CslItem } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import { format as formatBibtexFile } from "@citation-js/plugin-bibtex/lib/output/bibtex.js";
import { format as formatBibtexValue } from "@citation-js/plugin-bibtex/lib/output/value.js";
import { parse as parseName } from "@citation-js/name";
import type { Prisma } from "@/lib/generated/prisma/client";
import { arxivAbsUrl } from "@/lib/papers/arxiv-id";
import { latexWithTexMath, parseLatexText } from "@/lib/text/latex";

/**
 * Papers as citations, written by Citation.js (https://citation.js.org) and its BibTeX and RIS plugins: one CSL
 * item per paper, then each format from it. BibTeX gets what arXiv's own export writes beside the plugin's
 * fields (`eprint`, `archivePrefix`, `primaryClass`) and a title whose math stays TeX.
 */

/** The columns a citation reads. */
export const citableSelect = {
  id: true,
  title: true,
  authors: true,
  abstract: true,
  publishedAt: true,
  categories: true,
  doi: true,
  journalRef: true,
  arxivComment: true,
} satisfies Prisma.PaperSelect;

export type CitablePaper = Prisma.PaperGetPayload<{ select: typeof citableSelect }>;

/** The DOI a citation carries: the published version's when arXiv knows it, else arXiv's own DataCite DOI. */
function doiOf(paper: CitablePaper): string {
  return paper.doi ?? `10.48550/arXiv.${paper.id}`;
}

/** A paper as a CSL-JSON item: a preprint (`article`) published by arXiv, numbered by its arXiv id. */
export function cslItemOf(paper: CitablePaper): CslItem {
  const published = paper.publishedAt;
  return {
    id: paper.id,
    type: "article",
    title: latexWithTexMath(paper.title),
    author: paper.authors.map((name) => {
      const parsed = parseName(name);
      return parsed.family ? parsed : { literal: name };
    }),
    issued: { "date-parts": [[published.getUTCFullYear(), published.getUTCMonth() + 1, published.getUTCDate()]] },
    abstract: latexWithTexMath(paper.abstract),
    publisher: "arXiv",
    number: `arXiv:${paper.id}`,
    DOI: doiOf(paper),
    URL: arxivAbsUrl(paper.id),
    ...(paper.categories.length ? { keyword: paper.categories.join(", ") } : {}),
    ...(paper.journalRef ? { references: paper.journalRef } : {}),
    ...(paper.arxivComment ? { note: paper.arxivComment } : {}),
  };
}

/**
 * A title as BibTeX: the plugin's escapes and braces around capitals for its text (`{LLMs}` keeps its case in
 * any style), and its math kept as TeX in braces (`{$\mathcal{O}(n^2)$}`), as arXiv's own export keeps it.
 */
function bibtexTitle(latex: string): string {
  return parseLatexText(latex)
    .map((segment) => (segment.kind === "math" ? `{$${segment.tex}$}` : formatBibtexValue("title", segment.text)))
    .join("");
}

/**
 * BibTeX entries for `papers`, as arXiv's export writes them (`@misc` with `eprint`, `archivePrefix` and
 * `primaryClass`), with the plugin's fields besides. `labels` holds the keys already written to the same file:
 * a repeated key gets a letter (`Lovelace2025Fast`, `Lovelace2025Fasta`).
 */
export function bibtexOf(papers: CitablePaper[], labels: Set<string> = new Set()): string {
  if (papers.length === 0) return "";
  const entries = new Cite(papers.map(cslItemOf)).format("bibtex", { format: "object" });
  const written: BibtexEntry[] = entries.map((entry, index) => {
    const paper = papers[index]!;
    const { journal: _journal, number: _number, publisher: _publisher, ...fields } = entry.properties;
    return {
      type: "misc",
      label: uniqueLabel(entry.label, labels),
      properties: {
        ...fields,
        title: bibtexTitle(paper.title),
        eprint: paper.id,
        archivePrefix: "arXiv",
        ...(paper.categories[0] ? { primaryClass: paper.categories[0] } : {}),
        ...(paper.journalRef ? { howpublished: formatBibtexValue("howpublished", paper.journalRef) } : {}),
      },
    };
  });
  return formatBibtexFile(written, plugins.dict.get("text"));
}

function uniqueLabel(label: string, taken: Set<string>): string {
  let candidate = label;
  for (let suffix = 0; taken.has(candidate); suffix++) {
    candidate = `${label}${suffixLetters(suffix)}`;
  }
  taken.add(candidate);
  return candidate;
}

/** a, b, …, z, aa, ab, …: BibTeX's own way of telling same-key entries apart. */
function suffixLetters(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return index < 26 ? letter : suffixLetters(Math.floor(index / 26) - 1) + letter;
}

/** RIS records for `papers` (Zotero, EndNote, Mendeley read them). */
export function risOf(papers: CitablePaper[]): string {
  if (papers.length === 0) return "";
  return new Cite(papers.map(cslItemOf)).format("ris");
}
