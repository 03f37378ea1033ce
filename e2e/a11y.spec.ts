import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { sitePages, signInAsAdmin, withSignInRequest, type SitePage } from "./support/site-pages";
import { expect, test } from "./support/users";
import { PHONE } from "./support/tags";

// One walk through every page per project (desktop at 1280 px; phone narrowed to 320 px, the narrowest phone
// in use) and state (signed in, out), each page loaded once and audited in light and dark: axe-core (serious
// and critical violations fail the test; every violation is printed with its count), nothing wider than the
// screen, no broken image, and a full-length screenshot per scheme under test-results/screenshots/<project>/
// for a person to look at.

/** The phone project walks at this width: no page may scroll sideways on it. */
const NARROWEST_PHONE = { width: 320, height: 640 };

interface Finding {
  page: string;
  rule: string;
  impact: string;
  nodes: number;
  example: string;
}

type Scheme = "light" | "dark";

/**
 * One load of `target`, audited in both colour schemes: the page as loaded (light), then restyled dark in place
 * (a scheme changes only colours, so in dark axe checks contrast alone rather than every rule again).
 */
async function audit(page: Page, target: SitePage, shot: (scheme: Scheme) => string): Promise<Finding[]> {
  await page.emulateMedia({ colorScheme: "light" });
  const response = await page.goto(target.path);
  expect.soft(response?.status(), `${target.path} answers`).toBeLessThan(target.name === "not-found" ? 500 : 400);
  await page.waitForLoadState("networkidle");
  await expect.soft(page.locator("h1").first(), `${target.path} has a heading`).toBeVisible();
  const { scrollWidth, viewport, brokenImages } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    brokenImages: [...document.images]
      .filter((img) => img.complete && img.naturalWidth === 0 && getComputedStyle(img).display !== "none")
      .map((img) => img.currentSrc || img.src),
  }));
  expect
    .soft(scrollWidth, `${target.path} is ${scrollWidth} px wide on a ${viewport} px screen`)
    .toBeLessThanOrEqual(viewport);
  expect.soft(brokenImages, `${target.path} shows no broken image`).toEqual([]);
  const findings: Finding[] = [];
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: shot(scheme), fullPage: true });
    const axe = new AxeBuilder({ page });
    if (scheme === "dark") axe.withRules(["color-contrast"]);
    // Experimental in axe, but it is what a speech-input user trips over ("Upvote (29 upvotes)").
    else axe.options({ rules: { "label-content-name-mismatch": { enabled: true } } });
    const results = await axe.analyze();
    findings.push(
      ...results.violations.map((v) => ({
        page: `${target.name} (${scheme})`,
        rule: v.id,
        impact: v.impact ?? "unknown",
        nodes: v.nodes.length,
        example: `${v.nodes[0]?.target.join(" ") ?? ""} — ${v.nodes[0]?.failureSummary?.split("\n")[1]?.trim() ?? v.help}`,
      })),
    );
  }
  return findings;
}

function shotPath(testInfo: TestInfo, target: SitePage, label: string): string {
  return path.join("test-results", "screenshots", testInfo.project.name, `${target.name}-${label}.png`);
}

for (const signedIn of [false, true]) {
  test(
    `every page, light and dark, signed ${signedIn ? "in" : "out"}: no serious axe violation, no sideways scroll`,
    { tag: PHONE },
    async ({ page, context, users, baseURL }, testInfo) => {
      test.setTimeout(300_000);
      if (testInfo.project.name === "phone") await page.setViewportSize(NARROWEST_PHONE);
      await withSignInRequest(page);
      const pages = (await sitePages()).filter((p) => signedIn || !p.signedIn);
      const member = signedIn ? await users.create() : null;
      const findings: Finding[] = [];
      const state = `signed-${signedIn ? "in" : "out"}`;
      const shot = (target: SitePage) => (scheme: Scheme) => shotPath(testInfo, target, `${scheme}-${state}`);
      for (const target of pages.filter((p) => !p.admin)) {
        if (member) await member.signIn(context);
        findings.push(...(await audit(page, target, shot(target))));
      }
      if (signedIn) {
        await context.clearCookies();
        await signInAsAdmin(context, baseURL!);
        for (const target of pages.filter((p) => p.admin)) findings.push(...(await audit(page, target, shot(target))));
      }

      const label = `${testInfo.project.name}/signed-${signedIn ? "in" : "out"}`;
      const byImpact = (impact: string) =>
        findings.filter((f) => f.impact === impact).reduce((sum, f) => sum + f.nodes, 0);
      console.log(
        `axe ${label}: ${pages.length} pages in light and dark, critical ${byImpact("critical")}, ` +
          `serious ${byImpact("serious")}, moderate ${byImpact("moderate")}, minor ${byImpact("minor")}`,
      );
      for (const f of findings) console.log(`  [${f.impact}] ${f.page}: ${f.rule} ×${f.nodes} — ${f.example}`);
      await testInfo.attach(`axe-${label.replaceAll("/", "-")}.json`, {
        body: JSON.stringify(findings, null, 2),
        contentType: "application/json",
      });

      if (signedIn && testInfo.project.name === "phone") {
        // At 320 px the header still has its search field, and the settings corner, on one row.
        await page.goto("/");
        await expect(page.getByRole("searchbox", { name: "Search papers" }).first()).toBeVisible();
        await expect(page.getByRole("link", { name: /Your settings/ })).toBeVisible();
      }

      const blocking = findings.filter((f) => f.impact === "serious" || f.impact === "critical");
      expect(blocking.map((f) => `${f.page}: ${f.rule} (${f.impact}) ×${f.nodes} ${f.example}`)).toEqual([]);
    },
  );
}
