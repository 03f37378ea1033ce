import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { importArxivFeed, importArxivIds, importHfDaily, refreshIncompletePapers } from "@/lib/ingest/imports";
import { testPrisma } from "@/tests/support/prisma";
import {
  arxivPyRecording,
  fixture,
  fixtureBytes,
  QUICK_HTTP,
  startReplayServer,
  type ReplayServer,
} from "@/tests/support/replay-server";

const prisma = testPrisma();
let server: ReplayServer;
const http = QUICK_HTTP;
const MULTI = "arxiv-rss_2024-11-28_multi-archive_aioarxiv.xml";
const ATOM7 = "arxiv-rss-atom_2025-08-20_cs.AI_7-entries_zotero-arxiv-daily.xml";
const TRUNCATED = "arxiv-rss-atom_2025-08-20_cs.AI_TRUNCATED-by-committer_zotero-arxiv-daily.xml";
/** Wednesday noon in New York: Tuesday evening announced, so an empty feed is not expected. */
const WEDNESDAY = new Date("2024-11-27T17:00:00Z");
/** Saturday 21:00 in New York. */
const SATURDAY_EVENING = new Date("2024-12-01T02:00:00Z");

/** The bare ids a recorded listing mentions (read with a regex, so it works on a cut-off file too). */
function idsIn(name: string): string[] {
  const text = fixtureBytes(name).toString("utf8");
  return [...new Set([...text.matchAll(/oai:arXiv\.org:([^\s<]+?)v\d+</g)].map((m) => m[1]!))];
}

async function forget(ids: string[]) {
  await prisma.paper.deleteMany({ where: { id: { in: ids } } });
}

async function paperRows(ids: string[]) {
  return prisma.paper.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
}

async function runRow(id: string) {
  return prisma.importRun.findUniqueOrThrow({ where: { id } });
}

beforeAll(async () => {
  server = await startReplayServer();
  // Read once by loadEnv(), before any import runs.
  process.env.ARXIV_RSS_URL = server.url;
  process.env.ARXIV_API_URL = `${server.url}/api/query`;
  process.env.HF_API_URL = server.url;
  process.env.ARXIV_CATEGORIES = "cs.AI,cs.CL";
});
beforeEach(() => server.reset());
afterAll(async () => {
  await server.stop();
  await prisma.$disconnect();
});

