import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { getDigestPapers } from "@/lib/digest/data";
import { renderFeed } from "@/lib/feeds/build";
import { getRecentDailyPapers } from "@/lib/feeds/data";
import { listDailyPapers } from "@/lib/api/data";
import {
  getCategoryFacets,
  getDailyList,
  getFeaturedDays,
  getPaper,
  getRangeList,
  getSimilarPapers,
  getSitemapEntries,
  getTrendingPapers,
} from "@/lib/papers/data";
import { searchPapers } from "@/lib/papers/search";

// Next's data cache only exists inside a Next server; here the similar-papers query runs uncached.
vi.mock("next/cache", () => ({ unstable_cache: <T>(work: T) => work }));

/** Letters only, so it can be part of an arXiv-shaped category and a search word. */
const tag = Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
/** Categories no other test or seed uses, so every count below is exact. */
const MAIN = `zz-${tag}.CL`;
const OTHER = `zz-${tag}.CV`;
const DAY = "2004-03-10";
const EARLIER = "2004-03-08";
const FAR = "2004-01-05";
const NOW = new Date("2004-03-10T18:00:00Z");
const id = (name: string) => `vis-${tag}-${name}`;

interface Row {
  name: string;
  day: string;
  categories: string[];
  upvotes: number;
  hidden?: boolean;
  withdrawn?: boolean;
}

const rows: Row[] = [
  { name: "main-a", day: DAY, categories: [MAIN, OTHER], upvotes: 5 },
  { name: "main-b", day: DAY, categories: [MAIN], upvotes: 3 },
  { name: "other", day: DAY, categories: [OTHER], upvotes: 9 },
  { name: "hidden", day: DAY, categories: [MAIN], upvotes: 50, hidden: true },
  // Withdrawn by its authors: its page stays, every list leaves it out.
  { name: "withdrawn", day: DAY, categories: [MAIN], upvotes: 40, withdrawn: true },
  { name: "earlier", day: EARLIER, categories: [MAIN], upvotes: 1 },
  { name: "earlier-other", day: "2004-03-09", categories: [OTHER], upvotes: 1 },
  // Over a month away: found by aggregating over the category's papers rather than walking the days.
  { name: "far", day: FAR, categories: [MAIN], upvotes: 1 },
  { name: "far-hidden", day: "2003-12-01", categories: [MAIN], upvotes: 1, hidden: true },
];

