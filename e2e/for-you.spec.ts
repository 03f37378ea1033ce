import { randomInt } from "node:crypto";
import { expect, test } from "./support/users";
import { quietDay, testPapers } from "./support/papers";
import { query } from "./support/db";

// For you: a stranger is asked to sign in, a member with nothing to go on is told how to start, and a member who
// upvoted a paper is shown a recent one like it, with the reason.

const papers = testPapers();
/** The For you spec's days are in 1993 (e2e/support/papers.ts). */
const YEAR = 1993;
const PATH = "/papers/for-you";

test.afterAll(() => papers.deleteAll());

test("a stranger is asked to sign in, and the header has no For you link", async ({ page }) => {
  await page.goto(PATH);
  await expect(page.getByRole("heading", { name: "Sign in to get papers picked for you" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Sign in" })).toHaveAttribute(
    "href",
    "/signin?callbackUrl=%2Fpapers%2Ffor-you",
  );
  await expect(page.getByRole("link", { name: "For you" })).toHaveCount(0);
});

test("a member with no upvotes, collections or follows is told how to get some", async ({ page, users }) => {
  await (await users.create()).signIn(page.context());
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "For you" }).first().click();
  await expect(page).toHaveURL(PATH);
  await expect(page.getByRole("heading", { name: "Nothing to go on yet" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Upvote papers you like, save them to a collection, or follow");
  await expect(page.getByRole("list", { name: "Papers" })).toHaveCount(0);
});

test("a member who upvoted a paper sees a recent one like it, saying why", async ({ page, users }) => {
  const word = `wombat${randomInt(1e6, 1e7)}`;
  const liked = await papers.listed(quietDay(YEAR), { title: `Burrow acoustics of the ${word} with echo maps` });
  const recent = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
  const related = await papers.listed(null, { title: `Echo maps for ${word} burrow acoustics`, announcedOn: recent });
  const unrelated = await papers.listed(null, { title: `Tidal pools of ${word}less moons`, announcedOn: recent });
  const member = await users.create();
  await query(`insert into "Upvote" ("userId", "paperId") values ($1, $2)`, [member.id, liked.id]);
  await member.signIn(page.context());

  await page.goto(PATH);
  const list = page.getByRole("list", { name: "Papers" });
  const card = list.getByRole("listitem").filter({ hasText: related.title });
  await expect(card).toBeVisible();
  await expect(card).toContainText(`Like “${liked.title}” you upvoted`);
  await expect(list.getByRole("link", { name: liked.title })).toHaveCount(0);
  await expect(list.getByRole("link", { name: unrelated.title })).toHaveCount(0);
});