describe("importArxivFeed", () => {
  it("imports the 1,504-item listing in one request, then is idempotent (304, and the same body again)", async () => {
    const ids = idsIn(MULTI);
    await forget(ids);
    server.route("/rss/cs.AI+cs.CL", [fixture(MULTI, { etag: `"multi-${Date.now()}"` })]);

    const first = await importArxivFeed(prisma, { http, now: WEDNESDAY });
    expect(first).toMatchObject({ status: "SUCCEEDED", target: "cs.AI+cs.CL" });
    expect(first.counts).toMatchObject({ created: 935, skipped: 569, failed: 0 });
    expect(server.log).toHaveLength(1);
    expect(server.log[0]?.path).toBe("/rss/cs.AI+cs.CL");
    const run = await runRow(first.runId);
    expect(run).toMatchObject({ source: "ARXIV_FEED", status: "SUCCEEDED", created: 935, skipped: 569, failed: 0 });
    expect(run.finishedAt).not.toBeNull();
    const after = await paperRows(ids);
    expect(after).toHaveLength(935);

    // The same feed again: the stored ETag makes it a 304, and nothing is written.
    const second = await importArxivFeed(prisma, { http, now: WEDNESDAY });
    expect(second.status).toBe("EMPTY");
    expect(second.message).toMatch(/^unchanged since the last pull at \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    expect(server.log[1]?.headers["if-none-match"]).toMatch(/^"multi-/);

    // The same body once more without a validator: every paper unchanged, every row as it was.
    server.route("/rss/cs.AI+cs.CL", [fixture(MULTI)]);
    await prisma.fetchState.deleteMany({ where: { url: `${server.url}/rss/cs.AI+cs.CL` } });
    const third = await importArxivFeed(prisma, { http, now: WEDNESDAY });
    expect(third.counts).toMatchObject({ created: 0, updated: 0, unchanged: 935, skipped: 569 });
    expect(await paperRows(ids)).toEqual(after);
  });

  it("fails a cut-off feed and writes nothing", async () => {
    const ids = idsIn(TRUNCATED);
    await forget(ids);
    server.route("/rss/cs.AI", [fixture(TRUNCATED)]);
    const outcome = await importArxivFeed(prisma, { categories: ["cs.AI"], http, now: WEDNESDAY });
    expect(outcome.status).toBe("FAILED");
    expect(outcome.message).toMatch(/^arXiv's listing feed could not be read: /);
    expect(await paperRows(ids)).toEqual([]);
    expect(await runRow(outcome.runId)).toMatchObject({ status: "FAILED", created: 0, message: outcome.message });
  });

  it("fails a connection that drops mid-body, writes nothing, and stores no validator", async () => {
    const ids = idsIn(ATOM7);
    await forget(ids);
    const body = fixtureBytes(ATOM7);
    server.route("/rss/cs.AI", [{ kind: "truncate", body, bytes: Math.floor(body.length / 2) }]);
    const outcome = await importArxivFeed(prisma, { categories: ["cs.AI"], http, now: WEDNESDAY });
    expect(outcome.status).toBe("FAILED");
    expect(outcome.message).toMatch(/broke before the whole response arrived, on all 2 attempts\.$/);
    expect(await paperRows(ids)).toEqual([]);

    // Served whole, the same feed imports.
    server.route("/rss/cs.AI", [fixture(ATOM7)]);
    const retried = await importArxivFeed(prisma, { categories: ["cs.AI"], http, now: WEDNESDAY });
    expect(retried.status).toBe("SUCCEEDED");
    expect(await paperRows(ids)).toHaveLength(7);
  });

  it("reports a 'Feed error' channel with arXiv's words, whether served as HTTP 400 or 200", async () => {
    for (const status of [400, 200]) {
      server.route("/rss/astroph", [fixture("arxiv-rss_2024-11-28_bad-archive-error_aioarxiv.xml", { status })]);
      const outcome = await importArxivFeed(prisma, { categories: ["astroph"], http, now: WEDNESDAY });
      expect(outcome.status).toBe("FAILED");
      expect(outcome.message).toContain("Bad archive 'astroph'. Valid archive names are: astro-ph");
      if (status === 400) expect(outcome.message).toMatch(/\(HTTP 400\)\.$/);
    }
  });

  it("calls an empty feed on a weekend expected (EMPTY), and on an announcement day a failure", async () => {
    server.route("/rss/cs.AI+cs.CL", [fixture("arxiv-rss_2024-11-28_empty-feed_aioarxiv.xml")]);
    const weekend = await importArxivFeed(prisma, { http, now: SATURDAY_EVENING });
    expect(weekend).toMatchObject({ status: "EMPTY", message: "no arXiv announcement on 2024-11-30 (Saturday)" });
    expect(await runRow(weekend.runId)).toMatchObject({ status: "EMPTY", failed: 0 });

    const weekday = await importArxivFeed(prisma, { http, now: WEDNESDAY });
    expect(weekday.status).toBe("FAILED");
    expect(weekday.message).toMatch(
      /lists no papers for 2024-11-28, although arXiv announces on 2024-11-26 \(Tuesday\)/,
    );
  });
});

describe("importArxivIds", () => {
  it("reads arXiv's HTTP 400 error entry as arXiv refusing the id, not as an outage, and stores nothing", async () => {
    const recording = arxivPyRecording("arxiv-api_2026-04-12_http400-error-entry_arxivpy-fixture.json");
    expect(recording.url.searchParams.get("id_list")).toBe("abc");
    server.route("/api/query", [recording.behaviour]);
    await forget(["2401.00001"]);
    const outcome = await importArxivIds(prisma, ["2401.00001"], { http });
    expect(outcome.status).toBe("EMPTY");
    expect(outcome.counts.skippedItems).toEqual([
      {
        id: "2401.00001",
        reason: expect.stringMatching(
          /^arXiv does not know this id \(arXiv API: .*incorrect id format for abc/i,
        ) as string,
      },
    ]);
    expect(outcome.foundIds).toEqual([]);
    expect(await paperRows(["2401.00001"])).toEqual([]);
  });

  it("finds the one id arXiv refuses in a batch by halving it, and stores the others", async () => {
    await forget(["2201.13452"]);
    const refused = arxivPyRecording("arxiv-api_2026-04-12_http400-error-entry_arxivpy-fixture.json").behaviour;
    server.route("/api/query", [fixture("arxiv-api_2025-11-11_norel_missing-ids_rsxiv.xml")]);
    server.route("/api/query", [refused], (query) => query.get("id_list")!.split(",").includes("2401.00002"));
    const outcome = await importArxivIds(prisma, ["2201.13452", "2401.00002", "2201.13455", "2201.13453"], { http });
    expect(server.log.map((entry) => entry.query.get("id_list"))).toEqual([
      "2201.13452,2401.00002,2201.13455,2201.13453",
      "2201.13452,2401.00002",
      "2201.13452",
      "2401.00002",
      "2201.13455,2201.13453",
    ]);
    expect(outcome).toMatchObject({ status: "SUCCEEDED", foundIds: ["2201.13452"] });
    expect(outcome.counts.skippedItems).toEqual(
      expect.arrayContaining([
        { id: "2401.00002", reason: expect.stringMatching(/^arXiv does not know this id/) as string },
        { id: "2201.13455", reason: "arXiv has no paper with this id" },
      ]),
    );
    expect(await paperRows(["2201.13452"])).toHaveLength(1);
  });

  it("stores only the papers asked for, whatever else arXiv's answer holds", async () => {
    await forget(["2201.13452"]);
    // The recorded answer holds 2201.13452; only 2201.13455 is asked for.
    server.route("/api/query", [fixture("arxiv-api_2025-11-11_norel_missing-ids_rsxiv.xml")]);
    const outcome = await importArxivIds(prisma, ["2201.13455"], { http });
    expect(outcome).toMatchObject({ status: "EMPTY", foundIds: [], message: "arXiv knows none of these ids" });
    expect(await paperRows(["2201.13452"])).toEqual([]);
  });

  it("looks an old id up by its canonical form: math.DG/0211159 is math/0211159", async () => {
    server.route("/api/query", [fixture("arxiv-api_2025-11-11_empty-result_rsxiv.xml")]);
    const outcome = await importArxivIds(prisma, ["math.DG/0211159"], { http });
    expect(server.log[0]?.query.get("id_list")).toBe("math/0211159");
    expect(outcome.counts.skippedItems).toEqual([{ id: "math/0211159", reason: "arXiv has no paper with this id" }]);
  });

  it("skips ids arXiv does not know, with the reason, in either API format", async () => {
    for (const name of [
      "arxiv-api_2025-11-11_norel_missing-ids_rsxiv.xml",
      "arxiv-api_2025-08-24_legacy_missing-ids_rsxiv.xml",
    ]) {
      await forget(["2201.13452"]);
      server.reset();
      server.route("/api/query", [fixture(name)]);
      const ids = ["2201.13455", "2201.13452", "arXiv:2201.13453v2", "2201.13454", "abc"];
      const outcome = await importArxivIds(prisma, ids, { http });
      expect(outcome.status).toBe("SUCCEEDED");
      expect(outcome.foundIds).toEqual(["2201.13452"]);
      expect(outcome.counts).toMatchObject({ created: 1, skipped: 4, failed: 0 });
      expect(outcome.counts.skippedItems).toEqual(
        expect.arrayContaining([
          { id: "2201.13455", reason: "arXiv has no paper with this id" },
          { id: "2201.13453", reason: "arXiv has no paper with this id" },
          { id: "abc", reason: "not an arXiv id" },
        ]),
      );
      expect(server.log[0]?.query.get("id_list")).toBe("2201.13455,2201.13452,2201.13453,2201.13454");
      expect(server.log[0]?.query.get("max_results")).toBe("4");
      const run = await runRow(outcome.runId);
      expect(run.errors).toEqual(
        expect.arrayContaining([{ id: "2201.13455", reason: "skipped: arXiv has no paper with this id" }]),
      );
      expect((await paperRows(["2201.13452"]))[0]?.arxivFetchedAt).not.toBeNull();
    }
  });

  it("retries a 503 with Retry-After and then stores the answer", async () => {
    await forget(["2201.13452"]);
    server.route("/api/query", [
      { kind: "busy", status: 503, retryAfter: "1" },
      fixture("arxiv-api_2025-11-11_norel_missing-ids_rsxiv.xml"),
    ]);
    const outcome = await importArxivIds(prisma, ["2201.13452"], { http });
    expect(outcome).toMatchObject({ status: "SUCCEEDED", foundIds: ["2201.13452"] });
    expect(server.log).toHaveLength(2);
    expect(server.log[1]!.time - server.log[0]!.time).toBeGreaterThanOrEqual(1000);
  });

  it("asks for at most 100 ids per request, with max_results set", async () => {
    server.route("/api/query", [fixture("arxiv-api_2025-11-11_empty-result_rsxiv.xml")]);
    const ids = Array.from({ length: 150 }, (_, i) => `1201.${String(50000 + i)}`);
    const outcome = await importArxivIds(prisma, ids, { http });
    expect(outcome).toMatchObject({ status: "EMPTY", message: "arXiv knows none of these ids", foundIds: [] });
    expect(outcome.counts.skipped).toBe(150);
    expect(server.log.map((entry) => entry.query.get("id_list")!.split(",").length)).toEqual([100, 50]);
    expect(server.log.map((entry) => entry.query.get("max_results"))).toEqual(["100", "50"]);
  });

  it("refreshes papers a feed left incomplete through the export API, the latest changed first", async () => {
    server.route("/api/query", [fixture("arxiv-api_2025-11-11_empty-result_rsxiv.xml")]);
    // Six incomplete papers of this test's own, changed "last" of all (in 2100), so that the papers other files
    // add and remove meanwhile in the shared database cannot change which five are asked for.
    const ids = Array.from({ length: 6 }, (_, i) => `0801.9000${i}`);
    await forget(ids);
    await prisma.$executeRaw`
      insert into "Paper" (id, title, abstract, "publishedAt", "updatedAt")
      select id, 'Incomplete ' || id, 'An abstract.', '2008-01-01T00:00:00Z', '2100-01-01T00:00:00Z'::timestamptz
        + (ord || ' seconds')::interval
      from unnest(${ids}::text[]) with ordinality as t(id, ord)`;
    try {
      await refreshIncompletePapers(prisma, 5, { http });
      expect(server.log).toHaveLength(1);
      expect(server.log[0]!.query.get("id_list")!.split(",")).toEqual(ids.slice(1).reverse());
    } finally {
      await forget(ids);
    }
  });
});

describe("later versions and withdrawals (derived fixtures, see PROVENANCE.md)", () => {
  it("a listing's replace brings v2's text and makes the paper due; the export API then brings v2's dates, journal ref and DOI, and v3's withdrawal", async () => {
    const id = "2201.13452";
    await forget([id]);
    server.route("/api/query", [fixture("arxiv-api_2025-11-11_norel_missing-ids_rsxiv.xml")]);
    await importArxivIds(prisma, [id], { http });
    const v1 = (await paperRows([id]))[0]!;
    expect(v1).toMatchObject({ version: 1, journalRef: null, withdrawnAt: null });
    expect(v1.arxivFetchedAt).not.toBeNull();

    server.route("/rss/cs.AI+cs.CL", [fixture("arxiv-rss_DERIVED_2201.13452v2-replace.xml")]);
    const feed = await importArxivFeed(prisma, { http, now: WEDNESDAY });
    expect(feed.counts.updated).toBeGreaterThanOrEqual(1);
    const replaced = (await paperRows([id]))[0]!;
    expect(replaced.version).toBe(2);
    expect(replaced.abstract).toMatch(/^We revise the model/);
    expect(replaced.arxivFetchedAt).toBeNull();

    server.route("/api/query", [fixture("arxiv-api_DERIVED_2201.13452v2-journal-ref-doi.xml")]);
    await refreshIncompletePapers(prisma, 300, { http });
    const v2 = (await paperRows([id]))[0]!;
    expect(v2).toMatchObject({
      version: 2,
      journalRef: "J. Differential Equations 350 (2023) 1-35",
      doi: "10.1016/j.jde.2023.01.001",
      arxivComment: "35 pages; published version",
    });
    expect(v2.revisedAt?.toISOString()).toBe("2023-03-10T09:15:00.000Z");

    // An API answer lagging behind (v1 again) does not take the paper back.
    server.route("/api/query", [fixture("arxiv-api_2025-11-11_norel_missing-ids_rsxiv.xml")]);
    await importArxivIds(prisma, [id], { http });
    expect((await paperRows([id]))[0]).toMatchObject({ version: 2, journalRef: v2.journalRef });

    server.route("/api/query", [fixture("arxiv-api_DERIVED_2201.13452v3-withdrawn.xml")]);
    await importArxivIds(prisma, [id], { http });
    const v3 = (await paperRows([id]))[0]!;
    expect(v3.version).toBe(3);
    expect(v3.withdrawnAt?.toISOString()).toBe("2023-06-01T12:00:00.000Z");
  });
});

describe("importHfDaily", () => {
  it("imports Hugging Face's day, and the same response again changes nothing", async () => {
    server.route("/api/daily_papers", [fixture("hf-daily-papers_2026-06-12_sotawhat-fixture.json")]);
    const first = await importHfDaily(prisma, { date: "2026-06-12", http });
    expect(first.status).toBe("SUCCEEDED");
    expect(first.foundIds).toHaveLength(30);
    expect(server.log[0]?.query.get("date")).toBe("2026-06-12");
    const rows = await paperRows(first.foundIds);
    const second = await importHfDaily(prisma, { date: "2026-06-12", http });
    expect(second.counts).toMatchObject({ created: 0, updated: 0, unchanged: 30 });
    expect(await paperRows(first.foundIds)).toEqual(rows);
  });

  it("fails a body that is not JSON, and an HTTP error, with the reason", async () => {
    server.route("/api/daily_papers", [{ kind: "respond", status: 200, body: Buffer.from('[{"paper": ') }]);
    const cut = await importHfDaily(prisma, { date: "2026-06-13", http });
    expect(cut.status).toBe("FAILED");
    expect(cut.message).toMatch(/^Hugging Face's response is not valid JSON/);
    server.route("/api/daily_papers", [{ kind: "respond", status: 404, body: Buffer.from('{"error":"not found"}') }]);
    const missing = await importHfDaily(prisma, { date: "2026-06-13", http });
    expect(missing).toMatchObject({
      status: "FAILED",
      message: expect.stringMatching(/answered HTTP 404 \(Not Found\)\.$/),
    });
  });
});
