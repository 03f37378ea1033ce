import { setTimeout as sleep } from "node:timers/promises";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TSX_NODE_ARGS } from "@/tools/tsx-node-args";
import { testDatabaseUrl } from "@/tests/support/databases";
import { testPrisma } from "@/tests/support/prisma";
import { startReplayServer, type ReplayServer } from "@/tests/support/replay-server";
import { importArxivIds } from "@/lib/ingest/imports";
import { IMPORT_STALE_AFTER_MS, isInterrupted } from "@/lib/ingest/run-status";

/**
 * A killed import (SIGKILL, as an OOM killer or a redeploy does it) must not stay RUNNING forever: its
 * heartbeat stops, /admin shows it interrupted, and the next run records it FAILED.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const prisma = testPrisma();
let server: ReplayServer;
let child: ChildProcess | undefined;

beforeAll(async () => {
  server = await startReplayServer();
  // arXiv accepts the request and never answers: the import is stuck mid-run when it is killed.
  server.route("/api/query", [{ kind: "hang" }]);
});
afterAll(async () => {
  if (child?.exitCode === null) child.kill("SIGKILL");
  await server.stop();
  await prisma.$disconnect();
});

async function waitFor<T>(read: () => Promise<T | null | undefined>, what: string, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

describe("an import killed midway", () => {
  it("is shown interrupted, and recorded FAILED when the next run starts", async () => {
    const target = "2412.99901";
    child = spawn(process.execPath, [...TSX_NODE_ARGS, path.join(ROOT, "scripts/import.ts"), "arxiv-ids", target], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: testDatabaseUrl(),
        ARXIV_API_URL: `${server.url}/api/query`,
        APP_URL: "https://papers.example.org",
      },
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    // Midway: the run is recorded and its request is in flight at arXiv.
    const run = await waitFor(
      () => prisma.importRun.findFirst({ where: { target, status: "RUNNING" } }),
      "the run to start",
    );
    await waitFor(async () => server.log.some((entry) => entry.path === "/api/query"), "the request to arXiv");
    child.kill("SIGKILL");
    await exited;

    const killed = await prisma.importRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(killed.status).toBe("RUNNING");
    expect(isInterrupted(killed)).toBe(false);
    // No process renews its heartbeat any more: once the bound has passed it reads as interrupted.
    const later = new Date(killed.heartbeatAt.getTime() + IMPORT_STALE_AFTER_MS + 1000);
    expect(isInterrupted(killed, later)).toBe(true);

    // The next run (here one from a file, at that later time) records the dead one.
    const next = await importArxivIds(prisma, [], {
      fromFile: path.join(ROOT, "tests/fixtures/ingest/arxiv-api_2025-11-11_empty-result_rsxiv.xml"),
      now: later,
    });
    expect(next.status).toBe("EMPTY");
    const recorded = await prisma.importRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(recorded.status).toBe("FAILED");
    expect(recorded.finishedAt?.getTime()).toBe(killed.heartbeatAt.getTime());
    expect(recorded.message).toMatch(/^interrupted: the import stopped without finishing \(last sign of life at /);
  });

  it("leaves a live run alone: its heartbeat is renewed while it works", async () => {
    const live = await prisma.importRun.create({ data: { source: "ARXIV_API", target: "live" } });
    await importArxivIds(prisma, [], {
      fromFile: path.join(ROOT, "tests/fixtures/ingest/arxiv-api_2025-11-11_empty-result_rsxiv.xml"),
    });
    expect((await prisma.importRun.findUniqueOrThrow({ where: { id: live.id } })).status).toBe("RUNNING");
  });
});
