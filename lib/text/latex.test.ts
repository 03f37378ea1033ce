import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArxivListing } from "@/lib/ingest/arxiv-listing";
import { parseHfDaily } from "@/lib/ingest/hf-daily";
import { latexToPlainText, parseLatexText, type Segment } from "@/lib/text/latex";

const text = (value: string, style?: "em" | "strong" | "code"): Segment =>
  style ? { kind: "text", text: value, style } : { kind: "text", text: value };
const math = (tex: string, display = false): Segment => ({ kind: "math", tex, display });
const link = (href: string, value: string): Segment => ({ kind: "link", href, text: value });

describe("parseLatexText", () => {
  it("returns nothing for empty or blank input", () => {
    expect(parseLatexText("")).toEqual([]);
    expect(parseLatexText("  \n\t ")).toEqual([]);
  });

  it("leaves plain text alone", () => {
    expect(parseLatexText("A plain title")).toEqual([text("A plain title")]);
  });

  it("unescapes a percent sign (real arXiv example)", () => {
    expect(parseLatexText("achieves 87\\% accuracy")).toEqual([text("achieves 87% accuracy")]);
  });

  it("unescapes the other text escapes", () => {
    expect(parseLatexText("R\\&D, snake\\_case, \\#1, \\{set\\}")).toEqual([text("R&D, snake_case, #1, {set}")]);
  });

  it("reads inline math", () => {
    expect(parseLatexText("$O(n^2)$")).toEqual([math("O(n^2)")]);
    expect(parseLatexText("runs in $O(n^2)$ time")).toEqual([text("runs in "), math("O(n^2)"), text(" time")]);
  });

  it("reads display math and the bracket delimiters", () => {
    expect(parseLatexText("$$E = mc^2$$")).toEqual([math("E = mc^2", true)]);
    expect(parseLatexText("\\(a+b\\) and \\[c\\]")).toEqual([math("a+b"), text(" and "), math("c", true)]);
  });

  it("keeps nested braces inside math", () => {
    expect(parseLatexText("$\\frac{a}{b}$")).toEqual([math("\\frac{a}{b}")]);
    expect(parseLatexText("$\\mathcal{O}(\\sqrt{n})$ rate")).toEqual([math("\\mathcal{O}(\\sqrt{n})"), text(" rate")]);
  });

  it("keeps escapes inside math as TeX", () => {
    expect(parseLatexText("$50\\%$ and $\\$x$")).toEqual([math("50\\%"), text(" and "), math("\\$x")]);
  });

  it("treats an escaped dollar as a literal dollar that never opens math", () => {
    expect(parseLatexText("costs \\$5 and $x$")).toEqual([text("costs $5 and "), math("x")]);
    expect(parseLatexText("from \\$5 to \\$10")).toEqual([text("from $5 to $10")]);
  });

  it("keeps an unmatched dollar as text", () => {
    expect(parseLatexText("costs $5")).toEqual([text("costs $5")]);
    expect(parseLatexText("a $ b")).toEqual([text("a $ b")]);
    expect(parseLatexText("$")).toEqual([text("$")]);
    expect(parseLatexText("$$x")).toEqual([text("$$x")]);
    expect(parseLatexText("trailing $x")).toEqual([text("trailing $x")]);
  });

  it("does not close math on a dollar followed by a digit", () => {
    expect(parseLatexText("between $5 and $10")).toEqual([text("between $5 and $10")]);
  });

  it("keeps empty math delimiters as text", () => {
    expect(parseLatexText("$ $")).toEqual([text("$ $")]);
    expect(parseLatexText("\\(\\)")).toEqual([text("\\(\\)")]);
  });

  it("keeps unclosed bracket math as text", () => {
    expect(parseLatexText("\\(x")).toEqual([text("\\(x")]);
    expect(parseLatexText("\\[x")).toEqual([text("\\[x")]);
  });

  it("reads adjacent inline formulas", () => {
    expect(parseLatexText("$a$$b$")).toEqual([math("a"), math("b")]);
  });

  it("styles \\emph and friends", () => {
    expect(parseLatexText("\\emph{very} good")).toEqual([text("very", "em"), text(" good")]);
    expect(parseLatexText("\\textit{a} \\textbf{b} \\texttt{c}")).toEqual([
      text("a", "em"),
      text(" "),
      text("b", "strong"),
      text(" "),
      text("c", "code"),
    ]);
  });

  it("flattens nested styles, innermost wins", () => {
    expect(parseLatexText("\\textbf{bold \\emph{both}}")).toEqual([text("bold ", "strong"), text("both", "em")]);
  });

  it("reads math inside a styled argument", () => {
    expect(parseLatexText("\\emph{fast $O(1)$ lookups}")).toEqual([
      text("fast ", "em"),
      math("O(1)"),
      text(" lookups", "em"),
    ]);
  });

  it("unwraps commands that only wrap text", () => {
    expect(parseLatexText("\\textsc{Bert} and \\mbox{x}")).toEqual([text("Bert and x")]);
  });

  it("reads old-style declarations inside a group", () => {
    expect(parseLatexText("a {\\em b} c")).toEqual([text("a "), text("b", "em"), text(" c")]);
    expect(parseLatexText("{\\bf Bold}")).toEqual([text("Bold", "strong")]);
  });

  it("keeps a command with an unmatched brace as text", () => {
    expect(parseLatexText("\\emph{unclosed")).toEqual([text("\\emph{unclosed")]);
    expect(parseLatexText("a } b { c")).toEqual([text("a } b { c")]);
  });

  it("keeps unknown commands as written", () => {
    expect(parseLatexText("\\cite{x} and \\foo bar")).toEqual([text("\\cite{x} and \\foo bar")]);
  });

  it("does not mistake inherited object properties for commands", () => {
    expect(parseLatexText("\\toString \\constructor{x} \\hasOwnProperty")).toEqual([
      text("\\toString \\constructor{x} \\hasOwnProperty"),
    ]);
  });

  it("shows plain braces but drops TeX groups", () => {
    expect(parseLatexText("the set {0,1}")).toEqual([text("the set {0,1}")]);
    expect(parseLatexText('Sch{\\"o}lkopf')).toEqual([text("Schölkopf")]);
  });

  it("composes accents", () => {
    expect(parseLatexText("G\\\"odel, Erd\\H{o}s, Andr\\'e, \\`a, \\^o, \\~n, \\c{c}, \\v{s}, \\u{g}")).toEqual([
      text("Gödel, Erdős, André, à, ô, ñ, ç, š, ğ"),
    ]);
    expect(parseLatexText("{\\\"u}ber, \\'{\\i}, \\'\\i, \\c c")).toEqual([text("über, í, í, ç")]);
    expect(parseLatexText("Stra\\ss e, \\o, \\ae")).toEqual([text("Straße, ø, æ")]);
  });

  it("keeps an accent without a letter as text", () => {
    expect(parseLatexText("a \\' b")).toEqual([text("a \\' b")]);
    expect(parseLatexText('end\\"')).toEqual([text('end\\"')]);
  });

  it("turns ~ into a non-breaking space", () => {
    expect(parseLatexText("Fig.~1")).toEqual([text("Fig.\u00A01")]);
    expect(latexToPlainText("Ref.~\\cite{x}, NGC~7582, TXS~0506+056, 1~000, Section~2.3")).toBe(
      "Ref.\u00A0\\cite{x}, NGC\u00A07582, TXS\u00A00506+056, 1\u00A0000, Section\u00A02.3",
    );
  });

  it("keeps ~ before a number as 'about' where no word is there to tie", () => {
    expect(latexToPlainText("~47k tools")).toBe("~47k tools");
    expect(latexToPlainText("ToolBench (~47k tools), of ~3x, [~5 ms]")).toBe("ToolBench (~47k tools), of ~3x, [~5 ms]");
    expect(latexToPlainText("an index ~ 3.5, at ell =~ 500, <~2 and >~1")).toBe(
      "an index ~ 3.5, at ell =~ 500, <~2 and >~1",
    );
    // A lone letter is a variable: z~1.5 is "z about 1.5" (a redshift), not a tie.
    expect(latexToPlainText("since z~1.5 and (z~2-5)")).toBe("since z~1.5 and (z~2-5)");
    // Not before a number: TeX's tie, as before.
    expect(latexToPlainText("a ~ b, i.e.~significant")).toBe("a \u00A0 b, i.e.\u00A0significant");
    // In math, ~ is KaTeX's business.
    expect(parseLatexText("$T\\simeq~200$")).toEqual([math("T\\simeq~200")]);
  });

  it("typesets quotes and dashes", () => {
    expect(parseLatexText("``quoted'' text")).toEqual([text("“quoted” text")]);
    expect(parseLatexText("pages 1--10 --- a dash, state-of-the-art")).toEqual([
      text("pages 1–10 — a dash, state-of-the-art"),
    ]);
    expect(latexToPlainText("Navier--Stokes; a -- b; phases--self-supervised; Invariants --From")).toBe(
      "Navier–Stokes; a – b; phases–self-supervised; Invariants –From",
    );
  });

  it("keeps command-line options and typewriter text as written", () => {
    expect(latexToPlainText("run it with --no-cache or (--help); --verbose")).toBe(
      "run it with --no-cache or (--help); --verbose",
    );
    expect(parseLatexText("\\texttt{a--b---c}")).toEqual([text("a--b---c", "code")]);
  });

  it("reads symbol and spacing commands", () => {
    expect(parseLatexText("a, b, \\ldots, z; \\LaTeX{} rocks; 10\\,GB; x\\\\y")).toEqual([
      text("a, b, …, z; LaTeX rocks; 10\u202FGB; x y"),
    ]);
  });

  it("collapses arXiv line wraps and whitespace runs", () => {
    expect(parseLatexText("  We propose a\n  new method\tfor\r\n  things.  ")).toEqual([
      text("We propose a new method for things."),
    ]);
  });

  it("collapses whitespace across segment boundaries", () => {
    expect(parseLatexText("a \\emph{ b } c")).toEqual([text("a "), text("b ", "em"), text("c")]);
    expect(parseLatexText("  \\emph{x}  ")).toEqual([text("x", "em")]);
  });

  it("collapses whitespace inside math", () => {
    expect(parseLatexText("$a +\n  b$")).toEqual([math("a + b")]);
    expect(parseLatexText("$ x $")).toEqual([math("x")]);
  });

  it("keeps HTML as literal text", () => {
    expect(parseLatexText("<script>alert(1)</script>")).toEqual([text("<script>alert(1)</script>")]);
    expect(parseLatexText('<img src=x onerror="alert(1)"> & co')).toEqual([
      text('<img src=x onerror="alert(1)"> & co'),
    ]);
  });

  describe("links", () => {
    it("links \\url", () => {
      expect(parseLatexText("see \\url{https://github.com/a/b\\_c}")).toEqual([
        text("see "),
        link("https://github.com/a/b_c", "https://github.com/a/b_c"),
      ]);
    });

    it("links \\href with its text", () => {
      expect(parseLatexText("\\href{https://example.org/x}{our \\emph{site}}.")).toEqual([
        link("https://example.org/x", "our site"),
        text("."),
      ]);
    });

    it("autolinks bare URLs without trailing punctuation", () => {
      expect(parseLatexText("Code: https://github.com/foo/bar.")).toEqual([
        text("Code: "),
        link("https://github.com/foo/bar", "https://github.com/foo/bar"),
        text("."),
      ]);
      expect(parseLatexText("(see https://x.org/a_(b))")).toEqual([
        text("(see "),
        link("https://x.org/a_(b)", "https://x.org/a_(b)"),
        text(")"),
      ]);
      expect(parseLatexText("at http://x.org/~me/a\\_b, now")).toEqual([
        text("at "),
        link("http://x.org/~me/a_b", "http://x.org/~me/a_b"),
        text(", now"),
      ]);
    });

    it("never links anything but http(s)", () => {
      expect(parseLatexText("\\url{javascript:alert(1)}")).toEqual([text("javascript:alert(1)")]);
      expect(parseLatexText("\\href{javascript:alert(1)}{click}")).toEqual([text("click")]);
      expect(parseLatexText("\\href{data:text/html,x}{x}")).toEqual([text("x")]);
      expect(parseLatexText("\\url{ftp://x.org}")).toEqual([text("ftp://x.org")]);
      expect(parseLatexText("\\url{/relative}")).toEqual([text("/relative")]);
      expect(parseLatexText("javascript:alert(1) and http:// and https://")).toEqual([
        text("javascript:alert(1) and http:// and https://"),
      ]);
    });

    it("does not autolink inside a word", () => {
      expect(parseLatexText("xhttps://x.org")).toEqual([text("xhttps://x.org")]);
    });

    it("keeps \\href with a missing argument as text (a bare URL in it is still linked)", () => {
      expect(parseLatexText("\\href{https://x.org}")).toEqual([
        text("\\href{"),
        link("https://x.org/", "https://x.org"),
        text("}"),
      ]);
      expect(parseLatexText("\\href{x}")).toEqual([text("\\href{x}")]);
    });
  });

  describe("never throws", () => {
    const nasty = [
      "\\",
      "{",
      "}",
      "$$",
      "$$$",
      "\\(",
      "\\[",
      "\\emph",
      "\\emph{",
      "\\href{",
      "\\url{",
      "\\'",
      "\\c",
      "\\c{",
      "~~~",
      "----",
      "``",
      "''",
      "\\\\\\",
      "{".repeat(5000),
      "}".repeat(5000),
      "\\emph{".repeat(2000) + "x" + "}".repeat(2000),
      "$1".repeat(5000),
      "\\(".repeat(5000),
      "\uD800 lone surrogate",
    ];
    it.each(nasty.map((input) => [input.slice(0, 30), input]))("%s", (_label, input) => {
      expect(() => parseLatexText(input)).not.toThrow();
      expect(() => latexToPlainText(input)).not.toThrow();
    });

    it("keeps deeply nested groups readable", () => {
      const input = "\\emph{".repeat(100) + "x" + "}".repeat(100);
      expect(latexToPlainText(input)).toContain("x");
    });

    // A guard against catastrophic (super-linear) parsing, not a speed target: a backtracking parser would
    // take minutes on this; a linear one takes milliseconds even on a busy machine.
    it("parses 100,000 characters of hostile input without hanging", () => {
      const input = "{$".repeat(50_000);
      expect(() => parseLatexText(input)).not.toThrow();
    }, 20_000);

    // Each failed URL start used to scan to the end of the word again: 16,000 characters of this took 4.6 s.
    it("reads 100,000 characters of URL-like text without hanging", () => {
      const input = "http:///".repeat(12_500);
      expect(latexToPlainText(input)).toBe(input);
    }, 20_000);
  });
});

