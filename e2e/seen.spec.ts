import { expect, test } from "./support/users";
import { quietDay, testPapers } from "./support/papers";
import { dayPath } from "../lib/urls";

// Papers a member opened are marked "Seen" on every list, and "Hide seen" takes them out until it is turned off.

const papers = testPapers();
/** The seen spec's days are in 1997 (e2e/support/papers.ts). */
const YEAR = 1997;

test.afterAll(() => papers.deleteAll());

test("a member's opened papers say Seen on the list, and Hide seen hides them until turned off", async ({
  page,
  browser,
  users,
}) => {
  const day = quietDay(YEAR);
  const opened = await papers.listed(day, { title: "Seen walk: the opened one" });
  const unopened = await papers.listed(day, { title: "Seen walk: the other one" });
  await (await users.create()).signIn(page.context());

  await page.goto(dayPath(day));
  const cards = page.getByRole("list", { name: "Papers" });
  const card = (title: string) => cards.getByRole("listitem").filter({ hasText: title });
  await expect(card(opened.title)).toBeVisible();
  await expect(page.getByText("Seen", { exact: true })).toHaveCount(0);

  await card(opened.title).getByRole("link", { name: opened.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: opened.title })).toBeVisible();
  await page.goBack();
  await expect(card(opened.title).getByText("Seen", { exact: true })).toBeVisible();
  await expect(card(unopened.title).getByText("Seen", { exact: true })).toHaveCount(0);

  const hideSeen = page.getByRole("button", { name: "Hide seen" });
  await expect(hideSeen).toHaveAttribute("aria-pressed", "false");
  await hideSeen.click();
  await expect(hideSeen).toHaveAttribute("aria-pressed", "true");
  await expect(card(opened.title)).toBeHidden();
  await expect(card(unopened.title)).toBeVisible();

  // The choice holds on the next visit, from the server's record of what was seen.
  await page.reload();
  await expect(card(unopened.title)).toBeVisible();
  await expect(card(opened.title)).toBeHidden();
  await expect(page.getByRole("button", { name: "Hide seen" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Hide seen" }).click();
  await expect(card(opened.title)).toBeVisible();

  // A stranger's list has neither the mark nor the switch.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(dayPath(day));
  await expect(strangerPage.getByRole("link", { name: opened.title })).toBeVisible();
  await expect(strangerPage.getByText("Seen", { exact: true })).toHaveCount(0);
  await expect(strangerPage.getByRole("button", { name: "Hide seen" })).toHaveCount(0);
  await stranger.close();
});
