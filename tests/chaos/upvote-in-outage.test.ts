/**
 * A signed-in reader upvotes while things fail, in a real browser (Chromium): the vote is rolled back and
 * the button's status line says why — "briefly unavailable" when the database is gone (never "Sign in to
 * upvote", which Auth.js' swallowed adapter error used to cause), "could not reach" when the request never
 * got an answer — and the page stays (issue 10, "Faults" 2 and 3).
 */
import { setTimeout as sleep } from "node:timers/promises";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type BrowserServer, type Page } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNAVAILABLE_ACTION_MESSAGE } from "@/lib/db/unavailable";
import {
  createReaders,
  deleteReaders,
  fault,
  query,
  votablePaperIds,
  waitForRecovery,
  world,
  type Reader,
} from "@/tests/chaos/support/world";

let browserServer: BrowserServer;
let browser: Browser;
let context: BrowserContext;
let reader: Reader;
let paperId = "";
const shots = path.join(path.dirname(world.serverLog));

beforeAll(async () => {
  [reader] = (await createReaders(1)) as [Reader];
  [paperId] = (await votablePaperIds("most upvoted", 1)) as [string];
  // A browser server rather than a plain launch: its process can be killed for sure at the end, so a
  // browser that hangs on closing never holds the suite open.
  browserServer = await chromium.launchServer({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  browser = await chromium.connect(browserServer.wsEndpoint());
  context = await browser.newContext({ baseURL: world.baseUrl, viewport: { width: 1280, height: 900 } });
  const [name, value] = reader.cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: world.baseUrl, httpOnly: true, sameSite: "Lax" }]);
});

afterAll(async () => {
  await fault("restore");
  await Promise.race([browser?.close(), sleep(5000)]);
  await browserServer?.kill();
  await deleteReaders([reader]);
});

async function openPaper(): Promise<{ page: Page; count: number }> {
  const page = await context.newPage();
  await page.goto(`/papers/${paperId}`);
  const button = page.getByRole("button", { name: /^Upvote \(\d+ upvotes\)$/ });
  await expect.poll(() => button.count()).toBe(1);
  const count = Number(/\((\d+) upvotes\)/.exec((await button.textContent()) ?? "")?.[1]);
  expect(count).toBeGreaterThanOrEqual(0);
  return { page, count };
}

async function expectRolledBack(page: Page, count: number, message: string, shot: string) {
  const status = page.getByRole("status").filter({ hasText: message });
  await expect.poll(() => status.count(), { timeout: 8000 }).toBe(1);
  const button = page.getByRole("button", { name: `Upvote (${count} upvotes)` });
  await expect.poll(() => button.getAttribute("aria-pressed")).toBe("false");
  expect(await page.getByText("Sign in to upvote").count()).toBe(0);
  expect(await page.getByText("Something went wrong").count()).toBe(0);
  // The paper's page is still there.
  expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
  await page.screenshot({ path: path.join(shots, shot) });
}

describe("an upvote while things fail, in Chromium", () => {
  it("the database gone: rolled back, 'briefly unavailable' (not 'Sign in to upvote')", async () => {
    const { page, count } = await openPaper();
    await fault("refuse");
    try {
      await page.getByRole("button", { name: `Upvote (${count} upvotes)` }).click();
      await expectRolledBack(page, count, UNAVAILABLE_ACTION_MESSAGE, "upvote-database-gone.png");
    } finally {
      await fault("restore");
      await waitForRecovery();
    }
    const [row] = await query<{ n: number }>(`select count(*)::int as n from "Upvote" where "userId" = $1`, [
      reader.id,
    ]);
    expect(row!.n).toBe(0);
    await page.close();
  });

  it("no answer at all (the request fails in the network): rolled back with a message, the page stays", async () => {
    const { page, count } = await openPaper();
    await page.route("**/api/upvotes", (route) => route.abort("failed"));
    await page.getByRole("button", { name: `Upvote (${count} upvotes)` }).click();
    await expectRolledBack(page, count, "Could not reach Daily Papers", "upvote-network-error.png");
    await page.close();
  });
});
