import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { query } from "./support/db";
import { linkIn, waitForMail } from "./support/mail";
import { expect, test } from "./support/users";
import { keepScreenshot } from "./support/screenshots";

const firstCard = (page: Page) => page.locator("[data-paper-card]").first();

test("a new reader signs in from the email link, votes, subscribes, changes the digest, unsubscribes and leaves", async ({
  page,
}, testInfo) => {
  // The longest walk of the suite (mail, sign-in, votes, settings, deletion); on a slow machine it took 31 s, once.
  test.slow();
  const email = `walkthrough-${randomUUID()}@example.test`;

  // Subscribe from the feed's call to action while signed out: sign-in comes first.
  await page.goto("/");
  await expect(page.getByText("Get trending papers in your email inbox once a day!")).toBeVisible();
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F$/);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  // The real message, as the SMTP server received it.
  const mail = await waitForMail(email, { subject: /Sign in to Daily Papers/ });
  const link = linkIn(mail, new URL(page.url()).origin + "/api/auth/callback/nodemailer");
  await page.goto(link);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("status").filter({ hasText: "You're subscribed to the daily digest." })).toBeVisible();
  await expect(page.getByRole("link", { name: /Your settings/ })).toBeVisible();

  const [user] = await query<{ id: string }>(`select id from "User" where email = $1`, [email]);
  expect(user).toBeDefined();
  expect(
    (await query<{ digest: string }>(`select digest from "EmailPreference" where "userId" = $1`, [user!.id]))[0]
      ?.digest,
  ).toBe("DAILY");

  // Session cookie: HttpOnly, SameSite=Lax.
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");

  // Upvote and un-upvote the first paper; the count follows and survives a reload.
  const button = firstCard(page).getByRole("button", { name: /Upvote \(\d+ upvotes\)/ });
  const before = Number(/\((\d+) upvotes/.exec((await button.textContent()) ?? "")?.[1]);
  await button.click();
  const pressed = firstCard(page).getByRole("button", { name: `Remove upvote (${before + 1} upvotes)` });
  await expect(pressed).toHaveAttribute("aria-pressed", "true");
  await expect(
    firstCard(page)
      .getByRole("status")
      .filter({ hasText: /^Upvoted$/ }),
  ).toHaveCount(1);
  await page.reload();
  await expect(firstCard(page).getByRole("button", { name: `Remove upvote (${before + 1} upvotes)` })).toBeVisible();
  await firstCard(page)
    .getByRole("button", { name: /Remove upvote/ })
    .click();
  await expect(firstCard(page).getByRole("button", { name: `Upvote (${before} upvotes)` })).toHaveAttribute(
    "aria-pressed",
    "false",
  );

  // Weekly instead of daily.
  await page.goto("/settings");
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByText("verified", { exact: true })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Daily/ })).toBeChecked();
  await page.getByRole("radio", { name: /Weekly/ }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("radio", { name: /Weekly/ })).toBeChecked();
  await keepScreenshot(() => page.screenshot({ path: testInfo.outputPath("settings.png"), fullPage: true }));

  // Unsubscribe through the link every digest carries (works without a session).
  const [{ token }] = (await query<{ token: string }>(
    `select "unsubscribeToken" as token from "EmailPreference" where "userId" = $1`,
    [user!.id],
  )) as [{ token: string }];
  const anonymous = await page.context().browser()!.newPage();
  await anonymous.goto(`/api/unsubscribe/${token}`);
  await expect(anonymous).toHaveURL(new RegExp(`/unsubscribe/${token}$`));
  await expect(anonymous.getByRole("heading", { name: "Unsubscribe from Daily Papers digests?" })).toBeVisible();
  await anonymous.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(anonymous.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
  await anonymous.close();
  await page.reload();
  await expect(page.getByRole("radio", { name: /Off/ })).toBeChecked();

  // Delete the account: user, sessions and preferences go; the counts stay exact.
  await page.getByLabel(/Type delete/).fill("delete");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/\?account=deleted$/);
  await expect(page.getByRole("status").filter({ hasText: "Your account is deleted" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await query(`select 1 from "User" where id = $1`, [user!.id])).toHaveLength(0);
  expect(await query(`select 1 from "Session" where "userId" = $1`, [user!.id])).toHaveLength(0);
  expect(await query(`select 1 from "EmailPreference" where "userId" = $1`, [user!.id])).toHaveLength(0);
  expect(
    await query(
      `select id from "Paper" p where "upvoteCount" <> (select count(*) from "Upvote" u where u."paperId" = p.id)`,
    ),
  ).toHaveLength(0);
});

test("a signed-out upvote leads to sign-in and is cast on the way back", async ({ page, users }) => {
  const user = await users.create();
  await page.goto("/papers/2104.07857");
  const [{ upvoteCount: before }] = (await query<{ upvoteCount: number }>(
    `select "upvoteCount" from "Paper" where id = '2104.07857'`,
  )) as [{ upvoteCount: number }];
  await page.getByRole("button", { name: /^Upvote/ }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fpapers%2F2104\.07857$/);
  await user.signIn(page.context());
  await page.goto("/papers/2104.07857");
  await expect(page.getByRole("button", { name: `Remove upvote (${before + 1} upvotes)` })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Upvoted$/ })).toHaveCount(1);
  expect(
    await query(`select 1 from "Upvote" where "userId" = $1 and "paperId" = '2104.07857'`, [user.id]),
  ).toHaveLength(1);
});

