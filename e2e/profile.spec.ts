import { randomBytes } from "node:crypto";
import { query } from "./support/db";
import { expect, test } from "./support/users";

test("a reader picks a handle, keeps their reading list private, and others see only that", async ({
  page,
  browser,
  users,
}, testInfo) => {
  const reader = await users.create();
  const other = await users.create();
  await reader.signIn(page.context());
  await page.goto("/settings");

  const profile = page.getByRole("region", { name: "Profile" });
  const handle = profile.getByLabel("Handle");
  const status = profile.getByRole("status");
  const save = profile.getByRole("button", { name: "Save profile" });

  // Someone else's handle, and a reserved one, are refused with a sentence.
  const otherHandle = `taken-${randomBytes(3).toString("hex")}`;
  await query(`update "User" set username = $1 where id = $2`, [otherHandle, other.id]);
  await handle.fill(otherHandle);
  await save.click();
  await expect(status).toHaveText(`The handle “${otherHandle}” is taken. Choose another.`);
  await handle.fill("admin");
  await save.click();
  await expect(status).toHaveText("That handle is reserved. Choose another.");

  const chosen = `ada-${randomBytes(3).toString("hex")}`;
  await handle.fill(chosen);
  await profile.getByLabel("Keep my reading list private").check();
  await save.click();
  await expect(status).toContainText(`Saved. Your page is /users/${chosen}.`);
  await page.screenshot({ path: testInfo.outputPath("settings-profile.png"), fullPage: true });

  // The reader still sees their own list.
  await page.goto(`/users/${chosen}`);
  await expect(page.getByText("private: only you see this list")).toBeVisible();

  // Everyone else sees only that the list is private.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(`/users/${chosen}`);
  await expect(strangerPage.getByRole("heading", { name: "This reader keeps their profile private" })).toBeVisible();
  await expect(strangerPage.locator("[data-paper-card]")).toHaveCount(0);
  await strangerPage.screenshot({ path: testInfo.outputPath("private-profile.png") });
  await stranger.close();
});
