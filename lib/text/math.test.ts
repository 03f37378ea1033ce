import { describe, expect, it } from "vitest";
import { MAX_FORMULA_HTML, MAX_FORMULA_SOURCE, TEXT_MATH_BUDGET, mathTypesetter, typesetMath } from "@/lib/text/math";

/** The height in ems KaTeX gives the tallest line of `html` (its struts say how tall each line is drawn). */
const drawnHeight = (html: string) =>
  Math.max(0, ...[...html.matchAll(/class="(?:katex-)?strut" style="height:([\d.]+)em/g)].map((m) => Number(m[1])));

describe("typesetMath", () => {
  it("typesets ordinary formulas, inline and display", () => {
    const inline = typesetMath("O(n^2)", false);
    expect(inline).toContain('class="katex"');
    expect(drawnHeight(inline ?? "")).toBeGreaterThan(0.5); // the checker reads KaTeX's struts
    expect(typesetMath("\\mathcal{L}(\\theta) = \\sum_{i=1}^{N} \\log p_\\theta(x_i \\mid x_{<i})", true)).toContain(
      "katex-display",
    );
    expect(typesetMath("\\begin{pmatrix} a & b & c \\\\ d & e & f \\\\ g & h & i \\end{pmatrix}", false)).toContain(
      "katex",
    );
    expect(typesetMath("x_1, \\dots, x_n", false)).toContain("katex");
  });

  it("refuses math KaTeX cannot parse", () => {
    expect(typesetMath("\\frac{", false)).toBeNull();
    expect(typesetMath("\\undefinedmacro", true)).toBeNull();
  });

  it("refuses a formula longer than its source cap, before typesetting it", () => {
    const long = "\\vec x".repeat(Math.ceil((MAX_FORMULA_SOURCE + 1) / 6));
    const started = performance.now();
    expect(typesetMath(long, true)).toBeNull();
    // No KaTeX run at all: far below the tenth of a second the formula costs to typeset.
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("refuses a formula whose HTML is past its cap", () => {
    // 82 `\vec x` fit the source cap but make about 95 KB of HTML.
    const heavy = "\\vec x".repeat(82);
    expect(heavy.length).toBeLessThanOrEqual(MAX_FORMULA_SOURCE);
    expect(typesetMath(heavy, true)).toBeNull();
    expect(typesetMath("\\vec x".repeat(20), true)?.length).toBeLessThan(MAX_FORMULA_HTML);
  });

  it("refuses macro definitions, which repeat a body hundreds of times", () => {
    // 900 characters that KaTeX turned into 17 MB of HTML in 9 s.
    const bomb = `\\def\\a{${"\\vec x".repeat(100)}}${"\\a".repeat(150)}`;
    const started = performance.now();
    expect(typesetMath(bomb, true)).toBeNull();
    expect(typesetMath("\\newcommand{\\b}{x}\\b", false)).toBeNull();
    expect(typesetMath("\\gdef\\c{x}\\c", false)).toBeNull();
    expect(performance.now() - started).toBeLessThan(50);
    // A command that only starts like one is not a definition.
    expect(typesetMath("\\left( x \\right)", false)).toContain("katex");
  });

  it("caps sizes, and refuses what would still draw taller than a line or a screen", () => {
    // A title with this made every list 1,936,000 px tall.
    expect(typesetMath("\\rule{100000em}{100000em}", false)).toBeNull();
    expect(typesetMath("\\rule{100000em}{100000em}", true)).toMatch(/border-top-width:10em/);
    expect(typesetMath("\\raisebox{10em}{".repeat(10) + "x" + "}".repeat(10), true)).toBeNull();
    expect(typesetMath("\\rule{1em}{1em}", false)).toContain("katex-rule");
  });
});

describe("mathTypesetter", () => {
  it("typesets a text's formulas only within its budget, then answers null", () => {
    const typeset = mathTypesetter({ formulas: 2, source: 1_000, html: 1_000_000 });
    expect(typeset("a", false)).toContain("katex");
    expect(typeset("b", false)).toContain("katex");
    expect(typeset("c", false)).toBeNull();

    const bySource = mathTypesetter({ formulas: 10, source: 12, html: 1_000_000 });
    expect(bySource("\\alpha+\\beta", false)).toContain("katex");
    expect(bySource("x", false)).toBeNull();

    const byHtml = mathTypesetter({ formulas: 10, source: 1_000, html: typesetMath("x", false)!.length });
    expect(byHtml("x", false)).toContain("katex");
    expect(byHtml("y", false)).toBeNull();
  });

  it("keeps a long comment's worth of ordinary math within the default budget", () => {
    const typeset = mathTypesetter();
    const typesetCount = Array.from({ length: 40 }, (_, i) => typeset(`x_{${i}} + y^{${i}}`, false)).filter(
      (html) => html !== null,
    ).length;
    expect(typesetCount).toBe(40);
    expect(TEXT_MATH_BUDGET.formulas).toBeGreaterThanOrEqual(40);
  });
});
