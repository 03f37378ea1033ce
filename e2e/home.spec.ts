import { expect, test } from "@playwright/test";
import { PHONE } from "./support/tags";
import { keepScreenshot } from "./support/screenshots";

test(
  "the home page lists the latest day's demo papers, most upvoted first",
  { tag: PHONE },
  async ({ page }, testInfo) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Daily Papers" })).toBeVisible();
    const cards = page.getByRole("list", { name: "Papers" }).getByRole("listitem");
    await expect(cards.first()).toBeVisible();
    expect(await cards.count()).toBeGreaterThan(1);
    await expect(page.getByRole("heading", { name: /DeepSeek-R1: Incentivizing Reasoning Capability/ })).toBeVisible();

    const counts = await page.locator("[data-paper-card] .tabular-nums").allInnerTexts();
    const numbers = counts.map(Number).filter((n) => !Number.isNaN(n));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').first()).toHaveAttribute(
      "href",
      /\/feeds\/daily\.xml$/,
    );
    await keepScreenshot(() =>
      page.screenshot({ path: testInfo.outputPath(`feed-${testInfo.project.name}.png`), fullPage: true }),
    );
  },
);

test("j and k move the focus between papers", async ({ page }) => {
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  const titles = page.locator("[data-paper-card] h2 a");
  await expect(titles.first()).toBeVisible();
  // A key pressed before hydration finishes meets no listener (a slow machine shows it): pressed again until
  // the first one is answered, which moves the focus to the first paper.
  await expect(async () => {
    await page.keyboard.press("j");
    await expect(page.locator("[data-paper-card] h2 a:focus")).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await expect(titles.nth(0)).toBeFocused();
  await page.keyboard.press("j");
  await expect(titles.nth(1)).toBeFocused();
  await page.keyboard.press("k");
  await expect(titles.nth(0)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/papers\/\d{4}\.\d{4,5}$/);
});

test("dark mode follows the system and can be toggled", { tag: PHONE }, async ({ page }, testInfo) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await background();
  await page.getByRole("button", { name: "Switch to light mode" }).click();
  await expect(page.getByRole("button", { name: "Switch to dark mode" })).toBeVisible();
  expect(await background()).not.toBe(dark);
  await page.reload();
  expect(await background()).not.toBe(dark);
  await page.getByRole("button", { name: "Switch to dark mode" }).click();
  expect(await background()).toBe(dark);
  await keepScreenshot(() => page.screenshot({ path: testInfo.outputPath(`feed-dark-${testInfo.project.name}.png`) }));
});

test("an unknown address gets the 404 page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
});
