import { randomInt } from "node:crypto";
import { query } from "./support/db";
import { expect, test } from "./support/users";
import { PHONE } from "./support/tags";

// The defects a reader's walk through every page found (issue 12), each kept fixed.

/** A well-formed arXiv category no other test uses ("cs.Wkqzjx"). */
function uniqueCategory(): string {
  return `cs.W${Array.from({ length: 6 }, () => String.fromCharCode(97 + randomInt(0, 26))).join("")}`;
}

test("search highlighting keeps the spaces, and the header keeps the query", async ({ page }) => {
  await page.goto("/papers/search?q=world%20models");
  const first = page.getByRole("list", { name: "Search results" }).getByRole("listitem").first();
  await expect(first.getByRole("heading")).toHaveText("Conservative World Models");
  await expect(first.locator("mark")).toHaveText(["World", "Models"]);
  await expect(page.locator("#site-search")).toHaveValue("world models");
  await page.goto("/papers/search?q=deepseek");
  await expect(
    page.getByRole("heading", { name: "Medical Reasoning in LLMs: An In-Depth Analysis of DeepSeek R1" }),
  ).toBeVisible();
  await page.goto("/");
  await expect(page.locator("#site-search")).toHaveValue("");
});

test("weekly subscribers are told about the weekly digest, on the home page and in the preview", async ({
  page,
  users,
}) => {
  const user = await users.create();
  await query(
    `insert into "EmailPreference" ("userId", digest, "unsubscribeToken", "updatedAt") values ($1, 'WEEKLY', $2, now())`,
    [user.id, `walk-${user.id}`],
  );
  await user.signIn(page.context());
  await page.goto("/");
  const callout = page.getByRole("complementary", { name: "Email digest" });
  await expect(callout.getByRole("status")).toContainText("You get the weekly digest.");
  await expect(callout).not.toContainText("daily");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Preview this week's digest" }).click();
  await expect(page.getByText(/^Your weekly digest for the week of /)).toBeVisible();
  await expect(page.getByText(/daily digest/)).toHaveCount(0);
});

test("trending explains its order, and each card says how old it is", async ({ page }) => {
  await page.goto("/papers/trending");
  await expect(page.getByText(/ranked by upvotes ÷ \(hours since featured \+ 2\)/)).toBeVisible();
  await expect(page.locator("[data-paper-card]").first().locator("time")).toHaveText(
    /^featured (\d+ hours? ago|this hour|\d+ days ago|yesterday)$/,
  );
});

test("the date picker only offers days a list can have", async ({ page }) => {
  await page.goto("/");
  const picker = page.getByLabel("Go to date");
  await expect(picker).toHaveAttribute("min", "1991-08-01");
  const max = await picker.getAttribute("max");
  expect(max! > new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)).toBe(true);
  await picker.fill("2999-01-01");
  await page.getByRole("button", { name: "Go" }).click();
  // The browser refuses it in place; no trip to a 404.
  expect(await picker.evaluate((input: HTMLInputElement) => input.validity.rangeOverflow)).toBe(true);
  await expect(page).toHaveURL(/\/$/);
});

