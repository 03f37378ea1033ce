import http from "node:http";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { query } from "./support/db";
import { LAB_URL } from "./support/lab-site";
import { quietDay, testPapers } from "./support/papers";
import { expect, test } from "./support/users";

// The lab site (SITE_ACCESS=members, e2e/support/lab-site.ts) on the suite's database: a stranger learns nothing
// of what it holds from any address; members read it as fast as ever; feed readers come in with a member's key.
// Its days are in 2007 (e2e/support/papers.ts).

const YEAR = 2007;
const papers = testPapers();
const HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

test.afterAll(() => papers.deleteAll());

/** A GET of `path` exactly as written, dots and escapes untouched. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(LAB_URL);
    const request = http.get({ hostname, port, path, headers: { accept: HTML } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
  });
}

let stranger: APIRequestContext;
test.beforeAll(async () => {
  stranger = await playwrightRequest.newContext({ baseURL: LAB_URL });
});
test.afterAll(() => stranger.dispose());

test("a stranger learns no paper, title, count or comment from any address", async () => {
  const day = quietDay(YEAR);
  const title = `Members-only secret ${Date.now()}`;
  const paper = await papers.listed(day, { title, authors: ["Secret Author"] });
  await query(`update "Paper" set "upvoteCount" = 7 where id = $1`, [paper.id]);

  const pages = [
    "/",
    `/papers/${paper.id}`,
    `/papers/date/${day}`,
    "/papers/trending",
    `/papers/search?q=${encodeURIComponent(title)}`,
    "/papers/for-you",
    `/authors/${encodeURIComponent("Secret Author")}`,
    "/collections",
    "/settings",
    "/no/such/page",
  ];
  for (const path of pages) {
    const answer = await stranger.get(path, { headers: { accept: HTML }, maxRedirects: 0 });
    expect(answer.status(), path).toBe(303);
    expect(answer.headers().location, path).toBe(`/signin?callbackUrl=${encodeURIComponent(path)}`);
    expect(await answer.text(), path).toBe("");
  }

  // Look-alikes of the sign-in page, sent as written (a browser would resolve the dots itself).
  for (const path of [`/signin/../papers/${paper.id}`, `/signin/%2e%2e/papers/${paper.id}`]) {
    const answer = await rawGet(path);
    expect(answer.status, path).toBe(303);
    expect(answer.body, path).not.toContain(title);
  }

  const machines: [string, Record<string, string>?][] = [
    [`/api/daily_papers?date=${day}`],
    [`/api/papers/${paper.id}`],
    [`/api/papers/${paper.id}/comments`],
    [`/api/viewer?papers=${paper.id}`],
    ["/api/recommendations"],
    [`/og/${paper.id}`],
    // Next's image optimizer would fetch the card inside the server, past the gate.
    [`/_next/image?url=${encodeURIComponent(`/og/${paper.id}`)}&w=1200&q=75`],
    ["/sitemap.xml"],
    ["/feeds/daily.xml"],
    [`/feeds/daily.atom?key=nobody.${"A".repeat(43)}`],
    [`/papers/${paper.id}.md`],
    [`/papers/${paper.id}.bib`],
    [`/papers/date/${day}.ris`],
    [`/papers/${paper.id}`, { accept: "text/markdown" }],
  ];
  for (const [path, headers] of machines) {
    const answer = await stranger.get(path, { headers, maxRedirects: 0 });
    expect(answer.status(), path).toBe(401);
    const body = await answer.text();
    expect(body, path).toMatch(/members/);
    expect(body, path).not.toContain(title);
    expect(answer.headers()["cache-control"], path).toBe("no-store");
  }
  // The same answer for a paper that exists and one that does not: not even existence is told.
  const missing = await stranger.get("/api/papers/2612.00001");
  expect(missing.status()).toBe(401);
  expect(await missing.text()).toBe(await (await stranger.get(`/api/papers/${paper.id}`)).text());

  const vote = await stranger.post("/api/upvotes", {
    data: { paperId: paper.id },
    headers: { origin: LAB_URL },
  });
  expect(vote.status()).toBe(401);
  expect(await vote.text()).not.toContain("7");

  const robots = await stranger.get("/robots.txt");
  expect(await robots.text()).toMatch(/Disallow: \/\s*$/m);
  expect(await robots.text()).not.toContain("sitemap");
});

test("a stranger is sent to sign in and comes back to the paper; a member reads it, privately cached", async ({
  page,
  context,
  users,
}) => {
  const day = quietDay(YEAR);
  const paper = await papers.listed(day);
  await page.goto(`${LAB_URL}/papers/${paper.id}`);
  await expect(page).toHaveURL(`${LAB_URL}/signin?callbackUrl=${encodeURIComponent(`/papers/${paper.id}`)}`);
  await expect(page.getByText("This site is for its members: sign in to read its papers.")).toBeVisible();
  await expect(page.getByText(paper.title)).toHaveCount(0);

  const member = await users.create();
  await member.signIn(context);
  const first = await page.goto(`${LAB_URL}/papers/${paper.id}`);
  await expect(page.getByRole("heading", { level: 1, name: paper.title })).toBeVisible();
  expect(first!.headers()["cache-control"]).toMatch(/^private\b/);
  // Served from the page cache, as on a public site: the gate only asked whether the cookie is a member's. (Other
  // specs' votes may refresh the stored page meanwhile: asked until it is served stored.)
  await expect
    .poll(async () => {
      const again = await context.request.get(`${LAB_URL}/papers/${paper.id}`);
      expect(again.headers()["cache-control"]).toMatch(/^private\b/);
      expect(again.headers().vary).toMatch(/Cookie/);
      return again.headers()["x-page-cache"];
    })
    .toBe("hit");
  const api = await context.request.get(`${LAB_URL}/api/papers/${paper.id}`);
  expect(api.status()).toBe(200);
  expect(((await api.json()) as { title: string }).title).toBe(paper.title);
});

test("a feed reader reads the feeds through a member's private address, until the member makes a new one", async ({
  page,
  context,
  users,
}) => {
  const member = await users.create();
  await member.signIn(context);
  await page.goto(`${LAB_URL}/settings#feeds`);
  const section = page.getByRole("region", { name: "Your feed addresses" });
  const rss = section.getByRole("textbox", { name: "Daily Papers (RSS)" });
  const address = await rss.inputValue();
  expect(address).toMatch(new RegExp(`^${LAB_URL}/feeds/daily\\.xml\\?key=${member.id}\\.[\\w-]{43}$`));

  const reader = await stranger.get(address);
  expect(reader.status()).toBe(200);
  expect(reader.headers()["content-type"]).toMatch(/rss/);
  expect(await reader.text()).toMatch(/^<\?xml[\s\S]*<rss/);
  const category = await stranger.get(`${address}&category=cs.CL`);
  expect(category.status()).toBe(200);
  expect(await category.text()).toContain("cs.CL");

  await section.getByRole("button", { name: "New addresses…" }).click();
  await section.getByRole("button", { name: "Make new addresses" }).click();
  await expect(section.getByRole("status")).toHaveText("New addresses made: the old ones no longer work.");
  const renewed = await rss.inputValue();
  expect(renewed).not.toBe(address);
  expect((await stranger.get(address)).status()).toBe(401);
  // Served stored, as every feed is (the key is taken out before the page cache sees the address:
  // lib/site-access/gate.test.ts).
  await expect
    .poll(async () => {
      const fresh = await stranger.get(renewed);
      expect(fresh.status()).toBe(200);
      return fresh.headers()["x-page-cache"];
    })
    .toBe("hit");
});
