/**
 * Screenshots are for a person to look at: no test reads them. They are taken only when asked for, with
 * `E2E_SCREENSHOTS=1` (docs/testing.md), and written under test-results/. A full-length capture costs one to
 * four seconds on a busy two-core machine, and the suite takes about eighty of them.
 */
export const SCREENSHOTS_WANTED = process.env.E2E_SCREENSHOTS === "1";

/** Runs `take` (a `page.screenshot(…)` or `locator.screenshot(…)`) only when screenshots are asked for. */
export async function keepScreenshot(take: () => Promise<unknown>): Promise<void> {
  if (SCREENSHOTS_WANTED) await take();
}