describe("latexToPlainText", () => {
  it("unescapes text", () => {
    expect(latexToPlainText("achieves 87\\% accuracy")).toBe("achieves 87% accuracy");
  });

  it("keeps math as its TeX source without delimiters", () => {
    expect(latexToPlainText("An $O(n^2)$ algorithm")).toBe("An O(n^2) algorithm");
    expect(latexToPlainText("where $$\\frac{a}{b}$$ holds")).toBe("where \\frac{a}{b} holds");
  });

  it("removes styling commands, keeping their content", () => {
    expect(latexToPlainText("\\emph{very} \\textbf{good}")).toBe("very good");
  });

  it("keeps link text", () => {
    expect(latexToPlainText("\\href{https://x.org}{our site} and \\url{https://y.org}")).toBe(
      "our site and https://y.org",
    );
  });

  it("collapses whitespace and keeps escaped dollars", () => {
    expect(latexToPlainText("  costs \\$5\n   and $x$ ")).toBe("costs $5 and x");
  });

  it("keeps HTML as text and handles empty input", () => {
    expect(latexToPlainText("<b>x</b>")).toBe("<b>x</b>");
    expect(latexToPlainText("")).toBe("");
  });
});

describe("~ before a number in a real day of arXiv and Hugging Face abstracts", () => {
  const fixtures = path.resolve(import.meta.dirname, "../../tests/fixtures/ingest");
  const read = (name: string) => readFileSync(path.join(fixtures, name), "utf8");
  const texts: string[] = [];
  const listing = parseArxivListing(read("arxiv-rss_2024-11-28_multi-archive_aioarxiv.xml"));
  if (listing.kind === "records") for (const r of listing.records) texts.push(r.title, r.abstract);
  const hf = parseHfDaily(JSON.parse(read("hf-daily-papers_2026-06-12_sotawhat-fixture.json")));
  if (hf.kind === "records") for (const r of hf.records) texts.push(r.paper.title, r.paper.abstract);

  it("shows 'about' as ~ and keeps the ties of names to their numbers (34 outside math: 24 abouts, 10 ties)", () => {
    expect(texts.length).toBeGreaterThan(100);
    const source = texts.join("\n");
    // 36 `~<digit>` in the day's papers (38 in the files: Hugging Face repeats each summary), two in math ($T^{*}\simeq~200$, mod~4).
    expect(source.match(/~\d/g)).toHaveLength(36);
    const rendered = texts.map(latexToPlainText).join("\n");
    const ties = [...rendered.matchAll(/(\S+)\u00A0\d/g)].map((m) => m[1]);
    expect(ties.sort()).toEqual(["Artemis", "GJ", "GJ", "GJ", "GJ", "GJ", "NGC", "TXS", "TXS", "TXS"]);
    // Every other one, and the seven written with a space (`~ 2 - 3 x 10^`), reads as "about".
    const abouts = [...rendered.matchAll(/~ ?\d/g)].length - 2;
    expect(abouts).toBe(24 + 7);
    expect(rendered).toContain("ToolBench (~47k tools)");
    expect(rendered).toContain("since z~1.5");
    expect(rendered).toContain("accounts for ~70% of cases");
  });
});
