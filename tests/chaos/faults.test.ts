/**
 * The database stalled or gone while readers keep coming: every request answers within 5 s — the page,
 * a calm 503 page with Retry-After, or the API's 503 JSON — never a 500, and everything works again
 * within 1 s of the database's return (issue 10, "Faults" 1).
 */
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { figures, runLoad, type Sample, type Target } from "@/tests/chaos/support/load";
import {
  createReaders,
  deleteReaders,
  fault,
  waitForRecovery,
  votablePaperIds,
  report,
  serverLogSince,
  serverLogSize,
  world,
  type Reader,
} from "@/tests/chaos/support/world";

const ANSWER_WITHIN_MS = 5000;
const RECOVER_WITHIN_MS = 1000;

let readers: Reader[] = [];
let targets: Target[] = [];
let logOffset = 0;

beforeAll(async () => {
  readers = await createReaders(4);
  const [id] = (await votablePaperIds("most upvoted", 1)) as [string];
  const signedIn = (path: string, reader: Reader): Target => ({
    label: `page ${path} (signed in)`,
    path,
    init: { headers: { Cookie: reader.cookie } },
  });
  targets = [
    { label: "page /", path: "/" },
    { label: "page /papers/trending", path: "/papers/trending" },
    { label: "page /papers/{id}", path: `/papers/${id}` },
    signedIn("/", readers[0]!),
    signedIn(`/papers/${id}`, readers[1]!),
    // Members get the same cached pages; their own part (their votes: the Upvote table) is this request.
    {
      label: "api /api/viewer (signed in)",
      path: `/api/viewer?papers=${encodeURIComponent(id)}&discussion=${encodeURIComponent(id)}`,
      init: { headers: { Cookie: readers[2]!.cookie } },
    },
    { label: "api /api/daily_papers", path: "/api/daily_papers" },
    { label: "api /api/papers/{id}", path: `/api/papers/${id}` },
    { label: "api /api/papers/search", path: "/api/papers/search?q=model" },
    { label: "feed /feeds/daily.xml", path: "/feeds/daily.xml" },
  ];
  // A fresh server renders each route slowly the first time: warm them, so the figures measure the fault.
  for (const target of targets) {
    for (let i = 0; i < 2; i++)
      await fetch(world.baseUrl + target.path, { ...target.init, redirect: "manual" }).then((r) => r.text());
  }
  logOffset = serverLogSize();
});

afterAll(async () => {
  await fault("restore");
  await waitForRecovery();
  await deleteReaders(readers);
});

interface FaultRun {
  samples: Sample[];
  /** ms since the load began. */
  faultStart: number;
  faultEnd: number;
}

/** Load for 1 s before the fault, `faultMs` during it, and 3 s after it ended. */
async function loadAround(faultMs: number, begin: () => Promise<void>, end: () => Promise<void>): Promise<FaultRun> {
  let stop = false;
  const load = runLoad({
    baseUrl: world.baseUrl,
    targets,
    clients: 12,
    done: () => stop,
    maxRequests: 12_000,
    timeoutMs: 15_000,
  });
  const t0 = Date.now();
  await sleep(1000);
  const faultStart = Date.now() - t0;
  await begin();
  await sleep(faultMs);
  await end();
  const faultEnd = Date.now() - t0;
  await sleep(3000);
  stop = true;
  const { samples, startedAt } = await load;
  // runLoad's clock started a moment before ours; shift the fault onto it.
  const shift = t0 - startedAt;
  return { samples, faultStart: faultStart + shift, faultEnd: faultEnd + shift };
}

/** What every answer during and around a fault must be. */
function expectCalm(name: string, run: FaultRun) {
  const good = (s: Sample) => s.status > 0 && s.status < 500;
  const result = figures(run.samples, run.faultEnd, good);
  report(name, {
    requests: result.requests,
    ok: result.ok,
    "503s": result.unavailable,
    failures: result.failures,
    maxLatencyMs: result.maxMs,
    p50Ms: result.p50Ms,
    recoveryMs: result.recoveryMs,
    statuses: result.byStatus,
    failed: Object.fromEntries(
      [...new Set(run.samples.filter((s) => !good(s) && s.status !== 503).map((s) => s.label))].map((label) => [
        label,
        run.samples.filter((s) => s.label === label && !good(s) && s.status !== 503).length,
      ]),
    ),
  });
  const slow = run.samples.filter((s) => s.ms >= ANSWER_WITHIN_MS);
  expect(slow.map((s) => `${s.label}: ${s.ms} ms (${s.status})`)).toEqual([]);
  const bad = run.samples.filter((s) => !good(s) && s.status !== 503);
  expect(bad.map((s) => `${s.label}: ${s.status} ${s.body.slice(0, 120)}`)).toEqual([]);

  for (const s of run.samples.filter((x) => x.status === 503)) {
    expect(s.retryAfter, s.label).toMatch(/^\d+$/);
    if (s.label.startsWith("page")) {
      expect(s.contentType).toContain("text/html");
      expect(s.body).toContain("Daily Papers is catching its breath");
    } else if (s.label.startsWith("api")) {
      expect(s.contentType).toContain("application/json");
      expect(JSON.parse(s.body)).toHaveProperty("error");
    } else {
      expect(s.body).toContain("catching its breath");
    }
  }
  // A page that failed inside (the proxy had not yet heard) shows the calm boundary, never the apology.
  const apologies = run.samples.filter((s) => s.status === 200 && s.body.includes("Something went wrong"));
  expect(apologies.map((s) => s.label)).toEqual([]);
  // The fault bit: someone was told to come back.
  expect(result.unavailable).toBeGreaterThan(0);
  expect(result.recoveryMs).toBeLessThanOrEqual(RECOVER_WITHIN_MS);
  // After the recovery window, everything answers as before.
  const after = run.samples.filter((s) => s.startedAt > run.faultEnd + RECOVER_WITHIN_MS);
  expect(after.length).toBeGreaterThan(0);
  expect(after.every(good)).toBe(true);
}

describe("the database stalled or gone, under load", () => {
  it('a LOCK TABLE "Upvote" held for 6 s: 503s within 5 s, no 500s, recovery within 1 s', async () => {
    const locker = new pg.Client({ connectionString: world.databaseUrl, application_name: "chaos-locker" });
    await locker.connect();
    try {
      const run = await loadAround(
        6000,
        async () => {
          await locker.query("BEGIN");
          await locker.query(`LOCK TABLE "Upvote" IN ACCESS EXCLUSIVE MODE`);
        },
        async () => {
          await locker.query("ROLLBACK");
        },
      );
      expectCalm("locked Upvote table (6 s)", run);
    } finally {
      await locker.end();
    }
  });

  it("the database gone for 4 s (connections cut, new ones refused): 503s, recovery within 1 s", async () => {
    const run = await loadAround(
      4000,
      () => fault("refuse").then(() => {}),
      () => fault("restore").then(() => {}),
    );
    expectCalm("database gone (4 s)", run);
  });

  it("the network to the database stalled for 5 s (nothing moves): 503s, recovery within 1 s", async () => {
    const run = await loadAround(
      5000,
      () => fault("stall").then(() => {}),
      () => fault("restore").then(() => {}),
    );
    expectCalm("network stalled (5 s)", run);
  });

  it("the server logged no unhandled rejection through all of it", () => {
    const log = serverLogSince(logOffset);
    expect(log).not.toMatch(/unhandledRejection|Unhandled Rejection/i);
  });
});
