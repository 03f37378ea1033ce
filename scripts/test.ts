/**
 * `npm test`: lint, type-check and format check beside the unit and integration tests (vitest) against a real
 * database; then the Playwright end-to-end suite in chromium against a production build, and the chaos
 * suite (faults and hostile input, `npm run test:chaos`) against the same build.
 *
 * The database: with DATABASE_URL set, a fresh database is created on that server (which must be local)
 * and dropped at the end; unset, a throw-away embedded PostgreSQL in a temporary folder, removed at the end.
 * The user's demo data is never touched.
 *   --db-only    only the vitest suite
 *   --e2e-only   only the Playwright suite
 *   --no-checks  everything but lint, type-check and format (CI's second pass, on the embedded database)
 * Other arguments are Playwright's (spec files, `-g`): with them, only those end-to-end tests run, no chaos
 * suite (`npm test -- --e2e-only e2e/discussion.spec.ts`).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startScratchDatabase } from "@/tools/embedded-db/process";
import { AppError } from "@/lib/errors";
import { deployMigrations } from "@/tools/migrate";
import { createPrismaClient } from "@/lib/db/create-client";
import { seedDemoData } from "@/prisma/seed/demo";
import { buildIfChanged } from "@/tools/build-if-changed";
import { runScript } from "@/tools/run-script";
import { createServerDatabase } from "@/tests/support/databases";
import {
  readPlaywrightTally,
  readVitestReportSuccess,
  readVitestTally,
  summarise,
  type Tally,
} from "@/tools/test-report";
import { startSmtpSink } from "@/tests/support/smtp-sink";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const dbOnly = process.argv.includes("--db-only");
const e2eOnly = process.argv.includes("--e2e-only");
const noChecks = process.argv.includes("--no-checks");
const OWN_FLAGS = new Set(["--db-only", "--e2e-only", "--no-checks"]);
const playwrightArgs = process.argv.slice(2).filter((arg) => !OWN_FLAGS.has(arg));
const resultsDir = path.join(root, "test-results");

/** Each step's wall time, printed as it ends and again at the very end, so the next slow step is visible. */
const stepTimes: { label: string; seconds: number }[] = [];

async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  console.log(`\n▶ ${label}`);
  const started = performance.now();
  try {
    return await step();
  } finally {
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    stepTimes.push({ label, seconds });
    console.log(`◀ ${label}: ${seconds} s`);
  }
}

/** Runs a step as a child process; asynchronously, so the SMTP sink in this process keeps answering. */
function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  return timed(label, () => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    return new Promise((resolve) => child.once("exit", (code) => resolve(code === 0)));
  });
}

/** How long a vitest run may linger after writing its report before it is stopped. */
const LINGER_MS = 60_000;

/**
 * Runs a vitest step whose JSON report is `report`. Should the process linger after writing its report
 * (a handle left open by a killed server or socket), it is stopped a minute later and the report, which
 * holds the whole result, decides: the step passes only if the report says every test passed.
 */
function runVitest(label: string, args: string[], report: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  return timed(label, () => watchVitest(label, args, report, env));
}

function watchVitest(label: string, args: string[], report: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const child = spawn(bin("vitest"), args, { cwd: root, env, stdio: "inherit" });
  return new Promise((resolve) => {
    let reportSeenAt: number | undefined;
    const watchdog = setInterval(() => {
      if (reportSeenAt === undefined && fs.existsSync(report)) reportSeenAt = Date.now();
      if (reportSeenAt !== undefined && Date.now() - reportSeenAt > LINGER_MS) {
        console.warn(
          `${label}: the report is written but vitest has not exited after ${LINGER_MS / 1000} s; stopping it.`,
        );
        child.kill("SIGKILL");
      }
    }, 1000);
    child.once("exit", (code) => {
      clearInterval(watchdog);
      if (code === 0) return resolve(true);
      const passed = reportSeenAt !== undefined && readVitestReportSuccess(report);
      resolve(passed);
    });
  });
}

interface TestDatabase {
  url: string;
  kind: "server" | "embedded";
  dispose(): Promise<void>;
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const scratch = await startScratchDatabase();
    return { url: scratch.url, kind: "embedded", dispose: () => scratch.release() };
  }
  const admin = new URL(serverUrl);
  if (!LOCAL_HOSTS.has(admin.hostname)) {
    throw new AppError(
      "REMOTE_TEST_DB",
      `Refusing to run tests against ${admin.hostname}: use a local Postgres server.`,
    );
  }
  const database = await createServerDatabase(serverUrl, `dailypapers_test_${Date.now()}_${process.pid}`);
  return { url: database.url, kind: "server", dispose: database.drop };
}

