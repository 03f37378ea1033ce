import { randomInt } from "node:crypto";
import { expect, test } from "./support/users";
import { query } from "./support/db";

const todayUtc = () => new Date().toISOString().slice(0, 10);
const created: string[] = [];

/** A recent paper that is here but on no list (an id arXiv has not reached yet, so nothing collides). */
async function freshPaper(extra: { announcedOn?: string; categories?: string[]; hidden?: boolean } = {}) {
  const id = `2612.${String(randomInt(10_000, 99_999))}`;
  const title = `E2E submission ${id}`;
  await query(
    `insert into "Paper" (id, title, abstract, authors, "publishedAt", categories, "announcedOn", "announceType", "hiddenAt", "updatedAt")
     values ($1, $2, 'An abstract about $x^2$ and more.', array['Ada Lovelace','Alan Turing'], now() - interval '1 day', $3, $4::date, $5, $6, now())`,
    [
      id,
      title,
      extra.categories ?? ["cs.CL"],
      extra.announcedOn ?? null,
      extra.announcedOn ? "new" : null,
      extra.hidden ? new Date() : null,
    ],
  );
  created.push(id);
  return { id, title };
}

test.afterAll(async () => {
  if (created.length) await query(`delete from "Paper" where id = any($1)`, [created]);
});

test("a member submits a paper by URL and sees it on today's list", async ({ page, context, users }, testInfo) => {
  const paper = await freshPaper();
  const member = await users.create();
  await member.signIn(context);

  await page.goto("/submit");
  await expect(page.getByRole("heading", { level: 1, name: "Submit a paper" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("submit.png"), fullPage: true });
  await page.getByLabel("arXiv id or link").fill(`https://arxiv.org/abs/${paper.id}v2`);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  const status = page.locator("#submit-status");
  await expect(status).toContainText(`Submitted: ${paper.title} is on today's list.`);

  await status.getByRole("link", { name: "See today's list" }).click();
  await expect(page).toHaveURL(new RegExp(`/papers/date/${todayUtc()}$`));
  await expect(page.getByRole("link", { name: paper.title })).toBeVisible();
  const [row] = await query<{ day: string; submittedById: string }>(
    `select to_char(day, 'YYYY-MM-DD') as day, "submittedById" from "DailyPaper" where "paperId" = $1`,
    [paper.id],
  );
  expect(row).toEqual({ day: todayUtc(), submittedById: member.id });
});

test("a second submission of a paper links to the first", async ({ browser, users }) => {
  const paper = await freshPaper();
  const first = await users.create();
  const second = await users.create();
  const firstContext = await browser.newContext();
  await first.signIn(firstContext);
  const firstPage = await firstContext.newPage();
  await firstPage.goto(`/submit?id=${paper.id}`);
  await expect(firstPage.getByLabel("arXiv id or link")).toHaveValue(paper.id);
  await firstPage.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(firstPage.locator("#submit-status")).toContainText("Submitted:");
  await firstContext.close();

  const secondContext = await browser.newContext();
  await second.signIn(secondContext);
  const page = await secondContext.newPage();
  await page.goto("/submit");
  await page.getByLabel("arXiv id or link").fill(`arXiv:${paper.id}v1`);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  const status = page.locator("#submit-status");
  const [user] = await query<{ username: string }>(`select username from "User" where id = $1`, [first.id]);
  const username = user!.username;
  await expect(status).toContainText(`Already on the list of ${todayUtc()}, submitted by @${username}.`);
  await status.getByRole("link", { name: "Open the paper" }).click();
  await expect(page).toHaveURL(new RegExp(`/papers/${paper.id.replace(".", "\\.")}$`));
  await secondContext.close();
});

test("a blocked member is refused with a sentence", async ({ page, context, users }) => {
  const paper = await freshPaper();
  const member = await users.create();
  await query(`update "User" set "submitBlockedAt" = now() where id = $1`, [member.id]);
  await member.signIn(context);
  await page.goto("/submit");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "An admin has blocked your account from submitting papers.",
  );
  await page.getByLabel("arXiv id or link").fill(paper.id);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.locator("#submit-status")).toHaveText("An admin has blocked your account from submitting papers.");
  expect(await query(`select 1 from "DailyPaper" where "paperId" = $1`, [paper.id])).toHaveLength(0);
});

test("bad input gets a sentence, and signed-out readers are sent to sign in", async ({ page, context, users }) => {
  await page.goto("/submit?id=2501.12948");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsubmit%3Fid%3D2501\.12948$/);
  await expect(page.getByRole("status").filter({ hasText: "Sign in to submit a paper." })).toBeVisible();
  const member = await users.create();
  await member.signIn(context);
  await page.goto("/submit");
  await page.getByLabel("arXiv id or link").fill("https://example.org/abs/2501.12948");
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.locator("#submit-status")).toContainText("is not an arXiv id or link");
});

test("searching an arXiv id opens the paper, or offers to submit it", async ({ page }) => {
  const paper = await freshPaper();
  await page.goto(`/papers/search?q=${encodeURIComponent(`https://arxiv.org/abs/${paper.id}v3`)}`);
  await expect(page).toHaveURL(new RegExp(`/papers/${paper.id.replace(".", "\\.")}$`));

  await page.goto("/papers/search?q=2612.00001");
  await expect(page.getByRole("heading", { name: "Not here yet — submit it" })).toBeVisible();
  await page.getByRole("link", { name: "Submit 2612.00001" }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsubmit%3Fid%3D2612\.00001$/);
});

test.describe("New on arXiv", () => {
  test("lists the latest announcement by category, and submits in one click", async ({
    page,
    context,
    users,
  }, testInfo) => {
    const day = todayUtc();
    const cl = await freshPaper({ announcedOn: day, categories: ["cs.CL", "cs.AI"] });
    const cv = await freshPaper({ announcedOn: day, categories: ["cs.CV"] });
    const hidden = await freshPaper({ announcedOn: day, categories: ["cs.CL"], hidden: true });

    await page.goto("/papers/new");
    await expect(page.getByRole("heading", { level: 1, name: "New on arXiv" })).toBeVisible();
    const list = page.getByRole("list", { name: "Papers" });
    await expect(list.getByRole("link", { name: cl.title })).toBeVisible();
    await expect(list.getByRole("link", { name: cv.title })).toBeVisible();
    await expect(list.getByRole("link", { name: hidden.title })).toHaveCount(0);
    // Signed out: a sign-in link that comes back here.
    await expect(page.getByRole("link", { name: "Sign in to submit" }).first()).toHaveAttribute(
      "href",
      "/signin?callbackUrl=%2Fpapers%2Fnew",
    );

    await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "cs.CL" }).click();
    await expect(page).toHaveURL(/\/papers\/new\?category=cs\.CL$/);
    await expect(list.getByRole("link", { name: cl.title })).toBeVisible();
    await expect(list.getByRole("link", { name: cv.title })).toHaveCount(0);

    const member = await users.create();
    await member.signIn(context);
    await page.reload();
    const card = page.locator("[data-paper-card]", { hasText: cl.title });
    await card.getByRole("button", { name: /^Submit to today's list\b/ }).click();
    await expect(card.getByRole("link", { name: "On the list" })).toBeVisible();
    await page.reload();
    await expect(card.getByRole("link", { name: "On the list" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("papers-new.png"), fullPage: true });
  });

  test("bad filters are a 404", async ({ request }) => {
    expect((await request.get("/papers/new?category=<script>")).status()).toBe(404);
    expect((await request.get("/papers/new?page=0")).status()).toBe(404);
  });
});
