import { randomBytes, randomInt } from "node:crypto";
import { query } from "./support/db";
import { expect, signInAsAdmin, test } from "./support/users";
import { quietDay, testPapers } from "./support/papers";
import { PHONE } from "./support/tags";

// A reader's walk, desktop and phone (issue 20, items 19–23): empty pages lead somewhere, nothing is wider
// than a phone, a dead thumbnail is not a broken-image box, a display name earns the Author badge, an admin's
// Remove asks first and can be undone, and an impossible date is answered with a sentence.

const papers = testPapers();
/** The reader walk's days are in 1996 (e2e/support/papers.ts). */
const YEAR = 1996;

test.afterAll(() => papers.deleteAll());

test("an empty day links to the nearest days with papers, and its zero-count chips are not links", async ({ page }) => {
  await page.goto("/");
  const latest = await page.locator("h1 + p time").getAttribute("datetime");
  // No other spec lists papers in 1994. The day after the empty one gets a paper of this test's own: the nearest
  // day of another spec (the next years are theirs) may lose its papers to that spec's clean-up meanwhile.
  const day = "1994-06-15";
  await papers.listed("1994-06-16");
  await page.goto(`/papers/date/${day}`);
  const empty = page.getByRole("heading", { name: "No papers on this day" }).locator("..");
  await expect(empty).not.toContainText("Try");
  await expect(empty).toContainText("The nearest day");
  const next = empty.getByRole("link", { name: /\d{4}$/ }).last();
  await expect(next).toHaveAttribute("rel", "next");
  await expect(next).toHaveAttribute("href", "/papers/date/1994-06-16");
  await next.click();
  await expect(page.locator("[data-paper-card]").first()).toBeVisible();

  await page.goto(`/papers/date/${day}`);
  const chips = page.getByRole("navigation", { name: "Categories" });
  await expect(chips.getByRole("link", { name: /, 0 papers$/ })).toHaveCount(0);
  await expect(chips.getByText(/^cs\.CL 0$/)).toBeVisible();

  // A week of the same kind: the sentence links to the nearest week with papers.
  await page.goto(`/papers/week/1994-W20`);
  const week = page.getByRole("heading", { name: "No papers this week" }).locator("..");
  await expect(week.getByRole("link", { name: /^\d{4}-W\d{2}$/ }).first()).toBeVisible();

  // Trending's Daily tab leads to the latest day with papers, not to today's (perhaps empty) list.
  await page.goto("/papers/trending");
  await expect(page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "Daily" })).toHaveAttribute(
    "href",
    `/papers/date/${latest}`,
  );
});

test("the date picker answers a day no list can have with a sentence", async ({ page }) => {
  await page.goto("/papers/date?d=2999-01-01");
  await expect(page.getByRole("heading", { name: "That day has not come yet" })).toBeVisible();
  await expect(page.getByText(/2999-01-01 is outside the daily lists/)).toBeVisible();
  await expect(page.getByLabel("Go to date")).toBeVisible();
  await page.getByRole("link", { name: /^The latest list:/ }).click();
  await expect(page.locator("[data-paper-card]").first()).toBeVisible();

  await page.goto("/papers/date?d=1970-01-01");
  await expect(page.getByRole("heading", { name: "That is before arXiv began" })).toBeVisible();
  expect((await page.request.get("/papers/date?d=not-a-date")).status()).toBe(404);
});

test("a thumbnail that does not load shows the generated cover, not a broken image", async ({ page, baseURL }) => {
  const day = quietDay(YEAR);
  const paper = await papers.listed(day, { thumbnailUrl: `${baseURL}/no-such-thumbnail-${randomInt(1e6)}.png` });
  await page.goto(`/papers/date/${day}`);
  const card = page.locator("[data-paper-card]", { hasText: paper.title });
  await expect(card.locator(".cover")).toBeVisible();
  await expect(card.locator("img")).toHaveCount(0);
});