await runScript(async () => {
  fs.mkdirSync(resultsDir, { recursive: true });
  const failures: string[] = [];
  const tallies: Tally[] = [];

  // Lint, types and format at once, and beside the database's creation, the Vitest suite and the build: each
  // check is one thread, and the Vitest suite spends much of its time waiting on the database and its own
  // timers. They are awaited before the browser suite, whose timing they must not disturb.
  const checks: Promise<string[]> =
    dbOnly || e2eOnly || noChecks
      ? Promise.resolve([])
      : Promise.all([
          run("lint (eslint)", bin("eslint"), ["--max-warnings", "0", "."]).then((ok) => (ok ? [] : ["lint"])),
          run("type-check (tsc)", bin("tsc"), ["--noEmit", "--project", "tsconfig.check.json"]).then((ok) =>
            ok ? [] : ["type-check"],
          ),
          run("format check (prettier)", bin("prettier"), ["--check", "--log-level", "warn", "."]).then((ok) =>
            ok ? [] : ["format"],
          ),
        ]).then((failed) => failed.flat());

  const db = await timed("test database (create)", createTestDatabase);
  const disposers: (() => Promise<void>)[] = [];
  console.log(`\nTest database: ${db.kind === "server" ? db.url : "a scratch embedded PostgreSQL"}`);
  try {
    await timed("migrations", () => deployMigrations(db.url));
    const testEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: db.url,
      TEST_DATABASE_KIND: db.kind,
      NODE_OPTIONS: "--experimental-wasm-modules --disable-warning=ExperimentalWarning",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: "test-secret-that-is-long-enough-for-auth-js-0123456789",
    };

    // The build needs no database: it runs while the Vitest suite does, its output in a file.
    const buildEnv = { ...testEnv, NODE_ENV: "production", NEXT_DIST_DIR: ".next-test" } as NodeJS.ProcessEnv;
    const buildLog = path.join(resultsDir, "next-build.log");
    const built = dbOnly
      ? Promise.resolve(true)
      : timed("production build for the end-to-end suite (next build, beside the tests)", () =>
          buildIfChanged(buildEnv, { logFile: buildLog }).then(
            () => true,
            (error: unknown) => {
              console.error(error instanceof Error ? error.message : error);
              return false;
            },
          ),
        );

    if (!e2eOnly) {
      const report = path.join(resultsDir, `vitest-${db.kind}.json`);
      fs.rmSync(report, { force: true });
      const ok = await runVitest(
        `unit and integration tests (vitest, ${db.kind} database)`,
        ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
        report,
        testEnv,
      );
      if (!ok) failures.push("vitest");
      tallies.push(readVitestTally(report, root));
    }

    failures.push(...(await checks));

    if (!dbOnly) {
      await timed("demo data", async () => {
        const prisma = createPrismaClient(db.url, 2);
        try {
          await seedDemoData(prisma);
        } finally {
          await prisma.$disconnect();
        }
      });
      // The end-to-end suite's mail goes to a real SMTP server on loopback that files every message.
      const mailDir = path.join(resultsDir, "mail");
      fs.rmSync(mailDir, { recursive: true, force: true });
      const sink = await startSmtpSink(mailDir);
      disposers.push(() => sink.stop());
      const e2eEnv = { ...buildEnv, SMTP_URL: sink.url, E2E_MAIL_DIR: mailDir } as NodeJS.ProcessEnv;
      if (!(await built)) {
        failures.push("next build");
      } else {
        const report = path.join(resultsDir, "playwright.json");
        fs.rmSync(report, { force: true });
        const ok = await run(
          "end-to-end tests (Playwright, chromium)",
          bin("playwright"),
          ["test", ...playwrightArgs],
          {
            ...e2eEnv,
            PLAYWRIGHT_JSON_OUTPUT_NAME: report,
          },
        );
        if (!ok) failures.push("playwright");
        tallies.push(readPlaywrightTally(report));

        // Faults and hostile input, replayed against the same build on a server of the suite's own
        // (tests/chaos/support/global-setup.ts), on this database. Not when only some specs were asked for.
        if (!playwrightArgs.length) {
          const chaosReport = path.join(resultsDir, `vitest-chaos-${db.kind}.json`);
          fs.rmSync(chaosReport, { force: true });
          const chaosOk = await runVitest(
            `chaos suite (vitest, ${db.kind} database)`,
            [
              "run",
              "--config",
              "vitest.chaos.config.ts",
              "--reporter=default",
              "--reporter=json",
              `--outputFile.json=${chaosReport}`,
            ],
            chaosReport,
            { ...testEnv, NEXT_DIST_DIR: ".next-test" },
          );
          if (!chaosOk) failures.push("chaos");
          tallies.push(readVitestTally(chaosReport, root));
        }
      }
    }
  } finally {
    for (const dispose of disposers) await dispose();
    await db.dispose();
  }

  console.log("\nStep times:");
  for (const { label, seconds } of stepTimes) console.log(`  ${String(seconds).padStart(6)} s  ${label}`);
  // Some steps run at once: the whole is the wall time, not their sum.
  const total = Math.round(performance.now() / 1000);
  console.log(`  ${String(total).padStart(6)} s  in all`);
  console.log(summarise(tallies, failures));
  if (failures.length) process.exitCode = 1;
});
