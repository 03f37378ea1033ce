import { randomInt, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { query } from "./support/db";
import { LAB_URL } from "./support/lab-site";
import { linkIn, mailCount, waitForMail } from "./support/mail";
import { expect, signInAsAdmin, test } from "./support/users";

/**
 * The lab site (playwright.config.ts) takes sign-in by email from addresses at lab.e2e.test, the admins, and the
 * addresses an admin invited: anyone else is told so, and is sent nothing.
 */
const REFUSED = "Sign-in here is for addresses at lab.e2e.test, or by invitation: ask an admin.";

test.beforeEach(async ({ page }) => {
  // Each test is its own client for the sign-in limits (the suite plays the one trusted proxy).
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${randomInt(1, 255)}` });
});

test("an address outside the lab's domain is refused with a sentence, and no mail is sent to it", async ({ page }) => {
  const email = `outsider-${randomUUID().slice(0, 8)}@lab.e2e.test.evil.example`;
  await page.goto(`${LAB_URL}/signin`);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status").filter({ hasText: REFUSED })).toBeVisible();
  await expect(page).toHaveURL(`${LAB_URL}/signin`);

  // Auth.js's own endpoint, posted as its form does (with its CSRF token), refuses the same address.
  const { csrfToken } = (await (await page.request.get(`${LAB_URL}/api/auth/csrf`)).json()) as { csrfToken: string };
  const post = await page.request.post(`${LAB_URL}/api/auth/signin/nodemailer`, {
    form: { email, csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(302);
  expect(post.headers().location).toBe("/signin?error=NotAllowed");
  await page.goto(`${LAB_URL}${post.headers().location}`);
  await expect(page.getByRole("alert").filter({ hasText: REFUSED })).toBeVisible();

  // Give a stray mail the time to arrive: none does.
  await sleep(1500);
  expect(mailCount(email)).toBe(0);
  expect(await query(`select 1 from "VerificationToken" where identifier = $1`, [email])).toEqual([]);
});

test("an admin invites an outside address: it gets the invitation, signs in, and the invitation shows it", async ({
  page,
  context,
}) => {
  // Admins' tests share the one admin address and its audit log; this one reads only its own rows.
  test.slow();
  const email = `guest-${randomUUID().slice(0, 8)}@elsewhere.e2e.test`;
  try {
    await signInAsAdmin(context, LAB_URL);
    await page.goto(`${LAB_URL}/admin#invitations`);
    const invitations = page.getByRole("region", { name: "Invitations" });
    await invitations.getByLabel("Email address").fill(email.toUpperCase());
    await invitations.getByRole("button", { name: "Invite" }).click();
    await expect(invitations.getByRole("status").first()).toHaveText(
      `${email} is invited and has been sent a link to sign in.`,
    );
    await expect(invitations.getByRole("list", { name: "Invitations" }).getByText(email)).toBeVisible();
    expect(
      await query(`select action from "AdminAction" where "adminId" = 'e2e_admin' and "targetId" = $1`, [email]),
    ).toEqual([{ action: "invite" }]);

    const invitation = await waitForMail(email, { subject: /You are invited to Daily Papers/ });
    const signInPage = linkIn(invitation, `${LAB_URL}/signin`);
    await context.clearCookies();

    await page.goto(signInPage);
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    const mail = await waitForMail(email, { subject: /Sign in to Daily Papers/ });
    await page.goto(linkIn(mail, `${LAB_URL}/api/auth/callback/nodemailer`));
    await expect(page).toHaveURL(`${LAB_URL}/`);
    const [invite] = await query<{ used: boolean }>(
      `select "usedAt" is not null as used from "Invite" where email = $1`,
      [email],
    );
    expect(invite).toEqual({ used: true });

    // Revoked, the address is a stranger again, signed out everywhere (its session ends with the invitation).
    const cookies = await context.cookies();
    await context.clearCookies();
    await signInAsAdmin(context, LAB_URL);
    await page.goto(`${LAB_URL}/admin#invitations`);
    await page.getByRole("button", { name: `Revoke the invitation of ${email}` }).click();
    const entry = invitations
      .getByRole("list", { name: "Invitations" })
      .getByRole("listitem")
      .filter({ hasText: email });
    await expect(entry.getByRole("status")).toHaveText(
      `The invitation of ${email} is revoked, and they are signed out everywhere.`,
    );
    await expect(entry).toContainText("revoked");
    await expect(entry.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
    await context.clearCookies();
    await context.addCookies(cookies);
    await page.goto(`${LAB_URL}/settings`);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await context.clearCookies();
    await page.goto(`${LAB_URL}/signin`);
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("status").filter({ hasText: REFUSED })).toBeVisible();
  } finally {
    await query(`delete from "Invite" where email = $1`, [email]);
    await query(`delete from "AdminAction" where "targetId" = $1`, [email]);
    await query(`delete from "User" where email = $1`, [email]);
  }
});
