import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { summariesInOrder } from "@/lib/papers/data";
import { excerptPieces, highlightPieces } from "@/lib/papers/highlights";
import { searchPaperSummaries, searchPapers, webSearchText } from "@/lib/papers/search";
import { mathSpans } from "@/lib/text/latex";

/**
 * A search word no other test or seed uses, so every result below is one of these papers. Letters only, and
 * ending in "qx", which no English stemming rule shortens: the words match in authors' names too, which
 * are not stemmed.
 */
const word = () =>
  Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("") + "qx";
const tag = word();
const other = word();
const Tag = tag[0]!.toUpperCase() + tag.slice(1);
const id = (name: string) => `search-${tag}-${name}`;

interface Row {
  name: string;
  title: string;
  abstract?: string;
  authors?: string[];
  upvotes: number;
  hidden?: boolean;
  /** Featured on a daily list (by the test's submitter, or by nobody). */
  featured?: "submitted" | "anonymous";
}

const rows: Row[] = [
  { name: "exact", title: `${Tag} Rivers`, upvotes: 0 },
  { name: "close", title: `${Tag} rivers of the north`, upvotes: 3, featured: "submitted" },
  { name: "close-popular", title: `${Tag} rivers and lakes`, upvotes: 7, featured: "anonymous" },
  { name: "far", title: `${Tag} studies in the valleys of old rivers`, upvotes: 40 },
  { name: "author", title: `Hydrology field notes`, authors: [`${Tag} River`, "B. Author"], upvotes: 1 },
  { name: "abstract", title: `Deltas and estuaries`, abstract: `We study ${tag} and rivers at length.`, upvotes: 100 },
  { name: "hidden", title: `${Tag} rivers, withdrawn`, upvotes: 500, hidden: true },
  { name: "other", title: `${other} basins`, upvotes: 2 },
];

const ids = (papers: { id: string }[]) => papers.map((p) => p.id);
const named = (...names: string[]) => names.map(id);

