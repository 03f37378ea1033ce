import { describe, expect, it } from "vitest";
import { LIBRARY_MAX_CHARS, readLibrary } from "@/lib/citations/library";

const bibtex = String.raw`
@misc{guo2025deepseek,
  title={DeepSeek-R1},
  author={DeepSeek-AI and Daya Guo},
  eprint={2501.12948v2},
  archivePrefix={arXiv},
  primaryClass={cs.CL},
}
@article{vaswani2017attention,
  title={Attention is all you need},
  journal={arXiv preprint arXiv:1706.03762},
  year={2017}
}
@article{old, title={Old style}, url={https://arxiv.org/abs/hep-th/9901001v3}}
@article{doi, title={By DOI}, doi={10.48550/arXiv.2006.16236}}
@article{pubmed, title={Not arXiv}, eprint={2501.00001}, eprinttype={pubmed}}
@book{knuth, title={The Art of Computer Programming}}
@misc{again, eprint={2501.12948}, archivePrefix={arXiv}}
`;

describe("reading a reference manager's library", () => {
  it("finds the arXiv papers of a BibTeX file, each once, in its order", () => {
    expect(readLibrary(bibtex, "library.bib")).toEqual({
      entries: 7,
      arxivIds: ["2501.12948", "1706.03762", "hep-th/9901001", "2006.16236"],
    });
  });

  it("reads RIS and CSL-JSON (as Zotero exports them)", () => {
    const ris =
      "TY  - JOUR\nTI  - One\nUR  - http://arxiv.org/abs/2501.12948v1\nER  - \n\nTY  - BOOK\nTI  - Two\nER  - \n";
    expect(readLibrary(ris, "My Library.ris")).toEqual({ entries: 2, arxivIds: ["2501.12948"] });
    const csl = JSON.stringify([
      { id: "a", type: "article", title: "A", number: "arXiv:2503.24290", DOI: "10.48550/arXiv.2503.24290" },
      { id: "b", type: "book", title: "B" },
    ]);
    expect(readLibrary(csl, "export.json")).toEqual({ entries: 2, arxivIds: ["2503.24290"] });
    // Told apart by content when the name says nothing.
    expect(readLibrary(csl, "").arxivIds).toEqual(["2503.24290"]);
    expect(readLibrary(ris, "").arxivIds).toEqual(["2501.12948"]);
  });

  it("refuses what it cannot read with a sentence, never a crash", () => {
    const refusals: [string, string, RegExp][] = [
      ["garbage {{{ @@@", "x.bib", /could not be read as BibTeX/],
      [`@article{a, title={${"{".repeat(20_000)}}`, "x.bib", /could not be read as BibTeX/],
      ["[not json", "x.json", /could not be read as CSL-JSON/],
      ["", "x.bib", /no entries/],
      ["x".repeat(LIBRARY_MAX_CHARS + 1), "x.bib", /larger than 1 MB/],
    ];
    for (const [text, name, message] of refusals) {
      expect(() => readLibrary(text, name), name).toThrow(message);
    }
  });
});