describe("category filters and hidden papers, through the data layer", () => {
  beforeAll(async () => {
    for (const [index, row] of rows.entries()) {
      await prisma.paper.create({
        data: {
          id: id(row.name),
          // Shared words make every paper "similar" to the others; the tag makes them searchable together.
          title: `Sparse mixture routing ${tag} study ${row.name}`,
          abstract: `Sparse mixture routing for ${tag} models.`,
          authors: ["A. Author"],
          publishedAt: new Date(`${row.day}T00:00:00Z`),
          categories: row.categories,
          upvoteCount: row.upvotes,
          hiddenAt: row.hidden ? new Date("2004-03-10T12:00:00Z") : null,
          withdrawnAt: row.withdrawn ? new Date("2004-03-10T12:00:00Z") : null,
          daily: {
            create: { day: new Date(`${row.day}T00:00:00Z`), submittedAt: new Date(`${row.day}T06:0${index}:00Z`) },
          },
        },
      });
    }
  });
  afterAll(async () => {
    await prisma.paper.deleteMany({ where: { id: { startsWith: `vis-${tag}-` } } });
  });

  const ids = (papers: { id: string }[]) => papers.map((p) => p.id);

  it("a day filtered by category lists and counts only its papers, and its neighbours are days with them", async () => {
    const list = await getDailyList(DAY, 1, { category: MAIN });
    expect(ids(list.papers)).toEqual([id("main-a"), id("main-b")]);
    expect(list).toMatchObject({ total: 2, pageCount: 1, category: MAIN, previousDay: EARLIER });
    // Without the filter the previous day is the one with the other category's paper.
    expect((await getDailyList(DAY, 1)).previousDay).toBe("2004-03-09");
    const other = await getDailyList(DAY, 1, { category: OTHER });
    expect(ids(other.papers)).toEqual([id("other"), id("main-a")]);
    const none = await getDailyList(DAY, 1, { category: `zz-${tag}.LG` });
    expect(none).toMatchObject({ papers: [], total: 0, previousDay: null, nextDay: null });
  });

  it("finds a category's neighbouring days months away, skipping hidden papers", async () => {
    expect((await getDailyList(EARLIER, 1, { category: MAIN })).previousDay).toBe(FAR);
    const far = await getDailyList(FAR, 1, { category: MAIN });
    expect(far).toMatchObject({ previousDay: null, nextDay: EARLIER });
  });

  it("the day, week and trending listings and their counts leave the hidden paper out", async () => {
    const day = await getDailyList(DAY, 1);
    expect(ids(day.papers)).not.toContain(id("hidden"));
    expect(day.papers.filter((p) => p.id.startsWith(`vis-${tag}-`))).toHaveLength(3);

    const week = await getRangeList({ from: "2004-03-08", to: "2004-03-14" }, 1, { category: MAIN, pageSize: 100 });
    expect(ids(week.items)).toEqual([id("main-a"), id("main-b"), id("earlier")]);
    expect(week.total).toBe(3);

    const trending = await getTrendingPapers(30, { now: NOW, category: MAIN });
    expect(ids(trending).sort()).toEqual([id("earlier"), id("main-a"), id("main-b")].sort());
  });

  it("category counts cover a day or the trending window, without the hidden paper", async () => {
    const facets = await getCategoryFacets({ from: DAY, to: DAY });
    expect(facets.filter((f) => f.category.startsWith(`zz-${tag}`))).toEqual([
      { category: MAIN, count: 2 },
      { category: OTHER, count: 2 },
    ]);
    const trending = await getCategoryFacets("trending", NOW);
    expect(trending.find((f) => f.category === MAIN)?.count).toBe(3);
  });

  it("search and its count, similar papers, the paper itself and the sitemap leave it out", async () => {
    const search = await searchPapers(tag, 1, 50);
    expect(search.total).toBe(6);
    expect(ids(search.items)).not.toContain(id("hidden"));
    // Paged: every page carries the same count, past the last one too, and the pages hold every match once.
    const pages = await Promise.all([1, 2, 3, 4].map((page) => searchPapers(tag, page, 2)));
    expect(pages.map((p) => [p.total, p.items.length, p.pageCount])).toEqual([
      [6, 2, 3],
      [6, 2, 3],
      [6, 2, 3],
      [6, 0, 3],
    ]);
    expect(new Set(pages.flatMap((p) => ids(p.items)))).toEqual(new Set(ids(search.items)));

    const similar = await getSimilarPapers(id("main-a"), 10);
    expect(ids(similar)).toContain(id("main-b"));
    expect(ids(similar)).not.toContain(id("hidden"));

    expect(await getPaper(id("hidden"))).toBeNull();
    expect(ids(search.items)).not.toContain(id("withdrawn"));
    expect(ids(similar)).not.toContain(id("withdrawn"));
    expect((await getPaper(id("withdrawn")))?.id).toBe(id("withdrawn"));
    expect((await getPaper(id("main-a")))?.categories).toEqual([MAIN, OTHER]);

    const sitemap = await getSitemapEntries();
    expect(ids(sitemap)).toContain(id("main-a"));
    expect(ids(sitemap)).not.toContain(id("hidden"));
  });

  it("the JSON API's lists, the feeds and the digest leave it out", async () => {
    const api = await listDailyPapers({
      period: { kind: "day", day: DAY },
      submitter: null,
      category: MAIN,
      sort: "publishedAt",
      page: 0,
      limit: 100,
    });
    expect(ids(api)).toEqual([id("main-a"), id("main-b")]);

    expect(await getFeaturedDays(10, MAIN)).toEqual([DAY, EARLIER, FAR]);
    const recent = await getRecentDailyPapers(2, 100, MAIN);
    expect(ids(recent)).toEqual([id("main-a"), id("main-b"), id("earlier")]);

    const rss = await renderFeed("daily", "rss", "https://papers.example.org", MAIN);
    expect(rss).toContain(`<title>Daily Papers — ${MAIN}</title>`);
    expect(rss).toContain(`/papers/${id("main-a")}`);
    expect(rss).not.toContain(`/papers/${id("hidden")}`);
    expect(rss).not.toContain(`/papers/${id("other")}`);

    const digest = await getDigestPapers(prisma, { from: DAY, to: DAY }, 100);
    expect(digest.map((p) => p.id)).toContain(id("main-a"));
    expect(digest.map((p) => p.id)).not.toContain(id("hidden"));
    expect(digest.map((p) => p.id)).not.toContain(id("withdrawn"));
    expect(rss).not.toContain(`/papers/${id("withdrawn")}`);
  });
});
