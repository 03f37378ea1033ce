import { describe, expect, it } from "vitest";
import { formatOfExtension } from "@/lib/citations/formats";
import { bibtexOf, cslItemOf, risOf, type CitablePaper } from "@/lib/citations/records";

function paper(overrides: Partial<CitablePaper> = {}): CitablePaper {
  return {
    id: "2501.12948",
    title: "Fast $\\mathcal{O}(n^2)$ R\\&D for LLMs",
    authors: ["Ada Lovelace", "Ludwig van Beethoven", "DeepSeek-AI"],
    abstract: "We show $x^2$ & more.",
    publishedAt: new Date("2025-01-22T18:00:00Z"),
    categories: ["cs.CL", "cs.AI"],
    doi: null,
    journalRef: null,
    arxivComment: "12 pages",
    ...overrides,
  };
}

describe("citations", () => {
  it("writes BibTeX as arXiv's export does, with its math kept and its capitals protected", () => {
    const bib = bibtexOf([paper()]);
    expect(bib).toMatch(/^@misc\{Lovelace2025Fast,/);
    expect(bib).toContain("eprint = {2501.12948}");
    expect(bib).toContain("archivePrefix = {arXiv}");
    expect(bib).toContain("primaryClass = {cs.CL}");
    expect(bib).toContain("doi = {10.48550/arXiv.2501.12948}");
    expect(bib).toContain("title = {Fast {$\\mathcal{O}(n^2)$} {R}\\&{D} for {LLMs}},");
    expect(bib).toContain("author = {Lovelace, Ada and van Beethoven, Ludwig and {DeepSeek-AI}}");
    expect(bib).toContain("year = {2025}");
    expect(bib).not.toContain("journal =");
  });

  it("gives the journal's DOI when arXiv knows it, and the reference", () => {
    const bib = bibtexOf([paper({ doi: "10.1000/xyz", journalRef: "Nature 1 (2025) 2" })]);
    expect(bib).toContain("doi = {10.1000/xyz}");
    expect(bib).toContain("howpublished = {Nature 1 (2025) 2}");
  });

  it("tells entries with the same key apart within a file", () => {
    const labels = new Set<string>();
    const first = bibtexOf([paper(), paper({ id: "2501.00001" })], labels);
    const second = bibtexOf([paper({ id: "2501.00002" })], labels);
    expect(first).toContain("@misc{Lovelace2025Fast,");
    expect(first).toContain("@misc{Lovelace2025Fasta,");
    expect(second).toContain("@misc{Lovelace2025Fastb,");
  });

  it("writes RIS and CSL-JSON from the same item", () => {
    const ris = risOf([paper()]);
    expect(ris).toContain("TI  - Fast $\\mathcal{O}(n^2)$ R&D for LLMs");
    expect(ris).toContain("AU  - Lovelace, Ada");
    expect(ris).toContain("DO  - 10.48550/arXiv.2501.12948");
    expect(ris).toContain("UR  - https://arxiv.org/abs/2501.12948");
    expect(ris.trimEnd().endsWith("ER  -")).toBe(true);
    const item = cslItemOf(paper());
    expect(item).toMatchObject({
      id: "2501.12948",
      type: "article",
      publisher: "arXiv",
      number: "arXiv:2501.12948",
      issued: { "date-parts": [[2025, 1, 22]] },
      author: [{ given: "Ada", family: "Lovelace" }, { given: "Ludwig" }, { family: "DeepSeek-AI" }],
    });
  });

  it("knows its file extensions", () => {
    expect(formatOfExtension("bib")).toBe("bibtex");
    expect(formatOfExtension("ris")).toBe("ris");
    expect(formatOfExtension("csl.json")).toBe("csl-json");
    expect(formatOfExtension("json")).toBeNull();
  });
});
