import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  databaseHealthFigures,
  databaseUnavailableResponse,
  isDatabaseDown,
  recordDatabaseFailure,
  recordDatabaseSuccess,
  registerDatabaseProbe,
} from "@/lib/db/health";

const lockTimeout = Object.assign(new Error("canceling statement due to lock timeout"), { code: "55P03" });
const poolTimeout = new Error("timeout exceeded when trying to connect");
const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
const terminated = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });

/** A fresh health state (it lives on globalThis), with a probe that answers as `answers()` says. */
function reset(answers: () => boolean = () => true): void {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("daily-papers.db-health")];
  registerDatabaseProbe(async () => {
    if (!answers()) throw new Error("probe: no answer");
  });
}

describe("the outage detector", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(async () => {
    await vi.advanceTimersByTimeAsync(60_000);
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("calls a refused connection an outage at once, and a lost one not at all", () => {
    reset();
    recordDatabaseFailure(terminated);
    expect(isDatabaseDown()).toBe(false);
    recordDatabaseFailure(refused);
    expect(isDatabaseDown()).toBe(true);
  });

  it("answers 503 at once while down, but lets the cache relay (POST /api/revalidate) through", () => {
    reset();
    recordDatabaseFailure(refused);
    expect(isDatabaseDown()).toBe(true);
    const post = (path: string) => new Request(`http://localhost${path}`, { method: "POST" });
    expect(databaseUnavailableResponse(post("/api/revalidate"))).toBeNull();
    expect(databaseUnavailableResponse(post("/api/upvotes"))?.status).toBe(503);
    expect(databaseUnavailableResponse(post("/api/revalidate/x"))?.status).toBe(503);
  });

  it("answers the MCP server's clients a JSON-RPC error while down", async () => {
    reset();
    recordDatabaseFailure(refused);
    const response = databaseUnavailableResponse(new Request("http://localhost/mcp", { method: "POST" }));
    expect(response?.status).toBe(503);
    expect(await response?.json()).toMatchObject({ jsonrpc: "2.0", error: { code: -32000 }, id: null });
  });

  it("does not call a busy database down while other queries answer (CPU overload)", async () => {
    reset();
    // Ten seconds of load: a query answers every 20 ms, and one in five waits past the pool's timeout.
    for (let tick = 0; tick < 500; tick++) {
      await vi.advanceTimersByTimeAsync(20);
      if (tick % 5 === 0) recordDatabaseFailure(poolTimeout);
      else recordDatabaseSuccess();
      expect(isDatabaseDown()).toBe(false);
    }
    expect(databaseHealthFigures().outages).toBe(0);
  });

  it("calls a stalled database down after a few timeouts with no answer, and up when the probe answers", async () => {
    let stalled = true;
    reset(() => !stalled);
    recordDatabaseSuccess();
    await vi.advanceTimersByTimeAsync(1_500);
    recordDatabaseFailure(poolTimeout);
    recordDatabaseFailure(lockTimeout);
    expect(isDatabaseDown()).toBe(false);
    recordDatabaseFailure(poolTimeout);
    expect(isDatabaseDown()).toBe(true);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(isDatabaseDown()).toBe(true);
    stalled = false;
    await vi.advanceTimersByTimeAsync(600);
    expect(isDatabaseDown()).toBe(false);
  });

  it("flips a few times a minute, not dozens, while one table is locked and SELECT 1 answers", async () => {
    reset(() => true);
    // Requests arrive every 100 ms; one that starts while the flag is up waits out the lock timeout
    // (1.5 s) and fails; while it is down, requests are answered 503 at once and touch nothing.
    for (let t = 0; t < 60_000; t += 100) {
      if (!isDatabaseDown()) setTimeout(() => recordDatabaseFailure(lockTimeout), 1_500);
      await vi.advanceTimersByTimeAsync(100);
    }
    const { outages } = databaseHealthFigures();
    expect(outages).toBeGreaterThan(0);
    expect(outages).toBeLessThanOrEqual(12);
  });
});
