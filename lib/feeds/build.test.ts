import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { buildFeed, feedUrl, parseFeedFile } from "@/lib/feeds/build";
import { feedAlternates, feedTitle } from "@/lib/feeds/links";
import type { PaperSummary } from "@/lib/papers/schema";

const BASE = "https://papers.example.org";
const NOW = new Date("2026-11-23T12:00:00Z");

const paper = (id: string, title: string): PaperSummary => ({
  id,
  title,
  abstract: "An abstract with <b>tags</b> & an ampersand.",
  authors: ["Ada <Lovelace>", "B & C"],
  publishedAt: new Date("2026-11-20T00:00:00Z"),
  upvoteCount: 3,
  commentCount: 0,
  githubRepo: null,
  projectPage: null,
  thumbnailUrl: null,
  categories: ["cs.CL"],
  githubStars: null,
  aiSummary: null,
  aiKeywords: [],
  organization: null,
  day: "2026-11-23",
  submittedAt: new Date("2026-11-23T06:00:00Z"),
  submittedBy: null,
});

const NASTY = "Ends here ]]> then <script>alert(1)</script> & more";

/** The text of every item's (RSS) or entry's (Atom) title, as a feed reader's XML parser reads it. */
function titlesOf(xml: string): string[] {
  const doc = new XMLParser({ ignoreAttributes: false, processEntities: true }).parse(xml) as {
    rss?: { channel: { item: { title: string } | { title: string }[] } };
    feed?: { entry: { title: { "#text": string } } | { title: { "#text": string } }[] };
  };
  if (doc.rss) return [doc.rss.channel.item].flat().map((item) => String(item.title));
  return [doc.feed!.entry].flat().map((entry) => String(entry.title["#text"]));
}

describe("feed item titles", () => {
  it.each(["rss", "atom"] as const)("in %s are escaped HTML, so ]]> and <script> cannot break out", (format) => {
    const xml = buildFeed("daily", format, [paper("2511.00001", NASTY)], BASE, { now: NOW });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain("<script>");
    // The CDATA section ends only where the feed package closes it.
    expect(xml).toContain("<![CDATA[Ends here ]]&gt; then &lt;script&gt;alert(1)&lt;/script&gt; &amp; more]]>");
    const [title] = titlesOf(xml);
    // What a reader gets is HTML source that displays the original text.
    expect(title).toBe("Ends here ]]&gt; then &lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
  });

  it("keeps authors and abstracts well-formed too", () => {
    for (const format of ["rss", "atom"] as const) {
      const xml = buildFeed("trending", format, [paper("2511.00002", "Fine title")], BASE, { now: NOW });
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).not.toContain("<b>");
    }
  });
});

describe("a category's feed", () => {
  it("names the category in its title and links, in both formats", () => {
    const rss = buildFeed("daily", "rss", [paper("2511.00003", "A")], BASE, { now: NOW, category: "cs.CL" });
    expect(rss).toContain("<title>Daily Papers — cs.CL</title>");
    expect(rss).toContain(`<link>${BASE}/?category=cs.CL</link>`);
    expect(rss).toContain(`href="${BASE}/feeds/daily.xml?category=cs.CL"`);

    const atom = buildFeed("trending", "atom", [], BASE, { now: NOW, category: "hep-th" });
    expect(XMLValidator.validate(atom)).toBe(true);
    expect(atom).toContain("<title>Daily Papers — Trending in hep-th</title>");
    expect(atom).toContain(`<id>${BASE}/feeds/trending.atom?category=hep-th</id>`);
  });

  it("is advertised, with the site's feeds, as alternates of a filtered page", () => {
    expect(feedTitle("daily", "cs.CV")).toBe("Daily Papers — cs.CV");
    const types = feedAlternates("daily", "cs.CV");
    expect(types["application/rss+xml"]).toEqual([
      { url: "/feeds/daily.xml?category=cs.CV", title: "Daily Papers — cs.CV (RSS)" },
      { url: "/feeds/daily.xml", title: "Daily Papers (RSS)" },
      { url: "/feeds/trending.xml", title: "Daily Papers — Trending (RSS)" },
    ]);
    expect(feedUrl("trending", "atom", BASE, "cs.CV")).toBe(`${BASE}/feeds/trending.atom?category=cs.CV`);
    expect(parseFeedFile("daily.atom")).toEqual({ name: "daily", format: "atom" });
    expect(parseFeedFile("daily.json")).toBeNull();
  });
});
