import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readPlaywrightTally, readVitestReportSuccess, readVitestTally, summarise } from "@/tools/test-report";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "test-report-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, report: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(report));
  return file;
}

// The shapes below are cut down from real reports (Vitest 4's `--reporter=json`, Playwright's JSON reporter).
const vitestReport = {
  success: false,
  numPassedTests: 2,
  numFailedTests: 1,
  numPendingTests: 1,
  numTodoTests: 0,
  testResults: [
    {
      name: "/repo/lib/ingest/http.test.ts",
      message: "",
      assertionResults: [
        { fullName: "politeGet spaces requests", status: "passed", failureMessages: [] },
        {
          fullName: "politeGet times out a server that never answers",
          status: "failed",
          failureMessages: [
            "\u001b[31mAssertionError: expected 3012 to be less than 3000\u001b[39m\n    at http.test.ts:172:5\n    at a\n    at b\n    at c\n    at d\n    at e",
          ],
        },
      ],
    },
    { name: "/repo/lib/env.test.ts", assertionResults: [{ fullName: "env", status: "passed" }] },
    {
      name: "/repo/lib/broken.test.ts",
      message: "Failed to load url @/lib/missing",
      assertionResults: [{ fullName: "never ran", status: "skipped" }],
    },
  ],
};

const playwrightReport = {
  stats: { expected: 3, unexpected: 1, flaky: 1, skipped: 2 },
  suites: [
    {
      title: "speed.spec.ts",
      specs: [
        {
          title: "a vote answers its count",
          tests: [{ projectName: "desktop", status: "expected", results: [{}] }],
        },
      ],
      suites: [
        {
          title: "the page cache",
          specs: [
            {
              title: "a cached page runs its own scripts",
              tests: [
                {
                  projectName: "phone",
                  status: "unexpected",
                  results: [{}, { error: { message: "Error: expect(locator).toBeFocused() failed\nTimeout 5000ms" } }],
                },
                {
                  projectName: "desktop",
                  status: "flaky",
                  results: [{ error: { message: "Error: page.goto: net::ERR_CONNECTION_RESET" } }, {}],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

describe("the test reports npm test reads", () => {
  it("names each failed Vitest test and each file that failed to run, without colour codes", () => {
    const tally = readVitestTally(write("vitest.json", vitestReport), "/repo");
    expect(tally).toMatchObject({ passed: 2, failed: 1, skipped: 1 });
    expect(tally.failures).toEqual([
      [
        "lib/ingest/http.test.ts › politeGet times out a server that never answers",
        "    AssertionError: expected 3012 to be less than 3000",
        "        at http.test.ts:172:5",
        "        at a",
        "        at b",
        "        at c",
        "        at d",
      ].join("\n"),
      "lib/broken.test.ts\n    Failed to load url @/lib/missing",
    ]);
    expect(readVitestReportSuccess(path.join(dir, "vitest.json"))).toBe(false);
  });

  it("names Playwright's failed and flaky tests with their project and describe blocks", () => {
    const tally = readPlaywrightTally(write("playwright.json", playwrightReport));
    expect(tally).toMatchObject({ passed: 4, failed: 1, skipped: 2 });
    expect(tally.failures).toEqual([
      "[phone] speed.spec.ts › the page cache › a cached page runs its own scripts\n    Error: expect(locator).toBeFocused() failed\n    Timeout 5000ms",
      "[desktop] speed.spec.ts › the page cache › a cached page runs its own scripts (passed on retry)\n    Error: page.goto: net::ERR_CONNECTION_RESET",
    ]);
  });

  it("counts a missing or unreadable report as nothing, and says so in the summary's failed steps", () => {
    expect(readVitestTally(path.join(dir, "absent.json"))).toEqual({ passed: 0, failed: 0, skipped: 0, failures: [] });
    fs.writeFileSync(path.join(dir, "cut.json"), '{"numPassedTests": 3, "testRes');
    expect(readPlaywrightTally(path.join(dir, "cut.json")).passed).toBe(0);
    expect(readVitestReportSuccess(path.join(dir, "cut.json"))).toBe(false);
    expect(summarise([], ["vitest"])).toBe("\nFailed steps: vitest\n0 passed, 0 failed, 0 skipped");
  });

  it("ends the run with the failures by name, then the steps and the totals", () => {
    const vitest = readVitestTally(path.join(dir, "vitest.json"), "/repo");
    const playwright = readPlaywrightTally(path.join(dir, "playwright.json"));
    const summary = summarise([vitest, playwright], ["vitest", "playwright"]).split("\n");
    expect(summary[1]).toBe("Failed or flaky tests:");
    expect(summary[2]).toBe("- lib/ingest/http.test.ts › politeGet times out a server that never answers");
    expect(summary.slice(-2)).toEqual(["Failed steps: vitest, playwright", "6 passed, 2 failed, 3 skipped"]);
    expect(summarise([{ passed: 5, failed: 0, skipped: 0, failures: [] }], [])).toBe(
      "\nAll steps passed.\n5 passed, 0 failed, 0 skipped",
    );
  });
});
