/**
 * What `npm test` reads from the JSON reports of its Vitest and Playwright steps: the counts, and each
 * failed or flaky test with the first lines of its message, for the summary printed at the very end of the
 * run (the part of a long CI log that is always kept).
 */
import fs from "node:fs";
import path from "node:path";

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  /** Each failed (or, for Playwright, flaky) test's name and the start of its message. */
  failures: string[];
}

const NO_TALLY: Tally = { passed: 0, failed: 0, skipped: 0, failures: [] };

interface VitestReport {
  success?: boolean;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: {
    name: string;
    /** Set when the file itself failed (an error outside any test). */
    message?: string;
    assertionResults: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
}

interface PlaywrightSuite {
  title: string;
  specs?: {
    title: string;
    tests: { projectName: string; status: string; results: { error?: { message?: string } }[] }[];
  }[];
  suites?: PlaywrightSuite[];
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  suites?: PlaywrightSuite[];
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

/** A failure's first lines, without colour codes: enough to tell which assertion broke. */
export function briefly(message: string): string {
  const plain = message.replace(/\u001b\[[0-9;]*m/g, "");
  return plain.split("\n").slice(0, 6).join("\n    ").slice(0, 800);
}

/** Whether a Vitest report says every test passed (for a run that had to be stopped after writing it). */
export function readVitestReportSuccess(file: string): boolean {
  const report = readJson<VitestReport>(file);
  return report?.success === true && report.numFailedTests === 0;
}

/** A Vitest JSON report's counts and failures; test files are named relative to `root`. */
export function readVitestTally(file: string, root = process.cwd()): Tally {
  const report = readJson<VitestReport>(file);
  if (!report) return NO_TALLY;
  const failures: string[] = [];
  for (const testFile of report.testResults) {
    const where = path.relative(root, testFile.name);
    const failed = testFile.assertionResults.filter((test) => test.status === "failed");
    for (const test of failed) {
      failures.push(`${where} › ${test.fullName}\n    ${briefly(test.failureMessages?.join("\n") ?? "")}`);
    }
    if (!failed.length && testFile.message) failures.push(`${where}\n    ${briefly(testFile.message)}`);
  }
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
    failures,
  };
}

/** A Playwright JSON report's counts (a test that passed on retry counts as passed) and its failed or flaky tests. */
export function readPlaywrightTally(file: string): Tally {
  const report = readJson<PlaywrightReport>(file);
  if (!report) return NO_TALLY;
  const failures: string[] = [];
  const walk = (suite: PlaywrightSuite, titles: string[]) => {
    const here = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status !== "unexpected" && test.status !== "flaky") continue;
        const error = test.results.find((result) => result.error)?.error?.message ?? "";
        const label = test.status === "flaky" ? " (passed on retry)" : "";
        failures.push(`[${test.projectName}] ${[...here, spec.title].join(" › ")}${label}\n    ${briefly(error)}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
    skipped: report.stats.skipped,
    failures,
  };
}

/** The run's last lines: the failed or flaky tests by name, the failed steps, and the totals. */
export function summarise(tallies: Tally[], failedSteps: string[]): string {
  const total = tallies.reduce(
    (sum, t) => ({ passed: sum.passed + t.passed, failed: sum.failed + t.failed, skipped: sum.skipped + t.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  const named = tallies.flatMap((t) => t.failures);
  const lines: string[] = [];
  if (named.length) lines.push("", "Failed or flaky tests:", ...named.map((line) => `- ${line}`));
  lines.push("", failedSteps.length ? `Failed steps: ${failedSteps.join(", ")}` : "All steps passed.");
  lines.push(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return lines.join("\n");
}
