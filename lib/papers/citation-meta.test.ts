import { describe, expect, it } from "vitest";
import { citationMeta } from "@/lib/papers/citation-meta";

const paper = {
  id: "2501.12948",
  title: "DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning",
  authors: ["DeepSeek-AI", "Daya Guo", "Dejian Yang"],
  publishedAt: new Date("2025-01-22T18:59:00Z"),
  doi: null,
};

describe("citationMeta", () => {
  it("gives the title, each author in order, the dates, the PDF and the arXiv id", () => {
    expect(citationMeta(paper)).toEqual({
      citation_title: paper.title,
      citation_author: ["DeepSeek-AI", "Daya Guo", "Dejian Yang"],
      citation_date: "2025/01/22",
      citation_online_date: "2025/01/22",
      citation_pdf_url: "https://arxiv.org/pdf/2501.12948",
      citation_arxiv_id: "2501.12948",
    });
  });

  it("adds the DOI when one is known, and writes the title as text, not LaTeX", () => {
    const meta = citationMeta({ ...paper, title: "Caf\\'e $\\alpha$-Nets \\& More", doi: "10.1000/xyz123" });
    expect(meta.citation_doi).toBe("10.1000/xyz123");
    // Math stays its TeX source, as in every plain-text title of the site.
    expect(meta.citation_title).toBe("Café \\alpha-Nets & More");
  });

  it("takes old-style ids as they are", () => {
    expect(citationMeta({ ...paper, id: "hep-th/9901001" }).citation_arxiv_id).toBe("hep-th/9901001");
  });
});