describe("searchPapers", () => {
  beforeAll(async () => {
    await prisma.user.create({ data: { id: id("submitter"), username: `u${tag}`, name: "Sub Mitter" } });
    for (const [index, row] of rows.entries()) {
      await prisma.paper.create({
        data: {
          id: id(row.name),
          title: row.title,
          abstract: row.abstract ?? "A short note on maps.",
          authors: row.authors ?? ["A. Author"],
          publishedAt: new Date("2005-06-01T00:00:00Z"),
          upvoteCount: row.upvotes,
          hiddenAt: row.hidden ? new Date("2005-06-02T00:00:00Z") : null,
          daily: row.featured
            ? {
                create: {
                  day: new Date("2005-06-03T00:00:00Z"),
                  submittedAt: new Date(`2005-06-03T08:0${index}:00Z`),
                  submittedById: row.featured === "submitted" ? id("submitter") : null,
                },
              }
            : undefined,
        },
      });
    }
  });
  afterAll(async () => {
    await prisma.paper.deleteMany({ where: { id: { startsWith: `search-${tag}-` } } });
    await prisma.user.deleteMany({ where: { id: id("submitter") } });
  });

  it("ranks the exact title first, then title matches (words close together, then upvotes), then authors, then abstracts", async () => {
    const result = await searchPapers(`${tag} rivers`, 1);
    expect(ids(result.items)).toEqual(named("exact", "close-popular", "close", "far", "author", "abstract"));
    expect(result).toMatchObject({ total: 6, totalCapped: false, listed: 6, pageCount: 1 });
    // The exact title wins whatever its case and spacing, and in quotes.
    expect(ids((await searchPapers(`  ${tag.toUpperCase()}   RIVERS `, 1)).items)[0]).toBe(id("exact"));
    expect(ids((await searchPapers(`"${Tag} Rivers"`, 1)).items)[0]).toBe(id("exact"));
  });

  it("carries each hit's summary as the listings have it, featuring and submitter included", async () => {
    const { items } = await searchPapers(`${tag} rivers`, 1);
    const withoutHighlights = items.map(({ titleHighlight: _t, abstractHighlight: _a, ...summary }) => summary);
    expect(withoutHighlights).toEqual(await summariesInOrder(ids(items)));
    expect(items.find((hit) => hit.id === id("close"))).toMatchObject({
      day: "2005-06-03",
      submittedBy: { username: `u${tag}`, name: "Sub Mitter" },
    });
    expect(items.find((hit) => hit.id === id("close-popular"))).toMatchObject({ day: "2005-06-03", submittedBy: null });
  });

  it("answers the JSON API's summaries in the page's order, without highlights", async () => {
    const { items } = await searchPapers(`${tag} rivers`, 1);
    const summaries = await searchPaperSummaries(`${tag} rivers`, 4);
    expect(summaries).toEqual(
      items.slice(0, 4).map(({ titleHighlight: _t, abstractHighlight: _a, ...summary }) => summary),
    );
    expect(summaries[0]).not.toHaveProperty("titleHighlight");
    expect(await searchPaperSummaries(`${tag}${other}`, 4)).toEqual([]);
  });

  it("filters by category and by arXiv dates (inclusive) before it ranks, and never finds a hidden paper", async () => {
    // A word of their own, so the other tests' counts do not see these papers.
    const lake = word();
    const paper = (name: string, publishedAt: string, categories: string[], hidden = false) =>
      prisma.paper.create({
        data: {
          id: id(`filter-${name}`),
          title: `${lake} lakes ${name}`,
          abstract: "A short note on lakes.",
          authors: ["A. Author"],
          publishedAt: new Date(publishedAt),
          categories,
          hiddenAt: hidden ? new Date() : null,
        },
      });
    await paper("early", "2010-03-01T00:00:00Z", ["cs.CL"]);
    await paper("late", "2010-03-31T23:59:00Z", ["cs.LG", "cs.CL"]);
    await paper("after", "2010-04-01T00:00:00Z", ["cs.CL"]);
    await paper("hidden", "2010-03-15T00:00:00Z", ["cs.CL"], true);
    const found = async (filter: Parameters<typeof searchPaperSummaries>[2]) =>
      ids(await searchPaperSummaries(lake, 10, filter)).sort();

    expect(await found({})).toEqual(named("filter-after", "filter-early", "filter-late"));
    expect(await found({ category: "cs.LG" })).toEqual(named("filter-late"));
    expect(await found({ from: "2010-03-01", to: "2010-03-31" })).toEqual(named("filter-early", "filter-late"));
    expect(await found({ from: "2010-04-01" })).toEqual(named("filter-after"));
    expect(await found({ to: "2010-02-28" })).toEqual([]);
    expect(await found({ category: "cs.CL", to: "2010-03-31" })).toEqual(named("filter-early", "filter-late"));
  });

  it("highlights the matched words in the title and the abstract", async () => {
    const [first] = (await searchPapers(`${tag} rivers`, 1)).items;
    expect(first?.titleHighlight).toBe(`\u0001${Tag}\u0002 \u0001Rivers\u0002`);
    const abstract = (await searchPapers(`${tag} estuaries`, 1)).items[0];
    expect(abstract?.abstractHighlight).toContain(`\u0001${tag}\u0002`);
  });

  it("keeps web-search syntax: a quoted phrase, -word and OR", async () => {
    const phrase = await searchPapers(`"${tag} rivers"`, 1);
    expect(ids(phrase.items)).toEqual(named("exact", "close-popular", "close", "author"));
    const without = await searchPapers(`${tag} rivers -lakes`, 1);
    expect(ids(without.items)).toEqual(named("close", "exact", "far", "author", "abstract"));
    // A word left out anywhere leaves the paper out, though its title matches.
    const notInAbstract = await searchPapers(`${tag} rivers -maps`, 1);
    expect(ids(notInAbstract.items)).toEqual(named("abstract"));
    const either = await searchPapers(`${tag} rivers or ${other}`, 1);
    expect(ids(either.items)).toContain(id("other"));
    expect(either.total).toBe(7);
  });

  it("pages through every match once, each page with the same count", async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((page) => searchPapers(`${tag} rivers`, page, 2)));
    expect(pages.flatMap((p) => ids(p.items))).toEqual(
      named("exact", "close-popular", "close", "far", "author", "abstract"),
    );
    expect(pages.map((p) => [p.total, p.items.length, p.pageCount])).toEqual([
      [6, 2, 3],
      [6, 2, 3],
      [6, 2, 3],
      [6, 0, 3],
    ]);
  });

  it("past the cap of title matches: the exact title, then the most upvoted, and the pages stop at the cap", async () => {
    const first = await searchPapers(`${tag} rivers`, 1, 2, { cap: 3 });
    expect(ids(first.items)).toEqual(named("exact", "far"));
    expect(first).toMatchObject({ total: 3, totalCapped: true, listed: 3, pageCount: 2 });
    const second = await searchPapers(`${tag} rivers`, 2, 2, { cap: 3 });
    expect(ids(second.items)).toEqual(named("close-popular"));
    const past = await searchPapers(`${tag} rivers`, 3, 2, { cap: 3 });
    expect(past).toMatchObject({ items: [], total: 3, totalCapped: true });
  });

  it("lists fewer than the cap when it is exceeded, and pages stop there", async () => {
    const options = { cap: 3, listedPastCap: 2 };
    const first = await searchPapers(`${tag} rivers`, 1, 3, options);
    expect(ids(first.items)).toEqual(named("exact", "far"));
    expect(first).toMatchObject({ total: 3, totalCapped: true, listed: 2, pageCount: 1 });
    expect(await searchPapers(`${tag} rivers`, 2, 1, options)).toMatchObject({ items: [{ id: id("far") }] });
    expect(await searchPapers(`${tag} rivers`, 3, 1, options)).toMatchObject({ items: [], total: 3, pageCount: 2 });
  });

  it("past the cap of all matches: every title match, then the other matches most upvoted first", async () => {
    const result = await searchPapers(`${tag} rivers -lakes -valleys`, 1, 10, { cap: 3 });
    expect(ids(result.items)).toEqual(named("close", "exact", "abstract"));
    expect(result).toMatchObject({ total: 3, totalCapped: true, pageCount: 1 });
  });

  it("finds nothing for words no paper has, or only stop words", async () => {
    expect(await searchPapers(`${tag}${other}`, 1)).toMatchObject({ items: [], total: 0, totalCapped: false });
    expect(await searchPapers("the of and", 1)).toMatchObject({ items: [], total: 0 });
  });

  it("answers every query made of operators, however many, on the page's search and the API's", async () => {
    // Each of these once reached websearch_to_tsquery as typed; the dashes failed with "tsquery stack too small".
    const hostile = [
      "-".repeat(40),
      "- ".repeat(40),
      `${"- ".repeat(40)}${tag}`,
      `${"-".repeat(40)}${tag}`,
      `${tag} ${"-(".repeat(40)}rivers`,
      "(-".repeat(40),
      "-&".repeat(40),
      "-!".repeat(40),
      "-|".repeat(40),
      '-"'.repeat(40),
      '"-'.repeat(40),
      "-:*".repeat(40),
      "!".repeat(40),
      "&".repeat(40),
      "|".repeat(40),
      ":".repeat(40),
      "*".repeat(40),
      '"'.repeat(41),
      "()".repeat(40),
      "\\".repeat(40),
      "<->".repeat(40),
      "or ".repeat(60),
      "-or ".repeat(60),
      `${tag} ${"or ".repeat(60)}`,
      `-${tag}:*`,
      `${tag}:* & !rivers | (lakes <-> north)`,
      "'".repeat(40),
      "x".repeat(250),
      `${tag} `.repeat(25),
      "-x ".repeat(80),
      "–—".repeat(40),
    ];
    for (const query of hostile) {
      await expect(searchPapers(query, 1), query).resolves.toMatchObject({ page: 1 });
      await expect(searchPaperSummaries(query, 5), query).resolves.toBeInstanceOf(Array);
    }
    // Operators around the words do not lose them: the word still finds its papers, a dashed one is still left
    // out, and a dash standing alone negates nothing, as on web search engines.
    expect((await searchPapers(`${"- ".repeat(40)}${tag} rivers`, 1)).total).toBe(6);
    expect((await searchPapers(`${tag} rivers ${"-".repeat(40)}${tag}`, 1)).total).toBe(0);
    expect(ids((await searchPapers(`${tag} ${"-(".repeat(40)}lakes`, 1)).items)).not.toContain(id("close-popular"));
    expect((await searchPapers(`&&${tag}|| !!rivers**`, 1)).total).toBe(6);
  });

  it("rewrites a query as words, phrases, -word, -phrase and or, one negation a term at most", () => {
    expect(webSearchText("-".repeat(40))).toBe("");
    expect(webSearchText(`${"-".repeat(40)}cat dog`)).toBe("-cat dog");
    expect(webSearchText('"graph neural" -"message passing" or transformers')).toBe(
      '"graph neural" -"message passing" or transformers',
    );
    expect(webSearchText("state-of-the-art GPT-4 don't")).toBe("state-of-the-art GPT-4 don't");
    expect(webSearchText("cat-(-(-(-dog x:* & !y | (z)")).toBe('"cat dog" x y z');
    expect(webSearchText('"unclosed phrase -here')).toBe('"unclosed phrase here"');
    expect(webSearchText("Schrödinger 量子 $\\alpha$")).toBe("Schrödinger 量子 alpha");
  });
});

