import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TSX_NODE_ARGS } from "@/tools/tsx-node-args";
import { testDatabaseUrl } from "@/tests/support/databases";
import { fixture, FIXTURES_DIR, startReplayServer, type ReplayServer } from "@/tests/support/replay-server";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ATOM7 = "arxiv-rss-atom_2025-08-20_cs.AI_7-entries_zotero-arxiv-daily.xml";
let server: ReplayServer;

/** Runs `npm run import -- <args>` as npm does (same node flags), against the replay server. */
function runImport(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...TSX_NODE_ARGS, path.join(ROOT, "scripts/import.ts"), ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: testDatabaseUrl(),
        ARXIV_RSS_URL: server.url,
        ARXIV_API_URL: `${server.url}/api/query`,
        HF_API_URL: server.url,
        APP_URL: "https://papers.example.org",
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  server = await startReplayServer();
  server.route("/rss/cs.AI", [fixture(ATOM7)]);
  server.route("/rss/astroph", [fixture("arxiv-rss_2024-11-28_bad-archive-error_aioarxiv.xml", { status: 400 })]);
  server.route("/api/query", [fixture("arxiv-api_2025-11-11_norel_missing-ids_rsxiv.xml")]);
  server.route("/api/daily_papers", [fixture("hf-daily-papers_2026-06-12_sotawhat-fixture.json")]);
});
afterAll(() => server.stop());

describe("npm run import", () => {
  it("imports a feed over HTTP and prints the one-line summary (exit 0)", async () => {
    const result = await runImport(["arxiv-feed", "--categories", "cs.AI"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(
      /^arxiv-feed cs\.AI: \d+ new, \d+ updated, \d+ unchanged, 0 skipped, 0 failed$/,
    );
    const request = server.log.find((entry) => entry.path === "/rss/cs.AI");
    expect(request?.headers["user-agent"]).toBe(
      "DailyPapers/0.1 (+https://papers.example.org; mailto:papers@localhost)",
    );
  });

  it("exits 1 and gives arXiv's reason when the feed is an error", async () => {
    const result = await runImport(["arxiv-feed", "--categories", "astroph"]);
    expect(result.code).toBe(1);
    expect(result.stdout.trim()).toMatch(
      /^arxiv-feed astroph: 0 new, 0 updated, 0 unchanged, 0 skipped, 0 failed — FAILED: arXiv: Bad archive 'astroph'\./,
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it("lists the ids arXiv does not know, with the reason", async () => {
    const result = await runImport(["arxiv-ids", "2201.13455", "2201.13452", "not-an-id"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toMatch(
      /^arxiv-ids 2201\.13455, 2201\.13452: [01] new, \d+ updated, \d+ unchanged, 2 skipped, 0 failed$/,
    );
    expect(lines).toContain("  skipped 2201.13455: arXiv has no paper with this id");
    expect(lines).toContain("  skipped not-an-id: not an arXiv id");
  });

  it("reads a recorded response with --from-file, and fails a cut-off one (exit 1)", async () => {
    const [good, cut, missing] = await Promise.all([
      runImport(["arxiv-feed", "--from-file", path.join(FIXTURES_DIR, ATOM7)]),
      runImport([
        "arxiv-feed",
        "--from-file",
        path.join(FIXTURES_DIR, "arxiv-rss-atom_2025-08-20_cs.AI_TRUNCATED-by-committer_zotero-arxiv-daily.xml"),
      ]),
      runImport(["hf-daily", "--from-file", "/nonexistent/daily.json"]),
    ]);
    expect(good.code).toBe(0);
    expect(good.stdout.trim()).toMatch(
      new RegExp(
        `^arxiv-feed ${ATOM7.replaceAll(".", "\\.")}: \\d+ new, \\d+ updated, \\d+ unchanged, 0 skipped, 0 failed$`,
      ),
    );
    expect(cut.code).toBe(1);
    expect(cut.stdout).toContain("FAILED: arXiv's listing feed could not be read");
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain("FAILED: Cannot read /nonexistent/daily.json (ENOENT).");
  });

  it("imports Hugging Face's day by date", async () => {
    const result = await runImport(["hf-daily", "--date", "2026-06-12"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(
      /^hf-daily 2026-06-12: \d+ new, \d+ updated, \d+ unchanged, 0 skipped, 0 failed$/,
    );
  });

  it("refuses bad arguments with the usage line (exit 1)", async () => {
    const results = await Promise.all([
      runImport(["arxiv-everything"]),
      runImport(["hf-daily", "--date", "2026-13-40"]),
      runImport(["arxiv-ids"]),
    ]);
    for (const result of results) {
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("Usage: npm run import -- arxiv-feed");
      expect(result.stderr).not.toMatch(/^\s+at /m);
    }
    expect(results[0]!.stderr).toContain("unknown source arxiv-everything");
    expect(results[1]!.stderr).toContain("--date: must be a real date");
  });
});
