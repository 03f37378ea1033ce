import { expect, test } from "@playwright/test";

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
  test("shows the whole paper with math rendered, links, similar papers and metadata", async ({ page }, testInfo) => {
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
    await page.screenshot({ path: testInfo.outputPath(`paper-${testInfo.project.name}.png`), fullPage: true });
  });

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
  test("ranks and highlights matches from the header's search box", async ({ page }, testInfo) => {
    await page.goto("/");
    await page.getByRole("searchbox", { name: "Search papers" }).fill("reinforcement learning reasoning");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/papers\/search\?q=reinforcement/);
    const results = page.getByRole("list", { name: "Search results" }).getByRole("listitem");
    await expect(results.first()).toBeVisible();
    await expect(results.first().locator("mark").first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`search-${testInfo.project.name}.png`), fullPage: true });
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
