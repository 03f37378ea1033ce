import { expect, test } from "./support/users";
import { quietDay, testPapers } from "./support/papers";
import { dayPath, paperPath } from "../lib/urls";

// A member saves papers into collections from a list and from a paper's page without a reload, arranges and
// annotates them, exports them, and chooses who may read them.

const papers = testPapers();
/** The collections spec's days are in 1995 (e2e/support/papers.ts). */
const YEAR = 1995;

test.afterAll(() => papers.deleteAll());

test("a member saves, arranges, annotates and exports a collection; strangers see it only once it is public", async ({
  page,
  browser,
  users,
}) => {
  // A whole walk (two saves, a reorder, a note, an export, a stranger before and after sharing): over 30 s when
  // the machine is busy.
  test.slow();
  const day = quietDay(YEAR);
  const first = await papers.listed(day, { title: "Collections walk: first paper", authors: ["Ada Lovelace"] });
  const second = await papers.listed(day, { title: "Collections walk: second paper" });
  const owner = await users.create();
  await owner.signIn(page.context());

  // From a card on a day's list: a new collection with the paper in it.
  await page.goto(dayPath(day));
  const card = page.getByRole("listitem").filter({ hasText: first.title });
  await card.getByRole("button", { name: "Save" }).click();
  const menu = page.getByRole("dialog", { name: "Save to a collection" });
  await expect(menu.getByText("No collections yet")).toBeVisible();
  await menu.getByLabel("New collection's name").fill("Related work");
  await menu.getByRole("button", { name: "Create" }).click();
  await expect(menu.getByText("Saved to the new collection “Related work”.")).toBeVisible();
  await expect(menu.getByRole("checkbox", { name: "Related work" })).toBeChecked();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();

  // From a paper's page: tick the collection.
  await page.goto(paperPath(second.id));
  await page.getByRole("button", { name: "Save" }).click();
  await menu.getByRole("checkbox", { name: "Related work" }).check();
  await expect(menu.getByText("Saved to “Related work”.")).toBeVisible();

  // The collection, in the order the papers were saved; then the second moved up, with a note.
  await page.goto("/collections");
  await page.getByRole("link", { name: "Related work" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Related work" })).toBeVisible();
  const titles = page.getByRole("list", { name: "Papers" }).getByRole("heading", { level: 2 });
  await expect(titles).toHaveText([first.title, second.title]);
  await page.getByRole("button", { name: `Move “${second.title}” up` }).click();
  await expect(titles).toHaveText([second.title, first.title]);
  const secondItem = page.getByRole("listitem").filter({ hasText: second.title });
  await secondItem.getByRole("button", { name: "Add note" }).click();
  await secondItem.getByLabel("Your note").fill("Read **first**. <img src=x onerror=alert(1)>");
  await secondItem.getByRole("button", { name: "Save note" }).click();
  await expect(secondItem.locator("strong", { hasText: "first" })).toBeVisible();
  await expect(secondItem.getByText("<img src=x onerror=alert(1)>")).toBeVisible();
  const collectionUrl = page.url();

  // Its BibTeX export, in its order, as arXiv writes entries.
  const bib = await page.request.get(`${collectionUrl}.bib`);
  expect(bib.status()).toBe(200);
  expect(bib.headers()["content-type"]).toContain("application/x-bibtex");
  const text = await bib.text();
  expect(text.indexOf(`eprint = {${second.id}}`)).toBeGreaterThan(-1);
  expect(text.indexOf(`eprint = {${second.id}}`)).toBeLessThan(text.indexOf(`eprint = {${first.id}}`));
  expect(text).toContain("archivePrefix = {arXiv}");

  // Private: a stranger, and their export, get the same 404 as a collection that does not exist.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  expect((await strangerPage.goto(collectionUrl))!.status()).toBe(404);
  expect((await strangerPage.request.get(`${collectionUrl}.csl.json`)).status()).toBe(404);

  // Public: anyone reads it and its export.
  await page.getByText("Edit collection").click();
  await page.getByLabel("Public: anyone with the link").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByText("Public", { exact: true })).toBeVisible();
  expect((await strangerPage.goto(collectionUrl))!.status()).toBe(200);
  await expect(strangerPage.getByRole("heading", { level: 1, name: "Related work" })).toBeVisible();
  await expect(strangerPage.getByRole("button", { name: "Add note" })).toHaveCount(0);
  const csl = (await (await strangerPage.request.get(`${collectionUrl}.csl.json`)).json()) as { id: string }[];
  expect(csl.map((item) => item.id)).toEqual([second.id, first.id]);
  await stranger.close();
});

test("a paper's page and a day's list export as citations; wrong addresses are 404s", async ({ page, request }) => {
  const day = quietDay(YEAR, 1);
  const paper = await papers.listed(day, { title: "Citations walk: Large Language Models", authors: ["Alan Turing"] });
  await page.goto(paperPath(paper.id));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "BibTeX" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${paper.id}.bib`);

  const ris = await request.get(`${paperPath(paper.id)}.ris`);
  expect(ris.headers()["content-type"]).toContain("application/x-research-info-systems");
  expect(await ris.text()).toContain("AU  - Turing, Alan");
  const dayBib = await (await request.get(`${dayPath(day)}.bib`)).text();
  expect(dayBib).toContain(`eprint = {${paper.id}}`);
  // Capitals are braced so styles keep them (a subtitle's first word is capitalised by styles anyway).
  expect(dayBib).toContain("title = {Citations walk: Large {Language} {Models}}");

  for (const path of [
    "/papers/2612.00000.bib",
    "/papers/date/1995-02-30.bib",
    "/collections/nosuchone.ris",
    "/users/no-such-user-x/upvoted.bib",
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test("a stranger is sent to sign in for their collections and sees no Save", async ({ page }) => {
  await page.goto("/collections");
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
});

test("a member imports a BibTeX library into a collection of its arXiv papers here", async ({ page, users }) => {
  const day = quietDay(YEAR, 2);
  const paper = await papers.listed(day, { title: "Import walk: a paper in my library" });
  await (await users.create()).signIn(page.context());
  await page.goto("/collections");
  const bib = `@misc{mine, title={Mine}, eprint={${paper.id}}, archivePrefix={arXiv}}\n@book{other, title={A book}}\n@article{elsewhere, journal={arXiv preprint arXiv:2612.00001}}\n`;
  await page.getByLabel("File (.bib, .ris or CSL-JSON)").setInputFiles({
    name: "My Library.bib",
    mimeType: "application/x-bibtex",
    buffer: Buffer.from(bib),
  });
  await page.getByRole("button", { name: "Import" }).click();
  const outcome = page.getByRole("status").filter({ hasText: "entries" });
  await expect(outcome).toContainText(
    "3 entries, 2 on arXiv: 1 paper in “My Library”. Not on this site yet: 2612.00001.",
  );
  await outcome.getByRole("link", { name: "1 paper in “My Library”" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My Library" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Papers" }).getByRole("heading", { level: 2 })).toHaveText([paper.title]);

  await page.goto("/collections");
  await page.getByLabel("File (.bib, .ris or CSL-JSON)").setInputFiles({
    name: "broken.bib",
    mimeType: "application/x-bibtex",
    buffer: Buffer.from("@article{a, title={unclosed"),
  });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("That file could not be read as BibTeX")).toBeVisible();
});
