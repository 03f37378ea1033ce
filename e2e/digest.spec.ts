import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { query } from "./support/db";
import { linkIn, waitForMail } from "./support/mail";
import { expect, test } from "./support/users";
import { TSX_NODE_ARGS } from "../tools/tsx-node-args";
import { keepScreenshot } from "./support/screenshots";

/** Runs `npm run digest -- --period daily --date <day>` (without npm's banner) and returns its output. */
function sendDailyDigest(day: string, appUrl: string): string {
  return execFileSync(process.execPath, [...TSX_NODE_ARGS, "scripts/digest.ts", "--period", "daily", "--date", day], {
    env: { ...process.env, APP_URL: appUrl },
    encoding: "utf8",
  });
}

test("a subscriber previews the digest, gets the real one by SMTP, and unsubscribes through its link", async ({
  page,
  users,
  baseURL,
}, testInfo) => {
  const user = await users.create();
  await query(
    `insert into "EmailPreference" ("userId", digest, "unsubscribeToken", "updatedAt") values ($1, 'DAILY', $2, now())`,
    [user.id, randomBytes(32).toString("base64url")],
  );
  await user.signIn(page.context());

  await page.goto("/settings");
  await page.getByRole("link", { name: "Preview today's digest" }).click();
  await expect(page.getByRole("heading", { name: "Digest preview" })).toBeVisible();
  const email = page.frameLocator('iframe[title="Digest email (HTML)"]');
  await expect(email.getByRole("heading", { name: /Trending papers of/ })).toBeVisible();
  await expect(email.getByRole("link", { name: /DeepSeek-R1/ })).toBeVisible();
  await keepScreenshot(() => page.screenshot({ path: testInfo.outputPath("digest-preview.png"), fullPage: true }));

  // Send the latest day's digest for real, as `npm run digest` does, through the suite's SMTP sink.
  const [{ day }] = (await query<{ day: string }>(`select max(day)::text as day from "DailyPaper"`)) as [
    { day: string },
  ];
  const output = sendDailyDigest(day, baseURL!);
  expect(output).toMatch(/sent [1-9]\d*/);

  const mail = await waitForMail(user.email, { subject: /trending paper/ });
  expect(mail.headerLines.find((h) => h.key === "list-unsubscribe-post")?.line).toContain("List-Unsubscribe=One-Click");
  await page.goto(linkIn(mail, `${baseURL}/api/unsubscribe/`));
  await expect(page.getByRole("heading", { name: "Unsubscribe from Daily Papers digests?" })).toBeVisible();
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
  expect(
    (await query<{ digest: string }>(`select digest from "EmailPreference" where "userId" = $1`, [user.id]))[0]?.digest,
  ).toBe("OFF");

  // Sending the same period again reaches nobody twice.
  const again = sendDailyDigest(day, baseURL!);
  expect(again).toMatch(/sent 0,/);
});
