import { setTimeout as sleep } from "node:timers/promises";
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ARXIV_INTERVAL_MS } from "@/lib/ingest/throttle";
import {
  arxivThrottleKey,
  MAX_REDIRECTS,
  parseRetryAfter,
  politeGet,
  redirectTarget,
  UpstreamError,
  userAgent,
  type GetOptions,
} from "@/lib/ingest/http";
import { parseEnv } from "@/lib/env";
import { TSX_NODE_ARGS } from "@/tools/tsx-node-args";
import { testPrisma } from "@/tests/support/prisma";
import {
  fixture,
  fixtureBytes,
  nockRecording,
  redirect,
  startReplayServer,
  type ReplayServer,
} from "@/tests/support/replay-server";

process.env.APP_URL = "https://papers.example.org";
process.env.EMAIL_FROM = "Lab Papers <papers@example.org>";

const prisma = testPrisma();
let server: ReplayServer;
// Short timeouts and spacing, so failures show in well under a second; the defaults are tested apart.
const quick: Omit<GetOptions, "upstream"> = {
  arxivIntervalMs: 60,
  attempts: 2,
  backoffMs: 20,
  headersTimeoutMs: 400,
  bodyTimeoutMs: 400,
  totalTimeoutMs: 2000,
};

beforeAll(async () => {
  await prisma.$connect();
});
beforeEach(async () => {
  server = await startReplayServer();
});
afterEach(async () => {
  await server.stop();
});
afterAll(async () => {
  await prisma.$disconnect();
});

function gaps(times: number[]): number[] {
  return times.slice(1).map((time, i) => time - times[i]!);
}

