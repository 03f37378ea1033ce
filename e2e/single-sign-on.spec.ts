import { randomInt, randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { query } from "./support/db";
import { LAB_DOMAIN, LAB_URL } from "./support/lab-site";
import { TestOidcProvider, type OidcAccount } from "./support/oidc-provider";
import { expect, test } from "./support/users";

/**
 * Single sign-on on the lab site (playwright.config.ts) through a real OpenID Connect provider on OIDC_PORT
 * (e2e/support/oidc-provider.ts): a sign-in, linking to a member by a verified address, and every way it fails,
 * each ending on the sign-in page with its sentence.
 */
const provider = new TestOidcProvider();
/** Addresses whose users the tests made (or the app made for them), deleted after each test. */
const made: string[] = [];

// A sign-on is five page loads across two servers: on a busy two-core machine, more than the default 30 s.
test.describe.configure({ mode: "serial", timeout: 90_000 });
test.beforeAll(async () => provider.start());
test.afterAll(async () => provider.stop());
test.beforeEach(async ({ page }) => {
  provider.tamper = "none";
  // Each test is its own client for the sign-in limits (the suite plays the one trusted proxy).
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${randomInt(1, 255)}` });
});
test.afterEach(async () => {
  if (made.length) await query(`delete from "User" where email = any($1)`, [made.splice(0)]);
});

function labAddress(name: string): string {
  const email = `${name}-${randomUUID().slice(0, 8)}@${LAB_DOMAIN}`;
  made.push(email);
  return email;
}

/** From the lab site's sign-in page through the provider's login and consent pages. */
async function signInWithLabId(page: Page, account: OidcAccount, consent: "Allow" | "Deny" = "Allow") {
  await page.goto(`${LAB_URL}/signin`);
  await page.getByRole("button", { name: "Sign in with Lab ID" }).click();
  await page.getByLabel("Username").fill(account.sub);
  await page.getByRole("button", { name: "Sign in to Lab ID" }).click();
  await page.getByRole("button", { name: consent }).click();
}

async function expectRefusal(page: Page, sentence: string | RegExp) {
  await expect(page).toHaveURL(new RegExp(`^${LAB_URL}/signin\\?error=`));
  // Next's route announcer is an alert too.
  await expect(page.getByRole("alert").filter({ hasText: sentence })).toBeVisible();
}

async function usersWith(email: string) {
  return query<{ id: string; verified: boolean; accounts: string[] }>(
    `select u.id, u."emailVerified" is not null as verified,
            coalesce(array_agg(a.provider) filter (where a.provider is not null), '{}') as accounts
       from "User" u left join "Account" a on a."userId" = u.id
      where u.email = $1 group by u.id`,
    [email],
  );
}

test("a lab member signs in with Lab ID and comes back signed in, their address verified", async ({ page }) => {
  const account = provider.addAccount(labAddress("sso"));
  await signInWithLabId(page, account);
  await expect(page).toHaveURL(`${LAB_URL}/`);
  const [user] = await usersWith(account.email);
  expect(user).toMatchObject({ verified: true, accounts: ["oidc"] });
  await page.goto(`${LAB_URL}/settings`);
  await expect(page).toHaveURL(`${LAB_URL}/settings`);
  await expect(page.getByText(account.email, { exact: true })).toBeVisible();
});

test("a new Lab ID identity is linked to the member who has its verified address", async ({ page }) => {
  const email = labAddress("member");
  const id = `e2e_${randomUUID()}`;
  await query(`insert into "User" (id, email, "emailVerified", "updatedAt") values ($1, $2, now(), now())`, [
    id,
    email,
  ]);
  await signInWithLabId(page, provider.addAccount(email));
  await expect(page).toHaveURL(`${LAB_URL}/`);
  expect(await usersWith(email)).toEqual([{ id, verified: true, accounts: ["oidc"] }]);
});

test("an address Lab ID has not verified neither links to the member who has it nor signs in", async ({ page }) => {
  const email = labAddress("victim");
  const id = `e2e_${randomUUID()}`;
  await query(`insert into "User" (id, email, "emailVerified", "updatedAt") values ($1, $2, now(), now())`, [
    id,
    email,
  ]);
  await signInWithLabId(page, provider.addAccount(email, { verified: false }));
  await expectRefusal(
    page,
    "Lab ID has not verified your email address, so it cannot sign you in here. Verify it there first, or use the email link.",
  );
  expect(await usersWith(email)).toEqual([{ id, verified: true, accounts: [] }]);
  expect(await query(`select 1 from "Session" where "userId" = $1`, [id])).toEqual([]);
});

test("a verified address outside the lab's domain is refused", async ({ page }) => {
  const email = `outsider-${randomUUID().slice(0, 8)}@elsewhere.e2e.test`;
  made.push(email);
  await signInWithLabId(page, provider.addAccount(email));
  await expectRefusal(page, "Sign-in here is for addresses at lab.e2e.test, or by invitation: ask an admin.");
  expect(await usersWith(email)).toEqual([]);
});

test("an ID token for another audience is refused", async ({ page }) => {
  const account = provider.addAccount(labAddress("audience"));
  provider.tamper = "wrong-audience";
  await signInWithLabId(page, account);
  await expectRefusal(page, /^Lab ID answered with a sign-in meant for another site \(wrong audience\)/);
  expect(await usersWith(account.email)).toEqual([]);
});

test("an expired ID token is refused", async ({ page }) => {
  const account = provider.addAccount(labAddress("expired"));
  provider.tamper = "expired";
  await signInWithLabId(page, account);
  await expectRefusal(page, /^Lab ID's sign-in had already expired when it reached us/);
  expect(await usersWith(account.email)).toEqual([]);
});

test("refusing consent at Lab ID signs nobody in", async ({ page }) => {
  const account = provider.addAccount(labAddress("refuses"));
  await signInWithLabId(page, account, "Deny");
  await expectRefusal(page, "You did not allow Daily Papers to use your Lab ID account, so you are not signed in.");
  expect(await usersWith(account.email)).toEqual([]);
});

test("Lab ID being down is said on the sign-in page, not a 500", async ({ page }) => {
  await provider.stop();
  try {
    await page.goto(`${LAB_URL}/signin`);
    await page.getByRole("button", { name: "Sign in with Lab ID" }).click();
    await expectRefusal(
      page,
      "Lab ID is not answering right now, so you cannot sign in with it. Try again later, or use the email link.",
    );
  } finally {
    await provider.start();
  }
});

test("Lab ID's token endpoint failing after consent is said on the sign-in page", async ({ page }) => {
  const account = provider.addAccount(labAddress("late"));
  provider.tamper = "token-endpoint-down";
  await signInWithLabId(page, account);
  await expectRefusal(
    page,
    "Lab ID is not answering right now, so you cannot sign in with it. Try again later, or use the email link.",
  );
  expect(await usersWith(account.email)).toEqual([]);
});

test("the lab site's pages let forms lead to Lab ID, and the public site's do not", async ({ request, baseURL }) => {
  const policy = async (url: string) => (await request.get(url)).headers()["content-security-policy"] ?? "";
  expect(await policy(`${LAB_URL}/signin`)).toContain("form-action 'self' https://github.com http://127.0.0.1:");
  expect(await policy(`${baseURL}/signin`)).toContain("form-action 'self' https://github.com;");
});
