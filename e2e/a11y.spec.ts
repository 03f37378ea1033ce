import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { latestDay, SITE_PAGES, withSignInRequest, type SitePage } from "./support/site-pages";
import { expect, signInAsAdmin, test } from "./support/users";
import { MARKUP, PHONE, PHONE_ONLY } from "./support/tags";
import { axeFor } from "./support/axe";
import { keepScreenshot } from "./support/screenshots";

// Every page, one test each, loaded once: axe-core (serious and critical violations fail the test; every
// violation is printed with its count), nothing wider than the screen, no broken image, and on its first visit
// (with E2E_SCREENSHOTS=1) a full-length screenshot in light and in dark under test-results/screenshots/<project>/
// for a person to look at.
// Desktop (1280 px) walks every page signed out, and signed in those that need it or show a member more
// than the header (`memberParts`). A page's first visit (signed out where a stranger
// may open it, else signed in) is also checked in dark, for contrast alone: a scheme changes only colours, the
// same on every visit and device. The phone (narrowed to 320 px, the narrowest phone in use) makes first visits
// only: the fit, and axe in light.

// Independent tests: both workers share them.
test.describe.configure({ mode: "parallel" });

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

async function audit(
  page: Page,
  target: SitePage,
  testInfo: TestInfo,
  visit: { firstVisit: boolean; darkContrast: boolean },
): Promise<Finding[]> {
  const address = target.path(await latestDay());
  await page.emulateMedia({ colorScheme: "light" });
  const response = await page.goto(address);
  expect.soft(response?.status(), `${address} answers`).toBeLessThan(target.name === "not-found" ? 500 : 400);
  await page.waitForLoadState("networkidle");
  await expect.soft(page.locator("h1").first(), `${address} has a heading`).toBeVisible();
  const { scrollWidth, viewport, brokenImages } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    brokenImages: [...document.images]
      .filter((img) => img.complete && img.naturalWidth === 0 && getComputedStyle(img).display !== "none")
      .map((img) => img.currentSrc || img.src),
  }));
  expect
    .soft(scrollWidth, `${address} is ${scrollWidth} px wide on a ${viewport} px screen`)
    .toBeLessThanOrEqual(viewport);
  expect.soft(brokenImages, `${address} shows no broken image`).toEqual([]);
  const findings: Finding[] = [];
  for (const scheme of ["light", "dark"] as const satisfies Scheme[]) {
    await page.emulateMedia({ colorScheme: scheme });
    // A card's background fades into the new scheme (a CSS transition) while its text changes at once: measured
    // mid-fade, light text sits on a still-white card.
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation instanceof CSSTransition)
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
    );
    if (visit.firstVisit) {
      await keepScreenshot(() =>
        page.screenshot({
          path: path.join("test-results", "screenshots", testInfo.project.name, `${target.name}-${scheme}.png`),
          fullPage: true,
        }),
      );
    }
    if (scheme === "dark" && !visit.darkContrast) continue;
    const axe = axeFor(page);
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

for (const signedIn of [false, true]) {
  const state = `signed-${signedIn ? "in" : "out"}`;
  for (const target of SITE_PAGES.filter((p) => (signedIn ? p.signedIn || p.memberParts : !p.signedIn))) {
    const firstVisit = !signedIn || !!target.signedIn;
    test(
      `${target.name}, ${state.replace("-", " ")}: no serious axe violation, no sideways scroll`,
      { tag: firstVisit ? [PHONE, MARKUP] : MARKUP },
      async ({ page, context, users, baseURL }, testInfo) => {
        if (testInfo.project.name === "phone") await page.setViewportSize(NARROWEST_PHONE);
        await withSignInRequest(page);
        if (target.admin) await signInAsAdmin(context, baseURL!);
        else if (signedIn) await (await users.create()).signIn(context);
        // A page load, up to two axe runs and two full-length screenshots can take longer than the default 30 s
        // on a busy two-core machine.
        test.setTimeout(90_000);
        const darkContrast = firstVisit && testInfo.project.name !== "phone";
        const findings = await audit(page, target, testInfo, { firstVisit, darkContrast });

        const label = `${testInfo.project.name}/${target.name}/${state}`;
        const count = (impact: string) =>
          findings.filter((f) => f.impact === impact).reduce((sum, f) => sum + f.nodes, 0);
        console.log(
          `axe ${label}: critical ${count("critical")}, serious ${count("serious")}, ` +
            `moderate ${count("moderate")}, minor ${count("minor")}`,
        );
        for (const f of findings) console.log(`  [${f.impact}] ${f.page}: ${f.rule} ×${f.nodes} — ${f.example}`);
        await testInfo.attach(`axe-${label.replaceAll("/", "-")}.json`, {
          body: JSON.stringify(findings, null, 2),
          contentType: "application/json",
        });
        const blocking = findings.filter((f) => f.impact === "serious" || f.impact === "critical");
        expect(blocking.map((f) => `${f.page}: ${f.rule} (${f.impact}) ×${f.nodes} ${f.example}`)).toEqual([]);
      },
    );
  }
}

test(
  "at 320 px a member's header still shows the search field and the settings link",
  { tag: [PHONE_ONLY, MARKUP] },
  async ({ page, users }) => {
    await page.setViewportSize(NARROWEST_PHONE);
    await (await users.create()).signIn(page.context());
    await page.goto("/");
    await expect(page.getByRole("searchbox", { name: "Search papers" }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: /Your settings/ })).toBeVisible();
  },
);
