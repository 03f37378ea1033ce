import { setTimeout as sleep } from "node:timers/promises";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { digestPeriodOfJob, runDigestJob } from "@/lib/jobs/digest";
import { importArxivFeedJob, importArxivFeedNow } from "@/lib/jobs/import-arxiv-feed";
import type { JobDeps } from "@/lib/jobs/job";
import { TSX_NODE_ARGS } from "@/tools/tsx-node-args";
import { testDatabaseUrl } from "@/tests/support/databases";
import { testPrisma } from "@/tests/support/prisma";

// Nothing listens on port 1: this is arXiv with the network down.
const OFFLINE = "http://127.0.0.1:1";
process.env.ARXIV_RSS_URL = OFFLINE;
process.env.ARXIV_API_URL = `${OFFLINE}/api/query`;

const prisma = testPrisma();
let boss: PgBoss;

beforeAll(async () => {
  boss = new PgBoss({ connectionString: testDatabaseUrl(), schema: "pgboss", max: 2 });
  boss.on("error", (error) => console.error(error));
  await boss.start();
});
afterAll(async () => {
  await boss.stop({ graceful: false });
  await prisma.$disconnect();
});

describe("digest jobs", () => {
  it("a retry sends the period of the original job, not the one current when it runs", async () => {
    const queue = `digest-daily-retry-test-${Date.now()}`;
    await boss.createQueue(queue, { name: queue, retryLimit: 2, retryDelay: 0 });
    const id = await boss.send(queue, {});
    expect(id).toBeTruthy();
    const [first] = await boss.fetch(queue, { includeMetadata: true });
    expect(first?.id).toBe(id);
    await boss.fail(queue, id!, { message: "2 digests deferred by transient mail errors; retrying" });
    // The scheduler created it at 07:00 UTC on 22 November; the retry runs days later.
    await prisma.$executeRawUnsafe(`UPDATE pgboss.job SET created_on = '2026-11-22T07:00:00Z' WHERE id = $1`, id);
    const [retry] = await boss.fetch<object>(queue, { includeMetadata: true });
    expect(retry).toMatchObject({ id, retryCount: 1 });
    expect(digestPeriodOfJob("daily", retry!).key).toBe("2026-11-21");
    expect(digestPeriodOfJob("weekly", retry!).key).toBe("2026-W47");

    const lines: string[] = [];
    const deps: JobDeps = {
      prisma,
      env: parseEnv({ DATABASE_URL: testDatabaseUrl() }),
      log: (line) => lines.push(line),
    };
    await runDigestJob("daily", deps, retry!);
    expect(lines.at(-1)).toMatch(/^Digest daily 2026-11-21: /);
    await boss.complete(queue, id!);
  });
});

describe("import jobs", () => {
  it("logs one calm line when arXiv cannot be reached, records the run, and fails the job for a retry", async () => {
    const lines: string[] = [];
    const deps: JobDeps = {
      prisma,
      env: parseEnv({}),
      log: (line) => lines.push(line),
      http: { attempts: 2, backoffMs: 10, arxivIntervalMs: 10 },
    };
    const startedAfter = new Date();
    await expect(importArxivFeedNow(deps)).rejects.toThrow("connection refused");
    expect(lines).toEqual([
      "arxiv-feed cs.AI+cs.CL+cs.CV+cs.LG: failed — could not connect to 127.0.0.1:1 (connection refused), on all 2 attempts; will retry",
    ]);
    const run = await prisma.importRun.findFirstOrThrow({
      // Other files import cs.AI feeds into the same database at the same time: find this job's run.
      where: { source: "ARXIV_FEED", target: "cs.AI+cs.CL+cs.CV+cs.LG", startedAt: { gte: startedAfter } },
      orderBy: { startedAt: "desc" },
    });
    expect(run).toMatchObject({
      status: "FAILED",
      message: "could not connect to 127.0.0.1:1 (connection refused), on all 2 attempts.",
    });
  });

  it("the worker keeps running offline: one line per failed pull, no stack trace", async () => {
    const worker: ChildProcess = spawn(
      process.execPath,
      [...TSX_NODE_ARGS, path.resolve(import.meta.dirname, "../../scripts/worker.ts")],
      { env: { ...process.env, DATABASE_URL: testDatabaseUrl(), IMPORT_SCHEDULE: "true", HF_DAILY_MIRROR: "false" } },
    );
    let output = "";
    worker.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const waitFor = async (pattern: RegExp, ms: number) => {
      const until = Date.now() + ms;
      while (!pattern.test(output)) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}; output:\n${output}`);
        if (worker.exitCode !== null) throw new Error(`worker exited ${worker.exitCode}:\n${output}`);
        await sleep(100);
      }
    };
    try {
      await waitFor(/Jobs scheduled: [^\n]*import-arxiv-feed at "30 6,20 \* \* \*" America\/New_York/, 30_000);
      await boss.send(importArxivFeedJob.queue, {});
      await waitFor(/\[worker\] arxiv-feed [^\n]*: failed — [^\n]*connection refused[^\n]*; will retry\n/, 45_000);
      // Still alive, and said it once, calmly.
      await sleep(500);
      expect(worker.exitCode).toBeNull();
      expect(output.match(/arxiv-feed .*: failed/g)).toHaveLength(1);
      expect(output).not.toMatch(/^\s+at /m);
    } finally {
      worker.kill("SIGTERM");
      await new Promise((resolve) => worker.once("exit", resolve));
    }
  }, 90_000);
});
