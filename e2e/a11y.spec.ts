import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { sitePages, signInAsAdmin, withSignInRequest, type SitePage } from "./support/site-pages";
import { expect, test } from "./support/users";

// axe-core on every page of the walk: desktop and phone (the two projects), light and dark, signed in and
// out. Serious and critical violations fail the test; every violation is printed with its count.

interface Finding {
  page: string;
  rule: string;
  impact: string;
  nodes: number;
  example: string;
}

async function audit(page: Page, target: SitePage): Promise<Finding[]> {
  const response = await page.goto(target.path);
  expect.soft(response?.status(), `${target.path} answers`).toBeLessThan(target.name === "not-found" ? 500 : 400);
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page })
    // Experimental in axe, but it is what a speech-input user trips over ("Upvote (29 upvotes)").
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .analyze();
  return results.violations.map((v) => ({
    page: target.name,
    rule: v.id,
    impact: v.impact ?? "unknown",
    nodes: v.nodes.length,
    example: `${v.nodes[0]?.target.join(" ") ?? ""} — ${v.nodes[0]?.failureSummary?.split("\n")[1]?.trim() ?? v.help}`,
  }));
}

for (const scheme of ["light", "dark"] as const) {
  for (const signedIn of [false, true]) {
    test(`no serious or critical axe violations: ${scheme}, signed ${signedIn ? "in" : "out"}`, async ({
      page,
      context,
      users,
      baseURL,
    }, testInfo) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: scheme });
      await withSignInRequest(page);
      const pages = (await sitePages()).filter((p) => signedIn || !p.signedIn);
      const member = signedIn ? await users.create() : null;
      const findings: Finding[] = [];
      for (const target of pages.filter((p) => !p.admin)) {
        if (member) await member.signIn(context);
        findings.push(...(await audit(page, target)));
      }
      if (signedIn) {
        await context.clearCookies();
        await signInAsAdmin(context, baseURL!);
        for (const target of pages.filter((p) => p.admin)) findings.push(...(await audit(page, target)));
      }

      const label = `${testInfo.project.name}/${scheme}/signed-${signedIn ? "in" : "out"}`;
      const byImpact = (impact: string) =>
        findings.filter((f) => f.impact === impact).reduce((sum, f) => sum + f.nodes, 0);
      console.log(
        `axe ${label}: ${pages.length} pages, critical ${byImpact("critical")}, serious ${byImpact("serious")}, ` +
          `moderate ${byImpact("moderate")}, minor ${byImpact("minor")}`,
      );
      for (const f of findings) console.log(`  [${f.impact}] ${f.page}: ${f.rule} ×${f.nodes} — ${f.example}`);
      await testInfo.attach(`axe-${label.replaceAll("/", "-")}.json`, {
        body: JSON.stringify(findings, null, 2),
        contentType: "application/json",
      });

      const blocking = findings.filter((f) => f.impact === "serious" || f.impact === "critical");
      expect(blocking.map((f) => `${f.page}: ${f.rule} (${f.impact}) ×${f.nodes} ${f.example}`)).toEqual([]);
    });
  }
}

test("no page scrolls sideways on a 320 px phone, signed in or out", async ({ page, context, users }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 320, height: 640 });
  const member = await users.create();
  for (const signedIn of [false, true]) {
    await context.clearCookies();
    if (signedIn) await member.signIn(context);
    for (const target of (await sitePages()).filter((p) => !p.admin && (signedIn || !p.signedIn))) {
      await page.goto(target.path);
      await page.waitForLoadState("networkidle");
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${target.path} signed ${signedIn ? "in" : "out"} is ${width} px wide`).toBeLessThanOrEqual(320);
    }
  }
  // The header still has its search field, and the sign-in or settings corner, on one row.
  await expect(page.getByRole("searchbox", { name: "Search papers" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /Your settings/ })).toBeVisible();
});