test("New on arXiv fits a phone and shows visitors no admin command", { tag: PHONE }, async ({ page }) => {
  const today = new Date().toISOString().slice(0, 10);
  // A long unbroken word (a formula, a URL) must wrap inside the card, not widen the page.
  await papers.listed(null, { title: `Walk ${"Superlongunbrokenidentifier".repeat(4)}`, announcedOn: today });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/papers/new");
  await expect(page.locator("[data-paper-card]").first()).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await expect(page.locator("main")).not.toContainText("npm run");
});

test("a member's display name shows on their comments and earns the Author badge", async ({ page, users }) => {
  const member = await users.create();
  await member.signIn(page.context());
  const author = `Ada Walker ${randomBytes(2).toString("hex")}`;
  const paper = await papers.listed(quietDay(YEAR), { authors: ["B. Other", author] });

  await page.goto("/settings");
  const profile = page.getByRole("region", { name: "Profile" });
  // The fixture's handle is longer than a member may choose; a valid one goes with the form.
  await profile.getByLabel("Handle").fill(`walk-${randomBytes(4).toString("hex")}`);
  await profile.getByLabel("Name").fill(`  ${author.toLowerCase()}  `);
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByRole("status")).toContainText("Saved.");
  await page.reload();
  await expect(profile.getByLabel("Name")).toHaveValue(author.toLowerCase());

  await profile.getByLabel("Name").fill("Ada\u202Eevil");
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByRole("status")).toHaveText("Use letters, digits, spaces and punctuation only.");

  await page.goto(`/papers/${paper.id}`);
  const discussion = page.getByRole("region", { name: /^Discussion/ });
  await discussion.getByRole("textbox", { name: "Write a comment" }).fill("I wrote this one.");
  await discussion.getByRole("button", { name: "Comment", exact: true }).click();
  const comment = discussion.getByRole("article", { name: new RegExp(`^Comment by ${author.toLowerCase()}`) });
  await expect(comment).toBeVisible();
  await page.reload();
  await expect(comment.getByText("Author", { exact: true })).toBeVisible();
});

test.describe("as the admin", () => {
  test("Remove asks first, and Undo puts the paper back with its submitter", async ({ page, users, baseURL }) => {
    await signInAsAdmin(page.context(), baseURL!);
    const submitter = await users.create();
    const day = quietDay(YEAR);
    const paper = await papers.listed(day);
    await query(`update "DailyPaper" set "submittedById" = $1 where "paperId" = $2`, [submitter.id, paper.id]);

    await page.goto(`/admin?day=${day}`);
    const list = page.getByRole("list", { name: `Papers of ${day}` });
    await list.getByRole("button", { name: `Remove ${paper.id} from the list` }).click();
    // Asked, not done: Cancel leaves it.
    await list.getByRole("button", { name: "Cancel" }).click();
    await list.getByRole("button", { name: `Remove ${paper.id} from the list` }).click();
    await list.getByRole("button", { name: `Yes, remove ${paper.id} from the list` }).click();

    const removed = page.getByRole("list", { name: `Papers removed from ${day}` });
    await expect(removed.getByRole("link", { name: paper.title })).toBeVisible();
    expect(await query(`select 1 from "DailyPaper" where "paperId" = $1`, [paper.id])).toHaveLength(0);

    await removed.getByRole("button", { name: `Undo: put ${paper.id} back on the list` }).click();
    await expect(
      page.getByRole("list", { name: `Papers of ${day}` }).getByRole("link", { name: paper.title }),
    ).toBeVisible();
    await expect(removed).toHaveCount(0);
    const [row] = await query<{ day: string; submittedById: string }>(
      `select to_char(day, 'YYYY-MM-DD') as day, "submittedById" from "DailyPaper" where "paperId" = $1`,
      [paper.id],
    );
    expect(row).toEqual({ day, submittedById: submitter.id });
  });
});

test("with a mail server, the check-email page says the link was emailed and /dev/mail does not exist", async ({
  page,
}) => {
  await page.goto("/signin/check-email");
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText("We sent you a sign-in link.")).toBeVisible();
  expect((await page.request.get("/dev/mail")).status()).toBe(404);
});
