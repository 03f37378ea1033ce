import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { query } from "./support/db";
import { PHONE } from "./support/tags";
import { keepScreenshot } from "./support/screenshots";

test.describe("days, weeks and months", () => {
  test("previous and next skip to days that have papers, and the date picker jumps", async ({ page }) => {
    await page.goto("/");
    const heading = page.locator("h1 + p time");
    const latest = await heading.getAttribute("datetime");
    await page.getByRole("link", { name: /Previous day with papers/ }).click();
    await expect(page).toHaveURL(/\/papers\/date\/\d{4}-\d{2}-\d{2}$/);
    const previous = await heading.getAttribute("datetime");
    expect(previous! < latest!).toBe(true);
    await page.getByRole("link", { name: /Next day with papers/ }).click();
    await expect(heading).toHaveAttribute("datetime", latest!);

    await page.getByLabel("Go to date").fill(previous!);
    await page.getByRole("button", { name: "Go" }).click();
    await expect(page).toHaveURL(new RegExp(`/papers/date/${previous}$`));
  });

  test("a day without papers shows an empty state with a way back", async ({ page }) => {
    await page.goto("/papers/date/2001-01-01");
    await expect(page.getByRole("heading", { name: "No papers on this day" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Next day with papers/ })).toBeVisible();
  });

  test("week and month views aggregate the days", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Weekly" }).click();
    await expect(page).toHaveURL(/\/papers\/week\/\d{4}-W\d{2}$/);
    await expect(page.getByRole("list", { name: "Papers" }).getByRole("listitem").first()).toBeVisible();
    await page.getByRole("link", { name: "Monthly" }).click();
    await expect(page).toHaveURL(/\/papers\/month\/\d{4}-\d{2}$/);
    await expect(page.getByRole("list", { name: "Papers" }).getByRole("listitem").first()).toBeVisible();
  });

  test("trending ranks recent papers", async ({ page }) => {
    await page.goto("/papers/trending");
    await expect(page.getByRole("heading", { level: 1, name: "Trending" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Papers" }).getByRole("listitem").first()).toBeVisible();
  });

  for (const path of [
    "/papers/date/2025-13-40",
    "/papers/date/yesterday",
    "/papers/date/2999-01-01",
    "/papers/date/1900-01-01",
    "/papers/week/2025-W60",
    "/papers/month/2025-13",
    "/papers/week/2025-W09?page=99999999",
    "/papers/not-an-id",
    "/papers/9912.99999",
    "/papers/date?d=garbage",
    "/papers/date/2025-01-22?page=abc",
  ]) {
    test(`bad address ${path} is a 404, not an error`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(404);
    });
  }
});

test.describe("a paper's page", () => {
  test(
    "shows the whole paper with math rendered, links, similar papers and metadata",
    { tag: PHONE },
    async ({ page }, testInfo) => {
      await page.goto("/papers/2501.12948");
      await expect(page.getByRole("heading", { level: 1, name: /DeepSeek-R1/ })).toBeVisible();
      await expect(page).toHaveTitle(/DeepSeek-R1: Incentivizing Reasoning Capability.*· Daily Papers/);
      await expect(page.getByRole("link", { name: "PDF" })).toHaveAttribute("href", "https://arxiv.org/pdf/2501.12948");
      await expect(page.getByRole("heading", { name: "Similar papers" })).toBeVisible();
      await expect(
        page.getByRole("heading", { name: "Similar papers" }).locator("..").getByRole("listitem").first(),
      ).toBeVisible();
      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /DeepSeek-R1/);
      await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/og\/2501\.12948$/);
      await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
      const jsonLd = JSON.parse(
        (await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}",
      ) as Record<string, unknown>;
      expect(jsonLd["@type"]).toBe("ScholarlyArticle");
      // Highwire tags for reference managers: one citation_author per author, in order.
      await expect(page.locator('meta[name="citation_arxiv_id"]')).toHaveAttribute("content", "2501.12948");
      await expect(page.locator('meta[name="citation_pdf_url"]')).toHaveAttribute(
        "content",
        "https://arxiv.org/pdf/2501.12948",
      );
      await expect(page.locator('meta[name="citation_date"]')).toHaveAttribute("content", /^\d{4}\/\d{2}\/\d{2}$/);
      const authors = await page
        .locator('meta[name="citation_author"]')
        .evaluateAll((tags) => tags.map((tag) => tag.getAttribute("content")));
      expect(authors.length).toBeGreaterThan(10);
      expect(authors[0]).toBe("DeepSeek-AI");
      await keepScreenshot(() =>
        page.screenshot({ path: testInfo.outputPath(`paper-${testInfo.project.name}.png`), fullPage: true }),
      );
    },
  );

  test("unescapes LaTeX text escapes", async ({ page }) => {
    await page.goto("/papers/2502.20601");
    const abstract = page.getByRole("heading", { name: "Abstract" }).locator("..");
    await expect(abstract).toContainText("%");
    await expect(abstract).not.toContainText("\\%");
  });

  test("a versioned id redirects to the canonical page", async ({ page }) => {
    await page.goto("/papers/2501.12948v2");
    await expect(page).toHaveURL(/\/papers\/2501\.12948$/);
  });

  test("has a generated OpenGraph image", async ({ request }) => {
    const response = await request.get("/og/2501.12948");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    expect((await response.body()).length).toBeGreaterThan(5000);
  });
});

