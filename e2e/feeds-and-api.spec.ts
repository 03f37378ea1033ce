import fs from "node:fs";
import { expect, test, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { query } from "./support/db";

// Machine-facing URLs answer the same on every device: run them once.

const ATOM_NS = "http://www.w3.org/2005/Atom";

/** Parses `xml` with the browser's XML parser: the root element, its namespace, and the item/entry links. */
async function parseXml(page: Page, xml: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const error = doc.querySelector("parsererror")?.textContent ?? null;
    const root = doc.documentElement;
    const links = [
      ...Array.from(doc.getElementsByTagName("item"), (item) => item.getElementsByTagName("link")[0]?.textContent),
      ...Array.from(doc.getElementsByTagName("entry"), (entry) =>
        entry.getElementsByTagName("link")[0]?.getAttribute("href"),
      ),
    ];
    return { error, root: root.localName, namespace: root.namespaceURI, links };
  }, xml);
}

async function jsonError(response: APIResponse): Promise<string> {
  const body = (await response.json()) as { error?: unknown };
  expect(typeof body.error).toBe("string");
  return body.error as string;
}

test.describe("feeds", () => {
  test("the daily RSS feed is RSS 2.0 linking to the papers' pages", async ({ request, page }) => {
    const response = await request.get("/feeds/daily.xml");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
    expect(response.headers()["cache-control"]).toContain("max-age=300");
    const xml = await response.text();
    expect(xml).toContain("<rss");
    const parsed = await parseXml(page, xml);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe("rss");
    expect(parsed.links.length).toBeGreaterThan(1);
    for (const link of parsed.links) expect(link).toMatch(/\/papers\/.+/);
    expect(xml).toContain("/papers/2501.12948");
  });

  test("the daily Atom feed is Atom 1.0", async ({ request, page }) => {
    const response = await request.get("/feeds/daily.atom");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    expect(xml).toContain(`<feed xmlns="${ATOM_NS}"`);
    const parsed = await parseXml(page, xml);
    expect(parsed.error).toBeNull();
    expect(parsed).toMatchObject({ root: "feed", namespace: ATOM_NS });
    expect(parsed.links.length).toBeGreaterThan(1);
    for (const link of parsed.links) expect(link).toMatch(/\/papers\/.+/);
  });

  test("the trending feeds exist in both formats, and other names are 404", async ({ request, page }) => {
    const rss = await request.get("/feeds/trending.xml");
    expect(rss.status()).toBe(200);
    expect(rss.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
    expect((await parseXml(page, await rss.text())).error).toBeNull();

    const atom = await request.get("/feeds/trending.atom");
    expect(atom.status()).toBe(200);
    expect(atom.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    expect(await atom.text()).toContain(`<feed xmlns="${ATOM_NS}"`);

    expect((await request.get("/feeds/daily.json")).status()).toBe(404);
    expect((await request.get("/feeds/weekly.xml")).status()).toBe(404);
  });
});

test.describe("JSON API", () => {
  test("/api/daily_papers answers in Hugging Face's item shape", async ({ request }, testInfo) => {
    const response = await request.get("/api/daily_papers");
    expect(response.status()).toBe(200);
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    expect(response.headers()["cache-control"]).toContain("max-age=60");
    const items = (await response.json()) as Record<string, unknown>[];
    expect(Array.isArray(items)).toBe(true);
    expect(items.length).toBeGreaterThan(1);
    for (const item of items) {
      expect(item).toMatchObject({
        paper: { id: expect.any(String), upvotes: expect.any(Number), title: expect.any(String) },
        title: expect.any(String),
        summary: expect.any(String),
        publishedAt: expect.any(String),
        thumbnail: expect.any(String),
        numComments: expect.any(Number),
        isAuthorParticipating: false,
        submittedBy: { name: expect.any(String), type: "user" },
      });
    }
    fs.writeFileSync(testInfo.outputPath("daily-papers-item.json"), `${JSON.stringify(items[0], null, 2)}\n`);
  });

  test("a day's list comes most upvoted first, and limit pages it", async ({ request }) => {
    const [newest] = (await (await request.get("/api/daily_papers?limit=1")).json()) as { publishedAt: string }[];
    expect(newest).toBeDefined();
    const day = newest!.publishedAt.slice(0, 10);
    const items = (await (await request.get(`/api/daily_papers?date=${day}`)).json()) as {
      paper: { upvotes: number };
    }[];
    expect(items.length).toBeGreaterThan(0);
    const upvotes = items.map((item) => item.paper.upvotes);
    expect(upvotes).toEqual([...upvotes].sort((a, b) => b - a));

    const page = (await (await request.get("/api/daily_papers?limit=2&p=1")).json()) as unknown[];
    expect(page.length).toBeLessThanOrEqual(2);
  });

  test("/api/daily_papers refuses bad parameters with a 400 and a sentence", async ({ request }) => {
    const badDate = await request.get("/api/daily_papers?date=2025-13-40");
    expect(badDate.status()).toBe(400);
    expect(await jsonError(badDate)).toMatch(/date/);

    const bigLimit = await request.get("/api/daily_papers?limit=500");
    expect(bigLimit.status()).toBe(400);
    expect(await jsonError(bigLimit)).toMatch(/limit/);

    expect((await request.get("/api/daily_papers?date=2025-02-28&week=2025-W09")).status()).toBe(400);
    expect((await request.get("/api/daily_papers?p=-1")).status()).toBe(400);
  });

  test("/api/papers/{id} finds a paper by its arXiv id, with or without a version", async ({ request }) => {
    const response = await request.get("/api/papers/2501.12948");
    expect(response.status()).toBe(200);
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    const paper = (await response.json()) as Record<string, unknown>;
    expect(paper).toMatchObject({
      id: "2501.12948",
      title: expect.stringContaining("DeepSeek-R1"),
      upvotes: expect.any(Number),
      arxivUrl: "https://arxiv.org/abs/2501.12948",
      pdfUrl: "https://arxiv.org/pdf/2501.12948",
      url: expect.stringMatching(/\/papers\/2501\.12948$/),
    });

    const versioned = await request.get("/api/papers/2501.12948v2");
    expect(versioned.status()).toBe(200);
    expect(((await versioned.json()) as { id: string }).id).toBe("2501.12948");

    const malformed = await request.get("/api/papers/not-an-id");
    expect(malformed.status()).toBe(400);
    await jsonError(malformed);

    const unknown = await request.get("/api/papers/9912.99999");
    expect(unknown.status()).toBe(404);
    await jsonError(unknown);
  });

  test("/api/papers/search finds papers and bounds its query", async ({ request }) => {
    const response = await request.get("/api/papers/search?q=reasoning");
    expect(response.status()).toBe(200);
    const items = (await response.json()) as { paper: { id: string }; title: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((item) => item.paper.id)).toContain("2501.12948");

    const tooLong = await request.get(`/api/papers/search?q=${"a".repeat(2000)}`);
    expect(tooLong.status()).toBe(400);
    expect(await jsonError(tooLong)).toMatch(/q/);

    expect((await request.get("/api/papers/search")).status()).toBe(400);
  });
});

test.describe("crawlers", () => {
  test("the sitemap lists the papers and robots.txt points to it", async ({ request }) => {
    const sitemap = await request.get("/sitemap.xml");
    expect(sitemap.status()).toBe(200);
    const xml = await sitemap.text();
    expect(xml).toContain("/papers/2501.12948</loc>");
    expect(xml).toMatch(/\/papers\/date\/\d{4}-\d{2}-\d{2}<\/loc>/);

    const robots = await request.get("/robots.txt");
    expect(robots.status()).toBe(200);
    const text = await robots.text();
    expect(text).toMatch(/^Sitemap: .+\/sitemap\.xml$/m);
    expect(text).toContain("Disallow: /api/");
  });
});

test.describe("categories in feeds and the API", () => {
  /** The categories of paper `id`, as the API tells them. */
  async function categoriesOf(request: APIRequestContext, id: string): Promise<string[]> {
    const response = await request.get(`/api/papers/${id}`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { categories?: string[] }).categories ?? [];
  }

  test("a category's feeds are valid XML, are titled by it, and hold only its papers", async ({ request, page }) => {
    for (const [path, root] of [
      ["/feeds/daily.xml?category=cs.IR", "rss"],
      ["/feeds/daily.atom?category=cs.IR", "feed"],
      ["/feeds/trending.xml?category=cs.IR", "rss"],
    ] as const) {
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      const xml = await response.text();
      const parsed = await parseXml(page, xml);
      expect(parsed.error).toBeNull();
      expect(parsed.root).toBe(root);
      expect(xml).toMatch(/<title>Daily Papers — (Trending in )?cs\.IR<\/title>/);
      expect(parsed.links.length).toBeGreaterThan(0);
      for (const link of parsed.links) {
        const id = /\/papers\/(.+)$/.exec(link ?? "")?.[1];
        expect(await categoriesOf(request, id!)).toContain("cs.IR");
      }
    }
  });

  test("a malformed category is a 400 with a sentence, in feeds and the API", async ({ request }) => {
    for (const path of ["/feeds/daily.xml?category=%3Cb%3E", "/feeds/trending.atom?category=cs.CL&category=cs.AI"]) {
      const response = await request.get(path);
      expect(response.status()).toBe(400);
      expect(response.headers()["content-type"]).toContain("text/plain");
      expect(await response.text()).toMatch(/category must be an arXiv category/);
    }
    const api = await request.get("/api/daily_papers?category=cs%00CL");
    expect(api.status()).toBe(400);
    expect(await jsonError(api)).toMatch(/^category /);
  });

  test("/api/daily_papers?category= lists only that category", async ({ request }) => {
    const items = (await (await request.get("/api/daily_papers?category=cs.IR")).json()) as {
      paper: { id: string; categories?: string[] };
    }[];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.paper.categories).toContain("cs.IR");
    const trending = (await (await request.get("/api/daily_papers?sort=trending&category=cs.DC")).json()) as {
      paper: { categories?: string[] };
    }[];
    for (const item of trending) expect(item.paper.categories?.[0]).toBe("cs.DC");
  });
});

test.describe("a hidden paper", () => {
  // Medical Reasoning in LLMs; no other spec looks for it, and the run restores it.
  const ID = "2504.00016";

  test("is gone from its page, its image, the API, search, the sitemap and the feeds", async ({ request, page }) => {
    const [row] = await query<{ day: string }>(
      `select to_char(day, 'YYYY-MM-DD') as day from "DailyPaper" where "paperId" = $1`,
      [ID],
    );
    const day = row!.day;
    expect((await request.get(`/papers/${ID}`)).status()).toBe(200);
    await query(`update "Paper" set "hiddenAt" = now() where id = $1`, [ID]);
    try {
      expect((await request.get(`/papers/${ID}`)).status()).toBe(404);
      expect((await request.get(`/og/${ID}`)).status()).toBe(404);
      const api = await request.get(`/api/papers/${ID}`);
      expect(api.status()).toBe(404);
      await jsonError(api);

      const lists = [
        `/api/daily_papers?date=${day}`,
        "/api/daily_papers?limit=100",
        "/api/papers/search?q=DeepSeek R1 medical",
      ];
      for (const path of lists) {
        const items = (await (await request.get(path)).json()) as { paper: { id: string } }[];
        expect(
          items.map((item) => item.paper.id),
          path,
        ).not.toContain(ID);
      }
      expect(await (await request.get("/sitemap.xml")).text()).not.toContain(`/papers/${ID}<`);
      // A feed no other test reads, so the 5-minute feed cache cannot hold an older copy.
      const feed = await request.get("/feeds/daily.atom?category=cs.AI");
      const parsed = await parseXml(page, await feed.text());
      expect(parsed.error).toBeNull();
      expect(parsed.links.length).toBeGreaterThan(0);
      expect(parsed.links.some((link) => link?.endsWith(`/papers/${ID}`))).toBe(false);

      await page.goto(`/papers/date/${day}`);
      await expect(page.getByRole("list", { name: "Papers" }).getByRole("listitem").first()).toBeVisible();
      await expect(page.getByRole("heading", { name: /Medical Reasoning in LLMs/ })).toHaveCount(0);
    } finally {
      await query(`update "Paper" set "hiddenAt" = null where id = $1`, [ID]);
    }
    expect((await request.get(`/papers/${ID}`)).status()).toBe(200);
  });
});
