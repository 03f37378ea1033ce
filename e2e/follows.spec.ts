import { randomInt } from "node:crypto";
import { expect, test } from "./support/users";
import { quietDay, testPapers } from "./support/papers";
import { authorPath, dayPath } from "../lib/urls";

// Follow an author from their page, see it in settings, mute a keyword there, see the matching card leave a
// list, unmute it and see it back.

/** The follows spec's day is in 1994 (e2e/support/papers.ts), and its names carry this run's number. */
const day = quietDay(1994);
const run = randomInt(100_000, 999_999);
const author = `Follow Walker ${run}`;
const papers = testPapers();
test.afterAll(() => papers.deleteAll());

test("a member follows an author, mutes a keyword that hides a card from a list, and unmutes it", async ({
  page,
  users,
}) => {
  const byAuthor = await papers.listed(day, { title: `Follows walk ${run}: by the author`, authors: [author] });
  const muted = await papers.listed(day, { title: `Follows walk ${run}: on Quokka habitats` });
  await (await users.create()).signIn(page.context());

  await page.goto(authorPath(author));
  await expect(page.getByRole("link", { name: byAuthor.title })).toBeVisible();
  const follow = page.getByRole("button", { name: "Follow" });
  await expect(follow).toHaveAttribute("aria-pressed", "false");
  // Until the member's state arrives the button waits (aria-disabled): a press then would guess.
  await expect(follow).toHaveAttribute("aria-disabled", "false");
  await follow.click();
  await expect(page.getByRole("button", { name: "Following" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("status").filter({ hasText: `Following ${author}.` })).toBeVisible();
  // From the member's own state on the next visit too (the page itself is the same for everyone).
  await page.reload();
  await expect(page.getByRole("button", { name: "Following" })).toHaveAttribute("aria-pressed", "true");

  // A name with no papers here may be followed, and the member is told so.
  const nobody = `Nobody Yet ${run}`;
  await page.goto(authorPath(nobody));
  await expect(page.getByRole("button", { name: "Follow" })).toHaveAttribute("aria-disabled", "false");
  await page.getByRole("button", { name: "Follow" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `No papers by ${nobody} here yet — you'll hear when one arrives.` }),
  ).toBeVisible();

  await page.goto("/settings");
  const follows = page.getByRole("group", { name: "You follow" });
  await expect(follows.getByRole("link", { name: author })).toBeVisible();
  await expect(follows.getByRole("link", { name: nobody })).toBeVisible();

  const mutes = page.getByRole("group", { name: "You mute" });
  await expect(mutes.getByText("Nothing muted.")).toBeVisible();
  await mutes.getByLabel("Kind").selectOption("KEYWORD");
  await mutes.getByLabel("Keyword or phrase").fill("  Quokka   HABITATS ");
  await mutes.getByRole("button", { name: "Mute", exact: true }).click();
  await expect(mutes.getByRole("status").filter({ hasText: "Muted “quokka habitats”" })).toBeVisible();
  await expect(mutes.getByRole("button", { name: "Unmute “quokka habitats”" })).toBeVisible();
  // Refused input says why, and keeps what was typed.
  await mutes.getByLabel("Kind").selectOption("CATEGORY");
  await mutes.getByLabel("arXiv category").fill("not a category!");
  await mutes.getByRole("button", { name: "Mute", exact: true }).click();
  await expect(mutes.getByRole("status").filter({ hasText: "arXiv category such as cs.CL" })).toBeVisible();
  await expect(mutes.getByLabel("arXiv category")).toHaveValue("not a category!");

  await page.goto(dayPath(day));
  const cards = page.getByRole("list", { name: "Papers" });
  const card = (title: string) => cards.getByRole("listitem").filter({ hasText: title });
  await expect(card(byAuthor.title)).toBeVisible();
  await expect(page.getByText("1 paper hidden by your mutes")).toBeVisible();
  await expect(card(muted.title)).toBeHidden();
  // j/k walk the cards shown only.
  await page.keyboard.press("j");
  await expect(page.getByRole("link", { name: byAuthor.title })).toBeFocused();
  await page.keyboard.press("j");
  await expect(page.getByRole("link", { name: byAuthor.title })).toBeFocused();

  await page.getByRole("link", { name: "Manage" }).click();
  await expect(page).toHaveURL(/\/settings/);
  await page.getByRole("button", { name: "Unmute “quokka habitats”" }).click();
  await expect(page.getByRole("group", { name: "You mute" }).getByText("Nothing muted.")).toBeVisible();

  await page.goto(dayPath(day));
  await expect(card(muted.title)).toBeVisible();
  await expect(page.getByText(/hidden by your mutes/)).toHaveCount(0);
});