test("votes are rate-limited with a clear message", async ({ page, users }) => {
  const user = await users.create();
  await user.signIn(page.context());
  await page.goto("/papers/2210.00640");
  // The suite runs with the default UPVOTE_RATE_LIMIT of 30 toggles per minute.
  const limited = page.getByRole("status").filter({ hasText: /voting very fast/ });
  for (let i = 0; i < 40 && (await limited.count()) === 0; i++) {
    await page
      .getByRole("button", { name: /upvote/i })
      .first()
      .click();
    await expect(page.getByRole("button", { name: /upvote/i }).first()).not.toHaveAttribute("aria-busy", "true");
  }
  await expect(
    page.getByRole("status").filter({ hasText: /You are voting very fast\. Try again in \d+ s\./ }),
  ).toBeVisible();
  const [{ rows, count }] = (await query<{ rows: string; count: number }>(
    `select (select count(*) from "Upvote" where "paperId" = '2210.00640')::text as rows, "upvoteCount" as count from "Paper" where id = '2210.00640'`,
  )) as [{ rows: string; count: number }];
  expect(Number(rows)).toBe(count);
});

test.describe("security", () => {
  test("pages send security headers with a nonce-based CSP, or hashes when served from the page cache", async ({
    request,
  }) => {
    // Rendered for this request (search is never cached): a fresh nonce.
    const rendered = await request.get("/papers/search?q=reasoning");
    expect(rendered.headers()["content-security-policy"]).toMatch(
      /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/,
    );
    // A page served to every signed-out reader: the hashes of its own inline scripts (e2e/speed.spec.ts).
    await request.get("/");
    const response = await request.get("/");
    const headers = response.headers();
    expect(headers["x-page-cache"]).toBe("hit");
    expect(headers["content-security-policy"]).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });

  test("a tampered unsubscribe token is refused", async ({ page, request }) => {
    const forged = "A".repeat(43);
    expect(
      (await request.post(`/api/unsubscribe/${forged}`, { form: { "List-Unsubscribe": "One-Click" } })).status(),
    ).toBe(404);
    expect((await request.post(`/api/unsubscribe/not-a-token`)).status()).toBe(404);
    await page.goto(`/unsubscribe/${forged}`);
    await expect(page.getByRole("heading", { name: "This unsubscribe link is not valid" })).toBeVisible();
  });

  test("one-click unsubscribe (RFC 8058) works with the real token and no session", async ({ request, users }) => {
    const user = await users.create();
    const token = "b".repeat(43);
    await query(
      `insert into "EmailPreference" ("userId", digest, "unsubscribeToken", "updatedAt") values ($1, 'DAILY', $2, now())`,
      [user.id, token],
    );
    const response = await request.post(`/api/unsubscribe/${token}`, { form: { "List-Unsubscribe": "One-Click" } });
    expect(response.status()).toBe(200);
    expect(
      (await query<{ digest: string }>(`select digest from "EmailPreference" where "userId" = $1`, [user.id]))[0]
        ?.digest,
    ).toBe("OFF");
  });

  test("settings and its actions need a session", async ({ page }) => {
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings$/);
    await expect(page.getByRole("status").filter({ hasText: "Sign in to see your settings." })).toBeVisible();
  });

  test("the vote endpoint refuses a signed-out request, a cross-site one and one that is not JSON", async ({
    page,
    users,
    request,
  }) => {
    const user = await users.create();
    await user.signIn(page.context());
    await page.goto("/papers/2409.04206");
    // Capture the real upvote request the page makes, then replay it the wrong ways.
    const [voteRequest] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/api/upvotes")),
      page.getByRole("button", { name: /^Upvote/ }).click(),
    ]);
    await expect(page.getByRole("status").filter({ hasText: /^Upvoted$/ })).toHaveCount(1);
    const target = voteRequest.url();
    const origin = new URL(target).origin;
    const undo = (voteRequest.postData() ?? "").replace("true", "false");
    const ownVote = () => query(`select 1 from "Upvote" where "userId" = $1 and "paperId" = '2409.04206'`, [user.id]);
    expect(await ownVote()).toHaveLength(1);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

    const signedOut = await request.post(target, {
      headers: { "content-type": "application/json", origin },
      data: undo,
    });
    expect(signedOut.status()).toBe(401);
    expect(await signedOut.json()).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });

    const crossSite = await request.post(target, {
      headers: { "content-type": "application/json", origin: "https://evil.example", cookie },
      data: undo,
    });
    expect(crossSite.status()).toBe(403);

    // What a form on another site could send: not JSON.
    const notJson = await request.post(target, {
      headers: { "content-type": "text/plain", origin, cookie },
      data: undo,
    });
    expect(notJson.status()).toBe(400);

    // The replayed "remove my upvote" was refused each time: the vote is still there.
    expect(await ownVote()).toHaveLength(1);
  });
});
