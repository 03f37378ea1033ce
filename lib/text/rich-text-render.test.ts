import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RichText } from "@/components/paper/rich-text";

const render = (text: string, props: { className?: string; links?: boolean } = {}) =>
  renderToStaticMarkup(createElement(RichText, { text, ...props }));

describe("RichText", () => {
  it("renders math with KaTeX", () => {
    const html = render("runs in $O(n^2)$ time");
    expect(html).toContain('class="katex"');
    expect(html).toContain("<math"); // MathML for assistive technology
    expect(html).toMatch(/^<span>runs in <span><span class="katex">/);
    expect(html).toContain(" time</span>");
  });

  it("renders display math in display mode", () => {
    expect(render("$$E=mc^2$$")).toContain('class="katex-display"');
  });

  it("shows invalid math as its source, without KaTeX's error markup", () => {
    const html = render("broken $\\frac{$ here");
    expect(html).toBe("<span>broken $\\frac{$ here</span>");
    expect(html).not.toContain("katex-error");
    expect(render("$$\\undefinedmacro$$")).toBe("<span>$$\\undefinedmacro$$</span>");
  });

  it("escapes HTML in the text", () => {
    const html = render("<script>alert(1)</script> & <img src=x onerror=alert(1)>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&amp;");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
  });

  it("escapes HTML inside math", () => {
    const html = render("$<script>$ and $\\text{<img src=x>}$");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
  });

  it("does not let math inject links or classes", () => {
    const html = render("$\\href{javascript:alert(1)}{x}$ $\\htmlClass{evil}{y}$");
    // The source survives only as escaped text (the MathML annotation); nothing becomes a link or a class.
    expect(html).not.toMatch(/<a\b/);
    expect(html).not.toContain("href=");
    expect(html).not.toMatch(/class="[^"]*evil/);
  });

  it("unescapes text escapes", () => {
    expect(render("achieves 87\\% accuracy")).toBe("<span>achieves 87% accuracy</span>");
  });

  it("renders styles", () => {
    expect(render("\\emph{a} \\textbf{b} \\texttt{c}")).toBe(
      "<span><em>a</em> <strong>b</strong> <code>c</code></span>",
    );
  });

  it("renders http(s) links as external links", () => {
    const html = render("\\href{https://x.org/a?b=1&c=2}{site}");
    expect(html).toMatch(
      /^<span><a href="https:\/\/x\.org\/a\?b=1&amp;c=2" rel="nofollow noopener" target="_blank"( class="[^"]*")?>site<\/a><\/span>$/,
    );
    expect(render("\\href{javascript:alert(1)}{click}")).toBe("<span>click</span>");
  });

  it("renders links as text when links are off", () => {
    expect(render("see https://x.org", { links: false })).toBe("<span>see https://x.org</span>");
  });

  it("applies the class name", () => {
    expect(render("x", { className: "text-sm" })).toBe('<span class="text-sm">x</span>');
  });

  it("renders empty text as an empty span", () => {
    expect(render("")).toBe("<span></span>");
  });

  it("shows a formula drawn taller than a line as its source: a title cannot stretch the lists", () => {
    expect(render("Tall $\\rule{100000em}{100000em}$ title")).toBe(
      "<span>Tall $\\rule{100000em}{100000em}$ title</span>",
    );
    expect(render("Fine $\\rule{1em}{1em}$ title")).toContain("katex-rule");
  });
});