test.describe("search", () => {
  test("ranks and highlights matches from the header's search box", { tag: PHONE }, async ({ page }, testInfo) => {
    await page.goto("/");
    await page.getByRole("searchbox", { name: "Search papers" }).fill("reinforcement learning reasoning");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/papers\/search\?q=reinforcement/);
    const results = page.getByRole("list", { name: "Search results" }).getByRole("listitem");
    await expect(results.first()).toBeVisible();
    await expect(results.first().locator("mark").first()).toBeVisible();
    await keepScreenshot(() =>
      page.screenshot({ path: testInfo.outputPath(`search-${testInfo.project.name}.png`), fullPage: true }),
    );
  });

  test("finds papers by author", async ({ page }) => {
    await page.goto("/papers/search?q=Rajbhandari");
    await expect(page.getByRole("link", { name: /ZeRO-Infinity/ })).toBeVisible();
  });

  test("handles the empty, the no-result and the absurd query", async ({ page }) => {
    await page.goto("/papers/search");
    await expect(page.getByRole("heading", { name: "Search the papers" })).toBeVisible();
    await page.goto("/papers/search?q=zzzqqqxxv");
    await expect(page.getByRole("heading", { name: "No papers match" })).toBeVisible();
    const response = await page.goto(`/papers/search?q=${"a".repeat(2048)}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "That search is too long" })).toBeVisible();
    await page.goto("/papers/search?q=learning&page=5000");
    await expect(page.getByRole("heading", { name: "No such page" })).toBeVisible();
  });
});

/** Phones get the 390 px width of the smallest current iPhones; screenshots in light and in dark. */
async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  if (testInfo.project.name === "phone") await page.setViewportSize({ width: 390, height: 844 });
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await keepScreenshot(() =>
      page.screenshot({
        path: testInfo.outputPath(`${name}-${testInfo.project.name}-${scheme}.png`),
        fullPage: true,
      }),
    );
    // The first screen alone, as a reader sees it on arrival.
    await keepScreenshot(() =>
      page.screenshot({ path: testInfo.outputPath(`${name}-${testInfo.project.name}-${scheme}-top.png`) }),
    );
  }
  await page.emulateMedia({ colorScheme: null });
}

test.describe("categories", () => {
  test(
    "cards carry category chips that filter the day, keeping the filter across days",
    { tag: PHONE },
    async ({ page }, testInfo) => {
      await page.goto("/");
      const deepseek = page.locator("[data-paper-card]", { hasText: "DeepSeek-R1: Incentivizing" });
      const chips = deepseek.getByRole("list", { name: "arXiv categories" });
      await expect(chips.getByRole("link")).toHaveText(["cs.CL", "cs.AI", "cs.LG"]);
      await chips.getByRole("link", { name: /^Primary category cs\.CL/ }).click();
      await expect(page).toHaveURL(/\/papers\/date\/\d{4}-\d{2}-\d{2}\?category=cs\.CL$/);

      const filter = page.getByRole("navigation", { name: "Categories" });
      await expect(filter.getByRole("link", { name: /^cs\.CL, / })).toHaveAttribute("aria-current", "page");
      const cards = page.getByRole("list", { name: "Papers" }).locator("[data-paper-card]");
      await expect(cards.first()).toBeVisible();
      const count = await cards.count();
      await expect(
        filter.getByRole("link", { name: `cs.CL, ${count} ${count === 1 ? "paper" : "papers"}` }),
      ).toBeVisible();
      for (let i = 0; i < count; i++) {
        await expect(cards.nth(i).getByRole("list", { name: "arXiv categories" })).toContainText("cs.CL");
      }
      await expect(page.getByRole("heading", { name: "ZeRO-Infinity: Breaking the GPU Memory Wall" })).toHaveCount(0);
      await screenshots(page, testInfo, "day-cs.CL");

      const previous = page.getByRole("link", { name: /^Previous day with cs\.CL papers/ });
      await expect(previous).toHaveAttribute("href", /\?category=cs\.CL$/);
      await previous.click();
      await expect(page).toHaveURL(/\?category=cs\.CL$/);
      await expect(
        page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "Weekly" }),
      ).toHaveAttribute("href", /\/papers\/week\/\d{4}-W\d{2}\?category=cs\.CL$/);
      await filter.getByRole("link", { name: "All" }).click();
      await expect(page).toHaveURL(/\/papers\/date\/\d{4}-\d{2}-\d{2}$/);
    },
  );

  test("a category without papers that day has its own empty state", async ({ page }) => {
    await page.goto("/");
    const day = await page.locator("h1 + p time").getAttribute("datetime");
    await page.goto(`/papers/date/${day}?category=math.AG`);
    await expect(page.getByRole("heading", { name: "No math.AG papers on this day" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: /^math\.AG, 0 papers/ }),
    ).toHaveAttribute("aria-current", "page");
  });

  test("trending, week and month filter by category too", async ({ page, request }) => {
    await page.goto("/papers/trending?category=cs.IR");
    await expect(page.getByRole("heading", { level: 1, name: "Trending in cs.IR" })).toBeVisible();
    const cards = page.getByRole("list", { name: "Papers" }).locator("[data-paper-card]");
    await expect(cards.first()).toBeVisible();
    for (const card of await cards.all()) await expect(card).toContainText("cs.IR");
    await expect(page.locator('link[rel="alternate"][href$="/feeds/trending.xml?category=cs.IR"]')).toHaveCount(1);

    await expect(
      page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "Monthly" }),
    ).toHaveAttribute("href", /\/papers\/month\/\d{4}-\d{2}\?category=cs\.IR$/);

    // The month of the latest cs.IR paper (the demo days can straddle two months).
    const [latest] = (await (await request.get("/api/daily_papers?category=cs.IR&limit=1")).json()) as {
      publishedAt: string;
    }[];
    await page.goto(`/papers/month/${latest!.publishedAt.slice(0, 7)}?category=cs.IR`);
    await expect(page.getByRole("heading", { level: 1, name: / in cs\.IR$/ })).toBeVisible();
    await expect(cards.first()).toBeVisible();
    for (const card of await cards.all()) await expect(card).toContainText("cs.IR");
    await expect(page.locator('link[rel="alternate"][href$="/feeds/daily.atom?category=cs.IR"]')).toHaveCount(1);
  });

  for (const path of [
    "/papers/date/2025-01-22?category=%3Cscript%3E",
    "/papers/date/2025-01-22?category=cs.CL&category=cs.AI",
    "/papers/week/2025-W09?category=cs.CL%00",
    "/papers/month/2025-01?category=",
    "/papers/trending?category=cs..CL",
    "/?category=x%20y",
  ]) {
    test(`a malformed category ${path} is a 404, not an error`, async ({ request }) => {
      expect((await request.get(path)).status()).toBe(404);
    });
  }
});

test.describe("what sources add to a paper's page", () => {
  test(
    "AI summary, keywords, stars, organization, arXiv details, and only http(s) links",
    { tag: PHONE },
    async ({ page, baseURL }, testInfo) => {
      // A paper of its own per project, since the projects run side by side and each resets its paper.
      const [ID, categories] =
        testInfo.project.name === "phone"
          ? ["2309.15178", ["cs.LG", "cs.AI"]]
          : ["2503.24290", ["cs.LG", "cs.AI", "cs.CL"]];
      const [original] = await query<{ githubRepo: string | null; projectPage: string | null }>(
        `select "githubRepo", "projectPage" from "Paper" where id = $1`,
        [ID],
      );
      // Hugging Face's and arXiv's extras, as the importers store them; a javascript: project page as a
      // hostile source might send one.
      await query(
        `update "Paper" set "aiSummary" = $2, "aiKeywords" = $3, "githubStars" = 2345, organization = 'StepFun',
         "githubRepo" = coalesce("githubRepo", 'https://github.com/example/code'),
         "thumbnailUrl" = $4, "projectPage" = ' JaVaScRiPt:alert(1)', version = 3,
         "revisedAt" = '2025-04-10T00:00:00Z', "arxivComment" = '25 pages, 11 figures',
         doi = '10.48550/arXiv.2503.24290', "journalRef" = 'NeurIPS 2025',
         license = 'http://creativecommons.org/licenses/by/4.0/'
       where id = $1`,
        [
          ID,
          "Open-Reasoner-Zero scales reasoning-oriented RL on a base model with vanilla PPO and simple rewards.",
          ["reinforcement learning", "PPO", "reasoning"],
          `${baseURL}/og/2501.12948`,
        ],
      );
      try {
        await page.goto(`/papers/${ID}`);
        const summary = page.getByRole("region", { name: /AI summary/ });
        await expect(summary).toContainText("Generated by AI, from Hugging Face");
        await expect(summary).toContainText("vanilla PPO");
        await expect(summary.getByRole("link", { name: "Search papers for PPO" })).toHaveAttribute(
          "href",
          "/papers/search?q=%22PPO%22",
        );
        await expect(page.getByRole("link", { name: /^Code.*2,345 GitHub stars/ })).toContainText("2.3K");
        await expect(page.getByText("StepFun")).toBeVisible();
        await expect(page.getByRole("link", { name: "Project page" })).toHaveCount(0);
        await expect(page.locator('a[href^="javascript" i]')).toHaveCount(0);
        const details = page.getByRole("region", { name: "Details" });
        await expect(details).toContainText("v3");
        await expect(details).toContainText("25 pages, 11 figures");
        await expect(details).toContainText("NeurIPS 2025");
        await expect(details.getByRole("link", { name: "10.48550/arXiv.2503.24290" })).toHaveAttribute(
          "href",
          "https://doi.org/10.48550/arXiv.2503.24290",
        );
        await expect(details.getByRole("link", { name: "CC BY 4.0" })).toHaveAttribute(
          "href",
          "http://creativecommons.org/licenses/by/4.0/",
        );
        await expect(page.getByRole("list", { name: "arXiv categories" }).getByRole("link")).toHaveText(categories);
        const cover = page.locator(`img[src="${baseURL}/og/2501.12948"]`);
        await expect(cover).toBeVisible();
        await expect
          .poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
          .toBe(true);
        await screenshots(page, testInfo, "paper-extras");
      } finally {
        await query(
          `update "Paper" set "aiSummary" = null, "aiKeywords" = '{}', "githubStars" = null, organization = null,
           "githubRepo" = $2, "thumbnailUrl" = null, "projectPage" = $3, version = null, "revisedAt" = null,
           "arxivComment" = null, doi = null, "journalRef" = null, license = null
         where id = $1`,
          [ID, original?.githubRepo ?? null, original?.projectPage ?? null],
        );
      }
    },
  );
});