describe("polite HTTP", () => {
  it("names the site and its contact address in the User-Agent", async () => {
    server.route("/rss/cs.CL", [fixture("arxiv-rss_2024-11-28_empty-feed_aioarxiv.xml")]);
    const result = await politeGet(prisma, `${server.url}/rss/cs.CL`, { ...quick, upstream: "arxiv" });
    expect(result.kind).toBe("ok");
    expect(server.log[0]?.headers["user-agent"]).toBe(
      "DailyPapers/0.1 (+https://papers.example.org; mailto:papers@example.org)",
    );
    expect(userAgent(parseEnv({ EMAIL_FROM: "papers@lab.example" }))).toBe(
      "DailyPapers/0.1 (+http://localhost:3000; mailto:papers@lab.example)",
    );
  });

  it("spaces arXiv requests 3 s apart by default", async () => {
    expect(ARXIV_INTERVAL_MS).toBe(3000);
    server.route("/api/query", [fixture("arxiv-api_2025-11-11_empty-result_rsxiv.xml")]);
    const url = `${server.url}/api/query`;
    await politeGet(prisma, url, { upstream: "arxiv" });
    await politeGet(prisma, url, { upstream: "arxiv" });
    const [gap] = gaps(server.log.map((entry) => entry.time));
    expect(gap).toBeGreaterThanOrEqual(2990);
  });

  it("serialises concurrent callers with the interval between them, over one connection", async () => {
    server.route("/api/query", [fixture("arxiv-api_2025-11-11_empty-result_rsxiv.xml")]);
    const url = `${server.url}/api/query`;
    await Promise.all(
      Array.from({ length: 4 }, () => politeGet(prisma, url, { ...quick, upstream: "arxiv", arxivIntervalMs: 300 })),
    );
    expect(server.log).toHaveLength(4);
    for (const gap of gaps(server.log.map((entry) => entry.time))) expect(gap).toBeGreaterThanOrEqual(295);
    expect(server.connections()).toBe(1);
  });

  it("spaces requests from two processes sharing the database", async () => {
    server.route("/api/query", [fixture("arxiv-api_2025-11-11_empty-result_rsxiv.xml")]);
    const child = path.resolve(import.meta.dirname, "../../tests/ingest/throttle-child.ts");
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const proc = spawn(process.execPath, [...TSX_NODE_ARGS, child, `${server.url}/api/query`, "3", "300"], {
          env: process.env,
        });
        let out = "";
        proc.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
        proc.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
        proc.on("error", reject);
        proc.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`child exited ${code}: ${out}`))));
      });
    const outputs = await Promise.all([run(), run()]);
    expect(outputs.every((out) => out.includes("done"))).toBe(true);
    expect(server.log).toHaveLength(6);
    const senders = new Set(server.log.map((entry) => entry.query.get("from")));
    expect(senders.size).toBe(2);
    for (const gap of gaps(server.log.map((entry) => entry.time))) expect(gap).toBeGreaterThanOrEqual(295);
  });

  it("sends the stored ETag and reports a 304 as not modified", async () => {
    server.route("/rss/cs.CL", [fixture("arxiv-rss_2024-11-28_empty-feed_aioarxiv.xml", { etag: '"feed-v1"' })]);
    const url = `${server.url}/rss/cs.CL?${Date.now()}`;
    const first = await politeGet(prisma, url, { ...quick, upstream: "arxiv", conditional: true });
    expect(first.kind).toBe("ok");
    await first.remember();
    const second = await politeGet(prisma, url, { ...quick, upstream: "arxiv", conditional: true });
    expect(second.kind).toBe("not-modified");
    expect(server.log[0]?.headers["if-none-match"]).toBeUndefined();
    expect(server.log[1]?.headers["if-none-match"]).toBe('"feed-v1"');
    // Without `remember` (the response was not stored), the next pull is a full one again.
    const other = `${url}&other`;
    await politeGet(prisma, other, { ...quick, upstream: "arxiv", conditional: true });
    const again = await politeGet(prisma, other, { ...quick, upstream: "arxiv", conditional: true });
    expect(again.kind).toBe("ok");
  });

  it("honours the recorded 503 Retry-After, then reads the 200 (paperhive's nock recording)", async () => {
    const recording = nockRecording("oai-pmh_2018-06-21_legacy-503-retry-after-then-ListRecords_paperhive-nock.json");
    const [pathname, query] = recording.path.split("?");
    server.route(pathname!, recording.behaviours);
    const result = await politeGet(prisma, `${server.url}${pathname}?${query}`, { ...quick, upstream: "arxiv" });
    expect(result.kind === "ok" && result.body).toContain("<ListRecords>");
    expect(server.log).toHaveLength(2);
    const [gap] = gaps(server.log.map((entry) => entry.time));
    expect(gap).toBeGreaterThanOrEqual(10_000);
  }, 30_000);

  it("waits out a 429's Retry-After, and gives up with the reason when it is too long", async () => {
    server.route("/api/query", [
      { kind: "busy", status: 429, retryAfter: "1" },
      fixture("arxiv-api_2025-11-11_empty-result_rsxiv.xml"),
    ]);
    const ok = await politeGet(prisma, `${server.url}/api/query`, { ...quick, upstream: "arxiv" });
    expect(ok.kind).toBe("ok");
    expect(gaps(server.log.map((entry) => entry.time))[0]).toBeGreaterThanOrEqual(1000);

    server.route("/api/slow", [{ kind: "busy", status: 429, retryAfter: "3600" }]);
    const started = Date.now();
    // Its own throttle key: the hour it asks for holds that key, not the other tests' arXiv.
    await expect(
      politeGet(prisma, `${server.url}/api/slow`, {
        ...quick,
        upstream: "arxiv",
        maxRetryAfterMs: 60_000,
        throttleKey: `slow-${Date.now()}`,
      }),
    ).rejects.toThrow("127.0.0.1:" + new URL(server.url).port + " answered HTTP 429 and asked us to wait 3600 s");
    // At once, not after the hour asked for (nor the 60 s allowed): a hang guard, not a speed target.
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("holds every process off for a Retry-After longer than it waits, and fails at once instead of calling early", async () => {
    const throttleKey = `retry-after-${process.pid}-${Date.now()}`;
    server.route("/api/query", [
      { kind: "busy", status: 503, retryAfter: "4" },
      fixture("arxiv-api_2025-11-11_empty-result_rsxiv.xml"),
    ]);
    const url = `${server.url}/api/query`;
    const impatient = { ...quick, upstream: "arxiv", maxRetryAfterMs: 1000, throttleKey } as const;
    await expect(politeGet(prisma, url, impatient)).rejects.toThrow(
      /asked us to wait 4 s \(Retry-After\), longer than the 1 s we wait; no request goes to it before .* UTC, from any process/,
    );
    const askedAt = server.log[0]!.time;
    // This process again: a clear refusal, and nothing sent.
    await expect(politeGet(prisma, url, impatient)).rejects.toThrow(
      /asked not to be called before .* UTC \(Retry-After\); no request goes to it sooner/,
    );
    expect(server.log).toHaveLength(1);
    // Another process, which waits up to the default 60 s: it waits, and calls only once the 4 s are over.
    const child = path.resolve(import.meta.dirname, "../../tests/ingest/throttle-child.ts");
    await new Promise<void>((resolve, reject) => {
      const proc = spawn(process.execPath, [...TSX_NODE_ARGS, child, url, "1", "60", throttleKey], {
        env: process.env,
      });
      let out = "";
      proc.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      proc.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
      proc.on("error", reject);
      proc.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`child exited ${code}: ${out}`))));
    });
    expect(server.log).toHaveLength(2);
    expect(server.log[1]!.time - askedAt).toBeGreaterThanOrEqual(3900);
  }, 30_000);

  it("backs off and retries a 5xx", async () => {
    server.route("/api/query", [
      { kind: "respond", status: 502, body: Buffer.from("bad gateway") },
      fixture("arxiv-api_2025-11-11_empty-result_rsxiv.xml"),
    ]);
    expect((await politeGet(prisma, `${server.url}/api/query`, { ...quick, upstream: "arxiv" })).kind).toBe("ok");
    expect(server.log).toHaveLength(2);
  });

  it("does not retry a 4xx, and keeps its body for the caller", async () => {
    server.route("/api/query", [
      fixture("arxiv-api_2026-04-12_http400-error-entry_arxivpy-fixture.DERIVED-body.xml", { status: 400 }),
    ]);
    const error = await politeGet(prisma, `${server.url}/api/query`, { ...quick, upstream: "arxiv" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).message).toMatch(/answered HTTP 400 \(Bad Request\)\.$/);
    expect((error as UpstreamError).details.body).toContain("<title>Error</title>");
    expect(server.log).toHaveLength(1);
  });

  it("times out a server that never answers, with a clear reason", async () => {
    server.route("/rss/cs.CL", [{ kind: "hang" }]);
    const started = Date.now();
    await expect(politeGet(prisma, `${server.url}/rss/cs.CL`, { ...quick, upstream: "arxiv" })).rejects.toThrow(
      /sent no response within 0\.4 s, on all 2 attempts\.$/,
    );
    // Well before the 30 s default header timeout: a hang guard, not a speed target.
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("times out a body that stalls, and a whole response that takes too long", async () => {
    const body = Buffer.alloc(10_000, "x");
    server.route("/rss/stall", [{ kind: "stall-body", body, bytes: 100 }]);
    await expect(
      politeGet(prisma, `${server.url}/rss/stall`, { ...quick, upstream: "arxiv", attempts: 1 }),
    ).rejects.toThrow(/stopped sending its response for 0\.4 s, on the only attempt\.$/);
    await expect(
      politeGet(prisma, `${server.url}/rss/stall`, {
        ...quick,
        upstream: "arxiv",
        attempts: 1,
        bodyTimeoutMs: 5000,
        totalTimeoutMs: 500,
      }),
    ).rejects.toThrow(/did not finish its response within 0\.5 s/);
  });

  it("fails a truncated body or a dropped connection with a clear reason", async () => {
    const body = Buffer.alloc(10_000, "x");
    server.route("/rss/cut", [{ kind: "truncate", body, bytes: 4000 }]);
    await expect(politeGet(prisma, `${server.url}/rss/cut`, { ...quick, upstream: "arxiv" })).rejects.toThrow(
      /broke before the whole response arrived, on all 2 attempts/,
    );
    server.route("/rss/close", [{ kind: "close" }]);
    await expect(politeGet(prisma, `${server.url}/rss/close`, { ...quick, upstream: "arxiv" })).rejects.toThrow(
      /broke before the whole response arrived|was reset/,
    );
    await expect(politeGet(prisma, "http://127.0.0.1:1/rss/cs.CL", { ...quick, upstream: "arxiv" })).rejects.toThrow(
      "could not connect to 127.0.0.1:1 (connection refused), on all 2 attempts.",
    );
  });

  it("keeps Hugging Face under its request budget by waiting, not failing", async () => {
    server.route("/api/daily_papers", [fixture("hf-daily-papers_2026-06-12_sotawhat-fixture.json")]);
    const hfLimit = { points: 2, durationSeconds: 1 };
    // A budget of its own (the limiter keys by limit), empty at the start of a fresh second.
    await sleep(1000 - (Date.now() % 1000));
    const options = { ...quick, upstream: "huggingface" as const, hfLimit };
    for (let i = 0; i < 3; i++) await politeGet(prisma, `${server.url}/api/daily_papers?date=2026-06-1${i}`, options);
    const times = server.log.map((entry) => entry.time);
    expect(times[2]! - times[0]!).toBeGreaterThanOrEqual(500);
    expect(server.log[0]?.headers["user-agent"]).toMatch(/^DailyPapers\/0\.1 /);
  });

  it("spaces every arXiv host under one name, and each stand-in under its own", () => {
    expect(arxivThrottleKey("export.arxiv.org")).toBe("arxiv");
    expect(arxivThrottleKey("rss.arxiv.org")).toBe("arxiv");
    expect(arxivThrottleKey("arxiv.org")).toBe("arxiv");
    expect(arxivThrottleKey("notarxiv.org")).toBe("arxiv@notarxiv.org");
    expect(arxivThrottleKey("127.0.0.1:4001")).not.toBe(arxivThrottleKey("127.0.0.1:4002"));
  });

  it("reads Retry-After as seconds or as a date", () => {
    expect(parseRetryAfter("10")).toBe(10_000);
    expect(parseRetryAfter("Thu, 21 Jun 2018 14:31:01 GMT", Date.parse("2018-06-21T14:30:51Z"))).toBe(10_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  describe("redirects", () => {
    const body = () => fixture("arxiv-rss_2024-11-28_empty-feed_aioarxiv.xml");

    it("follows them across paths and hosts, each hop waiting its turn, and reads the final answer", async () => {
      const other = await startReplayServer();
      try {
        server.route("/rss/old", [redirect(301, "/rss/moved")]);
        // 303 sends a GET on as a GET; the next hop is on another host.
        server.route("/rss/moved", [redirect(303, `${other.url}/rss/cs.CL`)]);
        other.route("/rss/cs.CL", [body()]);
        const result = await politeGet(prisma, `${server.url}/rss/old`, { ...quick, upstream: "arxiv" });
        expect(result.kind === "ok" && result.body).toBe(
          fixtureBytes("arxiv-rss_2024-11-28_empty-feed_aioarxiv.xml").toString("utf8"),
        );
        expect(server.log.map((entry) => entry.path)).toEqual(["/rss/old", "/rss/moved"]);
        expect(other.log.map((entry) => entry.path)).toEqual(["/rss/cs.CL"]);
        // Every hop is a request to arXiv: the spacing holds between them, whatever the host.
        const times = [...server.log, ...other.log].map((entry) => entry.time);
        for (const gap of gaps(times)) expect(gap).toBeGreaterThanOrEqual(55);
        expect(other.log[0]?.headers["user-agent"]).toMatch(/^DailyPapers\/0\.1 /);
      } finally {
        await other.stop();
      }
    });

    it(`follows at most ${MAX_REDIRECTS}, and says so`, async () => {
      for (let hop = 0; hop < 7; hop++) server.route(`/hop/${hop}`, [redirect(302, `/hop/${hop + 1}`)]);
      server.route("/hop/5", [redirect(307, "/hop/6")]);
      await expect(politeGet(prisma, `${server.url}/hop/0`, { ...quick, upstream: "arxiv" })).rejects.toThrow(
        `answered HTTP 307 after ${MAX_REDIRECTS} redirects already; more are not followed.`,
      );
      expect(server.log).toHaveLength(MAX_REDIRECTS + 1);
      // Five are fine.
      server.reset();
      server.route("/five/0", [redirect(308, "/five/1")]);
      for (let hop = 1; hop < 5; hop++) server.route(`/five/${hop}`, [redirect(302, `/five/${hop + 1}`)]);
      server.route("/five/5", [body()]);
      expect((await politeGet(prisma, `${server.url}/five/0`, { ...quick, upstream: "arxiv" })).kind).toBe("ok");
    });

    it("goes only to http(s), never without a Location, and names the host that sent it", async () => {
      const host = `127.0.0.1:${new URL(server.url).port}`;
      server.route("/file", [redirect(302, "file:///etc/passwd")]);
      await expect(politeGet(prisma, `${server.url}/file`, { ...quick, upstream: "arxiv" })).rejects.toThrow(
        `${host} answered HTTP 302 to a file: address; only http(s) is followed.`,
      );
      server.route("/nowhere", [{ kind: "respond", status: 301, body: Buffer.alloc(0) }]);
      await expect(politeGet(prisma, `${server.url}/nowhere`, { ...quick, upstream: "arxiv" })).rejects.toThrow(
        `${host} answered HTTP 301 without saying where to (no Location).`,
      );
      expect(server.log.map((entry) => entry.path)).toEqual(["/file", "/nowhere"]);
    });

    it("never takes a request from https down to http; http up to https is fine", () => {
      const moved = (location: string) => ({ status: 301, headers: { location }, body: "" });
      expect(() =>
        redirectTarget("https://arxiv.replay.test/a", "https://arxiv.replay.test/a", moved("http://x.org/"), 1),
      ).toThrow("arxiv.replay.test answered HTTP 301 from https down to http (x.org); that is not followed.");
      expect(
        redirectTarget(
          "http://arxiv.replay.test/a",
          "http://arxiv.replay.test/a",
          moved("https://arxiv.replay.test/a#top"),
          1,
        ),
      ).toBe("https://arxiv.replay.test/a");
      expect(() => redirectTarget("http://a.org/", "http://a.org/", moved("javascript:alert(1)"), 1)).toThrow(
        "a.org answered HTTP 301 to a javascript: address; only http(s) is followed.",
      );
    });

    it("keeps the conditional state under the URL asked for, and gets the 304 through the redirect", async () => {
      server.route("/rss/asked", [redirect(302, "/rss/served")]);
      server.route("/rss/served", [fixture("arxiv-rss_2024-11-28_empty-feed_aioarxiv.xml", { etag: '"v7"' })]);
      const url = `${server.url}/rss/asked?${Date.now()}`;
      const first = await politeGet(prisma, url, { ...quick, upstream: "arxiv", conditional: true });
      await first.remember();
      expect(await prisma.fetchState.findUnique({ where: { url }, select: { etag: true } })).toEqual({ etag: '"v7"' });
      const second = await politeGet(prisma, url, { ...quick, upstream: "arxiv", conditional: true });
      expect(second.kind).toBe("not-modified");
      expect(server.log.map((entry) => [entry.path, entry.headers["if-none-match"]])).toEqual([
        ["/rss/asked", undefined],
        ["/rss/served", undefined],
        ["/rss/asked", '"v7"'],
        ["/rss/served", '"v7"'],
      ]);
    });
  });
});