test("weekly and monthly previous / next skip weeks and months without papers", async ({ page }) => {
  const category = uniqueCategory();
  const ids = [`walk-${category}-a`, `walk-${category}-b`, `walk-${category}-c`];
  // 1996-W10 and 1996-W13, nothing in between (in this category); then nothing until June.
  for (const [id, day] of [
    [ids[0], "1996-03-06"],
    [ids[1], "1996-03-27"],
    [ids[2], "1996-06-12"],
  ] as const) {
    await query(
      `insert into "Paper" (id, title, abstract, authors, categories, "publishedAt", "updatedAt") values ($1, $1, 'x', array['A'], array[$2], now(), now())`,
      [id, category],
    );
    await query(`insert into "DailyPaper" ("paperId", day) values ($1, $2::date)`, [id, day]);
  }
  try {
    await page.goto(`/papers/week/1996-W10?category=${category}`);
    const next = page.getByRole("link", { name: `Next week with ${category} papers: 1996-W13` });
    await expect(next).toHaveAttribute("href", `/papers/week/1996-W13?category=${category}`);
    await next.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Week 1996-W13 in ${category}`);
    await expect(page.getByRole("link", { name: `Previous week with ${category} papers: 1996-W10` })).toBeVisible();

    await page.goto(`/papers/month/1996-03?category=${category}`);
    const nextMonth = page.getByRole("link", { name: `Next month with ${category} papers: June 1996` });
    await expect(nextMonth).toHaveAttribute("href", `/papers/month/1996-06?category=${category}`);
    await nextMonth.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`June 1996 in ${category}`);
    await expect(page.getByRole("link", { name: `Previous month with ${category} papers: March 1996` })).toBeVisible();
    // Nothing later in this category: no next month to go to.
    await expect(page.getByRole("link", { name: /^Next month/ })).toHaveCount(0);
  } finally {
    await query(`delete from "Paper" where id = any($1)`, [ids]);
  }
});

test("an author's name opens their page, and submitters link to theirs", async ({ page }) => {
  await page.goto("/papers/2501.12948");
  await page.getByRole("link", { name: "Daya Guo", exact: true }).click();
  await expect(page).toHaveURL(/\/authors\/Daya%20Guo$/);
  await expect(page.getByRole("heading", { level: 1, name: "Daya Guo" })).toBeVisible();
  await expect(page.getByRole("link", { name: /DeepSeek-R1: Incentivizing/ })).toBeVisible();
  // Other spellings are a search away.
  await page.getByRole("link", { name: "Search for “Daya Guo”" }).click();
  await expect(page).toHaveURL(/\/papers\/search\?q=%22Daya%20Guo%22$/);
  await expect(page.getByRole("link", { name: /DeepSeek-R1: Incentivizing/ })).toBeVisible();

  await page.goto("/papers/2501.12948");
  const submitter = page.locator("dd a[href^='/users/']");
  const href = await submitter.getAttribute("href");
  await submitter.click();
  await expect(page).toHaveURL(href!);
});

test("an author with no papers here gets a page that says so; a broken name is a 4xx", async ({ page }) => {
  const response = await page.goto("/authors/Nobody%20Wrote%20This");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "No papers by Nobody Wrote This here yet" })).toBeVisible();
  // A broken escape or a control character is refused before any page (the request gate, as everywhere); the
  // rest are no author's name.
  for (const refused of ["/authors/Daya%2", "/authors/Daya%00Guo", "/authors/Daya%01Guo"]) {
    expect((await page.request.get(refused)).status(), refused).toBe(400);
  }
  for (const broken of ["/authors/Daya%E2%80%AEGuo", `/authors/${"a".repeat(201)}`]) {
    expect((await page.request.get(broken)).status(), broken).toBe(404);
  }
});

test("math in abstracts is typeset", async ({ page }) => {
  await page.goto("/papers/2006.16236");
  await expect(page.locator(".katex").first()).toBeVisible();
  expect(await page.locator(".katex").count()).toBeGreaterThanOrEqual(3);
});

test("every page has a favicon", async ({ page, request }) => {
  await page.goto("/");
  const icons = await page
    .locator('link[rel="icon"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
  expect(icons.length).toBeGreaterThan(0);
  for (const href of [...icons, "/favicon.ico"]) expect((await request.get(href)).status(), href).toBe(200);
});

test("signing in to upvote says why, and the check-email page names the address and resends", async ({ page }) => {
  // A client of its own for the sign-in mail limits (10 links per client in 15 minutes).
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${randomInt(1, 255)}` });
  await page.goto("/papers/2501.12948");
  await page.getByRole("button", { name: /^Upvote/ }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await expect(page.getByRole("status").filter({ hasText: "Sign in to upvote." })).toBeVisible();

  const email = `walk-${randomInt(1e9)}@example.test`;
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText(`Sent to ${email} at`)).toBeVisible();
  const resend = page.getByRole("button", { name: "Send another link" });
  await resend.click();
  await expect(resend).toBeFocused();
  await expect(page.getByText(`Sent to ${email} at`)).toBeVisible();
  await query(`delete from "VerificationToken" where identifier = $1`, [email]);
});

test("Save keeps the keyboard focus and says it saved", async ({ page, users }) => {
  const user = await users.create();
  await user.signIn(page.context());
  await page.goto("/settings");
  await page.getByRole("radio", { name: /Weekly/ }).check();
  const save = page.getByRole("button", { name: "Save", exact: true });
  await save.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(save).toBeFocused();
});

test("phones get no keyboard hint they cannot use", { tag: PHONE }, async ({ page }, testInfo) => {
  await page.goto("/");
  const hint = page.locator("footer").getByText(/Press j\/k|to move between papers/);
  if (testInfo.project.name === "phone") await expect(hint).toBeHidden();
  else await expect(hint).toBeVisible();
});

test("a member on a 404 page is still signed in there (Next streams it without the page's member mark)", async ({
  page,
  users,
}) => {
  await (await users.create()).signIn(page.context());
  expect((await page.goto("/papers/2612.00000"))?.status()).toBe(404);
  await expect(page.getByRole("link", { name: /Your settings/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toHaveCount(0);
});
