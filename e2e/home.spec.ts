import { expect, test } from "@playwright/test";

test("the home page lists the demo papers of the latest day from the database", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Daily Papers" })).toBeVisible();
  const papers = page.getByRole("listitem");
  await expect(papers.first()).toBeVisible();
  expect(await papers.count()).toBeGreaterThan(1);
  await expect(page.getByRole("heading", { name: /DeepSeek-R1: Incentivizing Reasoning Capability/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("home.png"), fullPage: true });
});

test("an unknown address gets the 404 page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
});
