import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HighlightedText } from "@/components/feed/highlighted-text";
import { excerptPieces, highlightPieces } from "@/lib/papers/highlights";
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S } from "@/lib/papers/schema";

const text = (highlighted: string) =>
  renderToStaticMarkup(createElement(HighlightedText, { pieces: highlightPieces(highlighted) })).replace(
    /<[^>]+>/g,
    "",
  );

describe("highlightPieces and HighlightedText", () => {
  it("keeps the spaces around and between matches", () => {
    // What ts_headline gives for q=world models and q=deepseek.
    expect(text(`Conservative ${S}World${E} ${S}Models${E}`)).toBe("Conservative World Models");
    expect(text(`Medical Reasoning in LLMs: An In-Depth Analysis of ${S}DeepSeek${E} R1`)).toBe(
      "Medical Reasoning in LLMs: An In-Depth Analysis of DeepSeek R1",
    );
  });

  it("marks the matches and still reads the LaTeX around them", () => {
    const html = renderToStaticMarkup(
      createElement(HighlightedText, { pieces: highlightPieces(`up to 87\\% ${S}faster${E}, \\emph{really}`) }),
    );
    expect(html).toContain("<mark>faster</mark>");
    expect(html.replace(/<[^>]+>/g, "")).toBe("up to 87% faster, really");
  });

  it("adds no space where the text had none", () => {
    expect(text(`${S}Deep${E}Seek`)).toBe("DeepSeek");
  });

  it("gives the matches and the plain text between them, in order, without empty pieces", () => {
    expect(highlightPieces(`${S}Deep${E}Seek and ${S}more${E}`)).toEqual([
      { text: "Deep", match: true },
      { text: "Seek and " },
      { text: "more", match: true },
    ]);
  });

  it("marks an excerpt cut at either end with an ellipsis, and only there", () => {
    const abstract = "We introduce  a model.\nIt learns to reason by reinforcement, at scale, without labels.";
    const plain = (pieces: { text: string }[]) => pieces.map((piece) => piece.text).join("");
    // Cut at the start: the match is mid-abstract and the excerpt runs to its end.
    expect(
      plain(excerptPieces(`It learns to reason by ${S}reinforcement${E}, at scale, without labels.`, abstract)),
    ).toBe("… It learns to reason by reinforcement, at scale, without labels.");
    // Cut at the end, the whitespace runs of the abstract notwithstanding.
    expect(plain(excerptPieces(`We introduce a ${S}model${E}.`, abstract))).toBe("We introduce a model. …");
    // Cut at both ends.
    expect(plain(excerptPieces(`learns to ${S}reason${E}`, abstract))).toBe("… learns to reason …");
    // The whole abstract: nothing added.
    expect(plain(excerptPieces(abstract.replace("model", `${S}model${E}`), abstract))).toBe(
      "We introduce a model. It learns to reason by reinforcement, at scale, without labels.",
    );
    expect(excerptPieces("", abstract)).toEqual([]);
  });

  it("typesets formulas and cuts an excerpt at whole ones: widened to a short one, narrowed past a long one", () => {
    const long = `$${"x + ".repeat(60)}y$`;
    const abstract = `The cost is $O\\left(N\\right)$, where $N$ is the size. Then ${long} holds for all of them.`;
    // ts_headline's fragments, cut inside `$O\left(N\right)$` and inside the long formula.
    const cut = `left(N\\right)$, where $N$ is the ${S}size${E}. Then $x + x + x`;
    const pieces = excerptPieces(cut, abstract);
    expect(pieces.filter((piece) => piece.math).map((piece) => piece.text)).toEqual(["$O\\left(N\\right)$", "$N$"]);
    const html = renderToStaticMarkup(createElement(HighlightedText, { pieces }));
    expect(html).toContain('<span><span class="katex">');
    expect(html).toContain("<mark>size</mark>");
    for (const piece of pieces.filter((p) => p.math === undefined)) expect(piece.text).not.toMatch(/[$\\]/);
    expect(pieces.map((piece) => piece.text).join("")).toBe("… $O\\left(N\\right)$, where $N$ is the size. Then …");
  });
});
