import { expect, signInAsAdmin, test } from "./support/users";
import { query } from "./support/db";
import { quietDay, testPapers } from "./support/papers";

// There is one admin address (ADMIN_EMAILS in playwright.config.ts), so the admin's tests run in order; each
// walks several pages, which takes longer than the default 30 s on a busy two-core machine.
// Like the submit spec, desktop only (playwright.config.ts).
test.describe.configure({ mode: "serial", timeout: 60_000 });

const papers = testPapers();
/** The admin spec's days are in 2003 (e2e/support/papers.ts). */
const YEAR = 2003;

test.afterAll(() => papers.deleteAll());

test("a non-admin gets a 404 on /admin", async ({ page, context, users }) => {
  const member = await users.create();
  await member.signIn(context);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("an admin hides a paper: it leaves the day and its page", async ({ page, context, baseURL }, testInfo) => {
  const day = quietDay(YEAR);
  const paper = await papers.listed(day);
  await signInAsAdmin(context, baseURL!);
  await page.goto(`/admin?day=${day}`);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toBeVisible();
  const list = page.getByRole("list", { name: `Papers of ${day}` });
  await expect(list.getByRole("link", { name: paper.title })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("admin.png"), fullPage: true });

  await list.getByRole("button", { name: `Hide ${paper.id} everywhere` }).click();
  await expect(list.getByRole("button", { name: `Unhide ${paper.id}` })).toBeVisible();
  await expect(page.getByRole("list", { name: "Hidden papers" })).toContainText(paper.id);
  const [row] = await query<{ hidden: boolean }>(`select "hiddenAt" is not null as hidden from "Paper" where id = $1`, [
    paper.id,
  ]);
  expect(row?.hidden).toBe(true);

  await page.goto(`/papers/date/${day}`);
  await expect(page.getByRole("link", { name: paper.title })).toHaveCount(0);
  expect((await page.request.get(`/papers/${paper.id}`)).status()).toBe(404);
});

test("an admin moves a paper to another day", async ({ page, context, baseURL }) => {
  const from = quietDay(YEAR);
  const to = quietDay(YEAR, 400);
  const paper = await papers.listed(from);
  await signInAsAdmin(context, baseURL!);
  await page.goto(`/admin?day=${from}`);
  await page.getByLabel(`Move ${paper.id} to day`).fill(to);
  await page.getByRole("button", { name: `Move ${paper.id} to that day` }).click();
  await expect(page.getByRole("list", { name: `Papers of ${from}` })).toHaveCount(0);
  await expect(page.getByText(`No papers are on the list of ${from}.`)).toBeVisible();

  await page.getByLabel("Show the list of").fill(to);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin\\?day=${to}$`));
  await expect(
    page.getByRole("list", { name: `Papers of ${to}` }).getByRole("link", { name: paper.title }),
  ).toBeVisible();
  await page.goto(`/papers/date/${to}`);
  await expect(page.getByRole("link", { name: paper.title })).toBeVisible();

  await page.goto("/admin#audit");
  const audit = page.getByRole("table", { name: "Audit log" });
  const entry = audit.getByRole("row", { name: new RegExp(paper.id.replace(".", "\\.")) });
  await expect(entry).toContainText("move-to-day");
  await expect(entry).toContainText(`from ${from} to ${to}`);
  await expect(entry).toContainText("@e2e-admin");
});

test("an admin blocks a member, who is then refused", async ({ browser, page, context, users, baseURL }) => {
  const member = await users.create();
  const [user] = await query<{ username: string }>(`select username from "User" where id = $1`, [member.id]);
  const username = user!.username;
  await signInAsAdmin(context, baseURL!);
  await page.goto("/admin#members");
  await page.getByLabel("Username or email").fill(`@${username}`);
  await page.getByRole("button", { name: "Block", exact: true }).click();
  await expect(page.getByRole("form", { name: "Block or unblock a member" }).getByRole("status")).toHaveText(
    `@${username} can no longer submit papers.`,
  );
  await expect(page.getByRole("list", { name: "Blocked members" })).toContainText(`@${username}`);

  const memberContext = await browser.newContext();
  await member.signIn(memberContext);
  const memberPage = await memberContext.newPage();
  await memberPage.goto("/submit");
  await memberPage.getByLabel("arXiv id or link").fill("2612.00002");
  await memberPage.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(memberPage.locator("#submit-status")).toHaveText(
    "An admin has blocked your account from submitting papers.",
  );
  await memberContext.close();

  await page
    .getByRole("list", { name: "Blocked members" })
    .getByRole("button", { name: `Unblock @${username}` })
    .click();
  await expect(page.getByRole("list", { name: "Blocked members" })).toHaveCount(0);
  const log = await query<{ action: string }>(
    `select action from "AdminAction" where "targetId" = $1 order by "createdAt"`,
    [member.id],
  );
  expect(log.map((r) => r.action)).toEqual(["block-submitter", "unblock-submitter"]);
  await query(`delete from "AdminAction" where "targetId" = $1`, [member.id]);
});
