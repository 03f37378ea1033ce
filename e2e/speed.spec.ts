import { setTimeout as sleep } from "node:timers/promises";
import { randomInt } from "node:crypto";
import { expect, test } from "./support/users";
import { query } from "./support/db";

// Caching must never cost correctness: a vote, a change made outside the app and a pathological abstract.
const created: string[] = [];

test.afterAll(async () => {
  if (created.length) await query(`delete from "Paper" where id = any($1)`, [created]);
});

/** A paper with an id arXiv has not reached yet, optionally on the list of `day`. */
async function paper(abstract: string, day?: string): Promise<string> {
  const id = `2612.${String(randomInt(10_000, 99_999))}`;
  await query(
    `insert into "Paper" (id, title, abstract, authors, "publishedAt", "updatedAt") values ($1, $2, $3, array['A'], now(), now())`,
    [id, `E2E speed ${id}`, abstract],
  );
  created.push(id);
  if (day) await query(`insert into "DailyPaper" ("paperId", day) values ($1, $2::date)`, [id, day]);
  return id;
}

test("a vote answers its count, not a page, and the voter sees it on the next load", async ({ page, users }) => {
  const user = await users.create();
  await user.signIn(page.context());
  const id = await paper("An abstract.");
  // Seen once before the vote, so the paper page is in the cache the vote must not leave stale.
  await page.goto(`/papers/${id}`);
  // The vote's answer, measured on its way to the page.
  const answers: number[] = [];
  await page.route("**/api/upvotes", async (route) => {
    const response = await route.fetch();
    answers.push((await response.body()).length);
    await route.fulfill({ response });
  });
  await page.getByRole("button", { name: "Upvote (0 upvotes)" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Upvoted$/ })).toHaveCount(1);
  // The answer is the result, not the page rendered again (it was 25 KB per vote).
  expect(answers).toHaveLength(1);
  expect(answers[0]).toBeLessThan(2_000);

  await page.reload();
  await expect(page.getByRole("button", { name: "Remove upvote (1 upvotes)" })).toBeVisible();
});

