import { randomBytes, randomInt } from "node:crypto";
import type { BrowserContext } from "@playwright/test";
import { expect, test } from "./support/users";
import { query } from "./support/db";

// There is one admin address (ADMIN_EMAILS in playwright.config.ts), so the admin's tests run in order.
// Like the submit spec, desktop only (playwright.config.ts).
test.describe.configure({ mode: "serial" });

const ADMIN_EMAIL = "admin@e2e.test";
let adminId = "";
const papers: string[] = [];

async function signInAdmin(context: BrowserContext, baseURL: string) {
  const token = randomBytes(32).toString("hex");
  await query(
    `insert into "Session" ("sessionToken", "userId", expires, "updatedAt") values ($1, $2, now() + interval '1 day', now())`,
    [token, adminId],
  );
  await context.addCookies([
    { name: "authjs.session-token", value: token, url: baseURL, httpOnly: true, sameSite: "Lax" },
  ]);
}

/** A paper on the list of `day`, with an id arXiv has not reached yet. */
async function listedPaper(day: string) {
  const id = `2612.${String(randomInt(10_000, 99_999))}`;
  const title = `E2E admin ${id}`;
  await query(
    `insert into "Paper" (id, title, abstract, authors, "publishedAt", "updatedAt") values ($1, $2, 'x', array['A'], now(), now())`,
    [id, title],
  );
  await query(`insert into "DailyPaper" ("paperId", day) values ($1, $2::date)`, [id, day]);
  papers.push(id);
  return { id, title };
}

/** A day in the past no other spec uses, different for each run. */
function quietDay(offset = 0): string {
  const date = new Date(Date.UTC(2003, 0, 1) + (randomInt(0, 300) + offset) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

test.beforeAll(async () => {
  const [row] = await query<{ id: string }>(
    `insert into "User" (id, email, "emailVerified", username, name, "updatedAt")
     values ('e2e_admin', $1, now(), 'e2e-admin', 'E2E Admin', now())
     on conflict (email) do update set "emailVerified" = now() returning id`,
    [ADMIN_EMAIL],
  );
  adminId = row!.id;
});

test.afterAll(async () => {
  if (papers.length) await query(`delete from "Paper" where id = any($1)`, [papers]);
  await query(`delete from "AdminAction" where "targetId" = any($1)`, [papers]);
});

test("a non-admin gets a 404 on /admin", async ({ page, context, users }) => {
  const member = await users.create();
  await member.signIn(context);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("an admin hides a paper: it leaves the day and its page", async ({ page, context, baseURL }, testInfo) => {
  const day = quietDay();
  const paper = await listedPaper(day);
  await signInAdmin(context, baseURL!);
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
  const from = quietDay();
  const to = quietDay(400);
  const paper = await listedPaper(from);
  await signInAdmin(context, baseURL!);
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
  await signInAdmin(context, baseURL!);
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
