import path from "node:path";
import { sitePages, signInAsAdmin, withSignInRequest } from "./support/site-pages";
import { expect, test } from "./support/users";

// Every page of the walk, full length, in both schemes, signed in (so the signed-in pages are there too;
// the signed-out header is in the sign-in page's shot). Saved as test-results/screenshots/<project>/…png
// for a person to look at; the test itself only checks that each page rendered.

for (const scheme of ["light", "dark"] as const) {
  test(`screenshots of every page, ${scheme}`, async ({ page, context, users, baseURL }, testInfo) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    await withSignInRequest(page);
    const member = await users.create();
    const dir = path.join("test-results", "screenshots", testInfo.project.name);
    for (const target of await sitePages()) {
      await context.clearCookies();
      if (target.admin) await signInAsAdmin(context, baseURL!);
      else if (target.name !== "sign-in" && target.name !== "check-email") await member.signIn(context);
      await page.goto(target.path);
      await page.waitForLoadState("networkidle");
      await expect(page.locator("h1").first()).toBeVisible();
      await page.screenshot({ path: path.join(dir, `${target.name}-${scheme}.png`), fullPage: true });
    }
  });
}