test("a vote whose session expired since the page loaded is refused and not counted", async ({ page, users }) => {
  // Votes check the session by its row alone (lib/upvotes/mutations.ts): an expired row is no session.
  const user = await users.create();
  await user.signIn(page.context());
  const id = await paper("An abstract.");
  await page.goto(`/papers/${id}`);
  await expect(page.getByRole("button", { name: "Upvote (0 upvotes)" })).toBeVisible();
  // The page knows its reader (GET /api/viewer) before the session ends.
  await expect(page.getByRole("link", { name: /^Your settings/ })).toBeVisible();
  // Requests of the page that read the session through Auth.js (the router's prefetches of signed-in pages, the
  // Seen note) renew it when it is due (`updateAge`): one that read it before the update may write after it. So
  // the session is ended until it stays ended for half a second.
  await expect
    .poll(async () => {
      await query(`update "Session" set expires = now() - interval '1 second' where "userId" = $1`, [user.id]);
      await sleep(500);
      const [row] = await query<{ ended: boolean }>(
        `select expires < now() as ended from "Session" where "userId" = $1`,
        [user.id],
      );
      // Auth.js deletes a session it finds expired: gone is ended too.
      return row ? row.ended : true;
    })
    .toBe(true);
  await page.getByRole("button", { name: "Upvote (0 upvotes)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sign in to upvote." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Upvote (0 upvotes)" })).toBeVisible();
  const [row] = await query<{ votes: string }>(`select count(*)::text as votes from "Upvote" where "paperId" = $1`, [
    id,
  ]);
  expect(row!.votes).toBe("0");
});

test("a paper added outside the app shows on the cached day at once", async ({ page }) => {
  // A day in 2004 no other spec uses, different for each run.
  const day = new Date(Date.UTC(2004, 0, 1) + randomInt(0, 360) * 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/papers/date/${day}`);
  await expect(page.getByRole("heading", { name: "No papers on this day" })).toBeVisible();
  // query() tells the app, as an import does (lib/page-cache/revalidate.ts).
  const id = await paper("An abstract.", day);
  await page.goto(`/papers/date/${day}`);
  await expect(page.getByRole("link", { name: `E2E speed ${id}` })).toBeVisible();
});

test("the revalidation endpoint needs its token", async ({ request }) => {
  const refused = await request.post("/api/revalidate", { data: { tags: ["papers"] } });
  expect(refused.status()).toBe(401);
  const forged = await request.post("/api/revalidate", {
    headers: { Authorization: "Bearer not-the-token" },
    data: { tags: ["papers"] },
  });
  expect(forged.status()).toBe(401);
});

test("an abstract of 48k characters of math makes a page of bounded size", async ({ page, request }) => {
  const formula = "Let $\\sum_{i=1}^{n} \\frac{x_i^2}{\\sqrt{y_i}} \\leq \\int_0^1 f(t)\\,dt$ hold. ";
  const abstract = formula.repeat(Math.ceil(48_000 / formula.length)).slice(0, 48_000);
  const id = await paper(abstract);
  const response = await request.get(`/papers/${id}`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  // Every formula typeset made 14.7 MB; the page shows the first 5,000 characters and links to arXiv.
  expect(html.length).toBeLessThan(1_500_000);
  await page.goto(`/papers/${id}`);
  await expect(page.getByText("This abstract is shortened here.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Read it in full on arXiv" })).toHaveAttribute(
    "href",
    `https://arxiv.org/abs/${id}`,
  );
});

test.describe("the page cache", () => {
  test("serves strangers and members the same stored page; a member's own part is one small request", async ({
    request,
    users,
    browser,
  }) => {
    const id = await paper("An abstract.");
    // Other tests running beside this one add papers and moderate, which empties the cache now and then:
    // the pair is tried again when that happened between its two requests.
    const user = await users.create();
    const context = await browser.newContext();
    await user.signIn(context);
    await expect(async () => {
      const first = await request.get(`/papers/${id}`);
      const second = await request.get(`/papers/${id}`);
      const member = await context.request.get(`/papers/${id}`);
      expect(second.headers()["x-page-cache"]).toBe("hit");
      expect(member.headers()["x-page-cache"]).toBe("hit");
      const page = await second.text();
      expect(await first.text()).toBe(page);
      // The member's copy differs only in its root's mark, which tells the page to ask for their part.
      const memberPage = await member.text();
      expect(page).toContain('data-viewer="guest"');
      expect(memberPage).toBe(page.replace('data-viewer="guest"', 'data-viewer="member"'));
      expect(member.headers()["etag"]).not.toBe(second.headers()["etag"]);
      expect(member.headers()["content-security-policy"]).toBe(second.headers()["content-security-policy"]);
    }).toPass({ timeout: 15_000 });

    // In the browser: one request for the member's own part, and their name and vote on the page.
    const page = await context.newPage();
    const asked: string[] = [];
    page.on("request", (sent) => {
      if (new URL(sent.url()).pathname === "/api/viewer") asked.push(sent.url());
    });
    await query(`insert into "Upvote" ("userId", "paperId") values ($1, $2)`, [user.id, id]);
    await query(`update "Paper" set "upvoteCount" = 1 where id = $1`, [id]);
    await page.goto(`/papers/${id}`);
    await expect(page.getByRole("link", { name: /^Your settings/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "Remove upvote (1 upvotes)" })).toBeVisible();
    expect(asked).toHaveLength(1);
    expect(new URL(asked[0]!).searchParams.get("papers")).toBe(id);
    const answer = await context.request.get(`/api/viewer?papers=${id}`);
    expect(answer.headers()["cache-control"]).toBe("private, no-store");
    expect(await answer.json()).toMatchObject({ signedIn: true, upvoted: [id], counts: { [id]: 1 } });
    // A stranger's page asks nothing.
    const stranger = await browser.newPage();
    let strangerAsked = 0;
    stranger.on("request", (sent) => {
      if (new URL(sent.url()).pathname === "/api/viewer") strangerAsked += 1;
    });
    await stranger.goto(`/papers/${id}`);
    await expect(stranger.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
    // Their count is the stored page's: it may be from before the vote written behind the app's back.
    await expect(stranger.getByRole("button", { name: /^Upvote \([01] upvotes\)$/ })).toBeVisible();
    expect(strangerAsked).toBe(0);
    await stranger.close();
    await context.close();
  });

  test("a cached page runs its own scripts, and a script slipped into it does not run", async ({ page, request }) => {
    // "stale" when another test's vote just marked it: still the stored page, with the same policy. Tried
    // again when another test's import or moderation emptied the cache between the two requests.
    let cached = await request.get("/papers/trending");
    await expect(async () => {
      cached = await request.get("/papers/trending");
      expect(cached.headers()["x-page-cache"]).toMatch(/^(hit|stale)$/);
    }).toPass({ timeout: 15_000 });
    const scripts = /(?:^|; )(script-src [^;]*)/.exec(cached.headers()["content-security-policy"]!)?.[1];
    // The nonce is traded for the hashes of the page's own inline scripts.
    expect(scripts).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
    // The same answer with an injected script, as stored XSS would put it there.
    await page.route("**/papers/trending", async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        "</main>",
        "<script>window.__pwned = 1</script><img src=x onerror='window.__pwned = 2'></main>",
      );
      await route.fulfill({ response, body });
    });
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/.test(message.text())) violations.push(message.text());
    });
    await page.goto("/papers/trending");
    // Next.js hydrated (its inline scripts ran): j moves the focus to a paper. A key pressed before hydration
    // finishes meets no listener, so it is pressed again until one answers; it never would if the scripts were blocked.
    await expect(async () => {
      await page.keyboard.press("j");
      await expect(page.locator("[data-paper-card] h2 a:focus")).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 15_000 });
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(violations.length).toBeGreaterThanOrEqual(1);
  });

  test("a member's vote reaches signed-out readers' cached page within seconds", async ({ page, users, browser }) => {
    const id = await paper("An abstract.", "2004-12-31");
    const reader = await browser.newContext();
    const anonymous = await reader.newPage();
    await anonymous.goto(`/papers/${id}`);
    await expect(anonymous.getByRole("button", { name: "Upvote (0 upvotes)" })).toBeVisible();

    const user = await users.create();
    await user.signIn(page.context());
    await page.goto(`/papers/${id}`);
    await page.getByRole("button", { name: "Upvote (0 upvotes)" }).click();
    await expect(page.getByRole("status").filter({ hasText: /^Upvoted$/ })).toHaveCount(1);

    // The stored page went stale with the vote: a reader may get it once more while it is rendered again.
    await expect(async () => {
      await anonymous.reload();
      await expect(anonymous.getByRole("button", { name: "Upvote (1 upvotes)" })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
    await reader.close();
  });
});
