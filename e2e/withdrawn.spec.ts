import { randomInt } from "node:crypto";
import { query } from "./support/db";
import { deleteNewPapers, newPaper } from "./support/discussion";
import { expect, test } from "./support/users";
import { PHONE } from "./support/tags";
import { keepScreenshot } from "./support/screenshots";
import { axeFor } from "./support/axe";

test.afterAll(deleteNewPapers);

test(
  "a withdrawn paper's page says so and takes no vote; lists and the API leave it out or say it",
  { tag: PHONE },
  async ({ page, users, baseURL }, testInfo) => {
    // A past day no other spec uses, so the day's list holds only this spec's paper.
    const day = new Date(Date.UTC(2001, 0, 1) + randomInt(0, 360) * 86_400_000).toISOString().slice(0, 10);
    const { id } = await newPaper({ day });
    await query(
      `update "Paper" set version = 3, "withdrawnAt" = '2025-03-04T05:00:00Z', "upvoteCount" = 0 where id = $1`,
      [id],
    );
    const reader = await users.create();
    await reader.signIn(page.context());

    if (testInfo.project.name === "phone") await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/papers/${id}`);
    const notice = page.getByRole("complementary", { name: "Withdrawn by its authors (v3, March 4, 2025)" });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText("takes no more votes");
    // The count, not the signed-in reader's button.
    await expect(page.getByRole("button", { name: /upvote/i })).toHaveCount(0);
    await expect(page.locator("article .vote-tally")).toHaveText(/^0\s*upvotes$/);

    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const { violations } = await axeFor(page).include("article").analyze();
      const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(
        serious.map((v) => v.id),
        scheme,
      ).toEqual([]);
      await keepScreenshot(() =>
        page.screenshot({ path: testInfo.outputPath(`withdrawn-${testInfo.project.name}-${scheme}.png`) }),
      );
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // A vote sent anyway is refused, and says why.
    const vote = await page.request.post("/api/upvotes", {
      headers: { origin: new URL(baseURL!).origin },
      data: { paperId: id, upvoted: true },
    });
    expect(vote.status()).toBe(409);
    expect(await vote.json()).toMatchObject({ ok: false, code: "PAPER_WITHDRAWN" });

    const api = await page.request.get(`/api/papers/${id}`);
    expect(await api.json()).toMatchObject({ id, version: 3, withdrawnAt: "2025-03-04T05:00:00.000Z" });
    expect(await (await page.request.get(`/api/daily_papers?date=${day}`)).json()).toEqual([]);
  },
);