describe("search excerpts of abstracts with math", () => {
  const paperId = `search-${tag}-math`;
  // An abstract as arXiv has them: inline math all through, some of it long.
  const abstract = `We consider the problem of estimating the mean of a distribution on $\\mathbb{R}^d$ from $N$ samples, when an $\\varepsilon$-fraction of them is corrupted by an adversary. Prior algorithms run in time $O\\left(N d^2\\right)$ or need $N = \\Omega(d^2/\\varepsilon^2)$ samples. We give an algorithm that runs in time $\\widetilde{O}\\left(N d \\log(1/\\varepsilon)\\right)$, where $N$ is the number of samples, and attains the optimal error $O(\\varepsilon\\sqrt{\\log(1/\\varepsilon)})$ with $N = \\widetilde{O}(d/\\varepsilon^2)$ samples. Our approach builds on a filtering technique with quantum entropy scoring, and extends to covariance estimation in the spectral norm with error $O(\\varepsilon \\log(1/\\varepsilon))$ for Gaussian distributions $\\mathcal{N}(0, \\Sigma)$ with unknown $\\Sigma \\succ 0$.`;
  const formulas = mathSpans(abstract).map(({ start, end }) => abstract.slice(start, end));

  beforeAll(async () => {
    await prisma.paper.create({
      data: {
        id: paperId,
        title: `Robust ${tag} mean estimation in $\\widetilde{O}(Nd)$ time`,
        abstract,
        authors: ["A. Author"],
        publishedAt: new Date("2005-06-01T00:00:00Z"),
      },
    });
  });
  afterAll(async () => {
    await prisma.paper.deleteMany({ where: { id: paperId } });
  });

  it.each(["entropy", "gaussian", "number", "adversary"])(
    "cuts the excerpt for %s at whole formulas, each typeset as on the paper's page",
    async (word) => {
      const hit = (await searchPapers(`${tag} or ${word}`, 1)).items.find((item) => item.id === paperId);
      expect(hit?.abstractHighlight).toContain(`\u0001`);
      const pieces = excerptPieces(hit?.abstractHighlight ?? "", abstract);
      expect(pieces.some((piece) => piece.match && piece.text.toLowerCase() === word)).toBe(true);
      const math = pieces.filter((piece) => piece.math !== undefined);
      expect(math.length).toBeGreaterThan(0);
      for (const piece of math) {
        expect(formulas).toContain(piece.text);
        expect(piece.math).toContain('class="katex"');
      }
      // No TeX left over in the text around them: no cut formula ("left(N\\right), whereN$").
      for (const piece of pieces.filter((p) => p.math === undefined)) expect(piece.text).not.toMatch(/[$\\]/);
    },
  );

  it("gets excerpts from ts_headline that cut formulas (what the test above mends)", async () => {
    const hit = (await searchPapers(`${tag} or entropy`, 1)).items.find((item) => item.id === paperId);
    const excerpt = (hit?.abstractHighlight ?? "").replace(/[\u0001\u0002]/g, "");
    const start = abstract.indexOf(excerpt);
    const inside = (at: number) => mathSpans(abstract).some((span) => span.start < at && at < span.end);
    expect(start).toBeGreaterThan(0);
    expect([inside(start), inside(start + excerpt.length)]).toEqual([true, true]);
  });

  it("typesets the title's math and marks the matches outside it", async () => {
    const hit = (await searchPapers(`${tag} mean`, 1)).items.find((item) => item.id === paperId);
    const pieces = highlightPieces(hit?.titleHighlight ?? "");
    expect(pieces.filter((piece) => piece.match).map((piece) => piece.text)).toEqual([tag, "mean"]);
    expect(pieces.find((piece) => piece.math)?.text).toBe("$\\widetilde{O}(Nd)$");
  });
});
