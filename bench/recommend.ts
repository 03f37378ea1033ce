/**
 * `npm run bench:recommend` (and the last part of `npm run bench`) — how well and how fast For you ranks
 * (lib/recommend/), measured on synthetic data with topical structure (tools/synthetic/: papers in research
 * areas with their own vocabulary and category, members with one to three interests, votes mostly within
 * them plus noise).
 *
 * 1. Fills a scratch database with `db:generate` (`--papers 100000 --users 10000 --upvotes 1000000 --days 365`;
 *    `--size small` is 10k papers, 1k members and 100k upvotes, for a quick run).
 * 2. Holds out `--holdout` (30 %) of each member's votes on the papers For you may recommend (those featured in
 *    its window, the last month): they are deleted, so neither ranking nor the upvote counts know them.
 * 3. For up to `--members` (1,000) members with votes both kept and held out: the top 20 of For you (as the page
 *    and the API ask it, `getForYou`) and of the baseline, the window's most upvoted papers the member has not
 *    upvoted; prints recall@20 and nDCG@20 of both and their ratios (goal: For you ≥ 2× the baseline's recall@20).
 * 4. The latency of those For you requests, the candidate index warm (p50, p95, p99; goal: p95 < 100 ms), and
 *    the time to build the index once (the first request of a window, and every `INDEX_FRESH_MS` in the
 *    background).
 *
 * Its database is its own: `<DATABASE_URL's name>_bench_recommend` on the DATABASE_URL server, or a throw-away
 * embedded PostgreSQL when DATABASE_URL is unset; dropped at the end.
 *   flags: --size full|small --papers --users --upvotes --days --members 1000 --holdout 0.3
 *          --keep (server only: keep the database, held-out votes included, and reuse it on the next run with --keep)
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { z } from "zod";
import { addDays, today } from "@/lib/dates/days";
import { createPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { startScratchDatabase } from "@/tools/embedded-db/process";
import { deployMigrations } from "@/tools/migrate";
import { runScript } from "@/tools/run-script";
import { TSX_NODE_ARGS } from "@/tools/tsx-node-args";
import { createServerDatabase } from "@/tests/support/databases";

const root = path.resolve(import.meta.dirname, "..");
const K = 20;
const GOALS = { recallRatio: 2, p95Ms: 100 };

const SIZES = {
  full: { papers: 100_000, users: 10_000, upvotes: 1_000_000 },
  small: { papers: 10_000, users: 1_000, upvotes: 100_000 },
} as const;

const flagsSchema = z.object({
  size: z.enum(["full", "small"]).default("full"),
  papers: z.coerce.number().int().min(1_000).optional(),
  users: z.coerce.number().int().min(100).optional(),
  upvotes: z.coerce.number().int().min(1_000).optional(),
  days: z.coerce.number().int().min(60).default(365),
  members: z.coerce.number().int().min(10).default(1_000),
  holdout: z.coerce.number().min(0.05).max(0.9).default(0.3),
  keep: z.boolean().default(false),
});

interface BenchDatabase {
  url: string;
  label: string;
  /** A kept database of an earlier run with --keep: generated and held out already. */
  reused: boolean;
  release(): Promise<void>;
}

async function benchDatabase(keep: boolean): Promise<BenchDatabase> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    const scratch = await startScratchDatabase();
    return {
      url: scratch.url,
      label: "embedded PostgreSQL (scratch)",
      reused: false,
      release: () => scratch.release(),
    };
  }
  const name = `${new URL(server).pathname.slice(1) || "dailypapers"}_bench_recommend`.replace(/[^a-z0-9_]/gi, "_");
  const url = new URL(server);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    if (keep && (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount) {
      const probe = new pg.Client({ connectionString: url.toString() });
      await probe.connect();
      const ready = (await probe.query("SELECT to_regclass('bench_heldout') IS NOT NULL AS ready")).rows[0]?.ready;
      await probe.end();
      if (ready)
        return { url: url.toString(), label: `PostgreSQL (${name}, kept)`, reused: true, release: async () => {} };
    }
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const db = await createServerDatabase(server, name);
  return {
    url: db.url,
    label: `PostgreSQL (${name})`,
    reused: false,
    release: keep ? async () => {} : () => db.drop(),
  };
}

function generate(url: string, sizes: { papers: number; users: number; upvotes: number; days: number }): void {
  const args = ["--papers", sizes.papers, "--users", sizes.users, "--upvotes", sizes.upvotes, "--days", sizes.days];
  const result = spawnSync(process.execPath, [...TSX_NODE_ARGS, "scripts/db-generate.ts", ...args.map(String)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) throw new AppError("BENCH_GENERATE", "Generating the synthetic data failed.");
}

/**
 * Moves `share` of every member's votes on the window's featured papers into `bench_heldout` (chosen by a hash
 * of the pair: the same each run) and deletes them, the counters following through the trigger.
 */
async function holdOut(client: pg.Client, since: string, share: number): Promise<void> {
  await client.query(
    `CREATE TABLE bench_heldout AS
     SELECT v."userId", v."paperId" FROM "Upvote" v JOIN "DailyPaper" d ON d."paperId" = v."paperId"
     WHERE d.day >= $1::date AND abs(hashtext(v."userId" || '/' || v."paperId")) % 10000 < $2`,
    [since, Math.round(share * 10_000)],
  );
  await client.query(
    `DELETE FROM "Upvote" v USING bench_heldout h WHERE v."userId" = h."userId" AND v."paperId" = h."paperId"`,
  );
  await client.query("VACUUM ANALYZE");
}

function groupPairs(rows: { userId: string; paperId: string }[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const { userId, paperId } of rows) {
    let set = map.get(userId);
    if (!set) map.set(userId, (set = new Set()));
    set.add(paperId);
  }
  return map;
}

/** recall@K and nDCG@K (binary relevance) of `ranked` against the held-out `relevant`. */
function score(ranked: readonly string[], relevant: ReadonlySet<string>): { recall: number; ndcg: number } {
  let hits = 0;
  let dcg = 0;
  ranked.slice(0, K).forEach((id, i) => {
    if (!relevant.has(id)) return;
    hits++;
    dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(K, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return { recall: hits / relevant.size, ndcg: ideal > 0 ? dcg / ideal : 0 };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

await runScript(async () => {
  const { values } = parseArgs({
    options: {
      ...Object.fromEntries(Object.keys(flagsSchema.shape).map((key) => [key, { type: "string" as const }])),
      keep: { type: "boolean" },
    },
  });
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) {
    throw new AppError(
      "USAGE",
      "Usage: npm run bench:recommend -- [--size full|small] [--papers n --users n --upvotes n --days n] [--members 1000] [--holdout 0.3]",
    );
  }
  const flags = parsed.data;
  const sizes = {
    papers: flags.papers ?? SIZES[flags.size].papers,
    users: flags.users ?? SIZES[flags.size].users,
    upvotes: flags.upvotes ?? SIZES[flags.size].upvotes,
    days: flags.days,
  };

  const db = await benchDatabase(flags.keep);
  const client = new pg.Client({ connectionString: db.url });
  try {
    console.log(
      `For you: ${sizes.papers.toLocaleString("en-US")} papers, ${sizes.users.toLocaleString("en-US")} members, ` +
        `${sizes.upvotes.toLocaleString("en-US")} upvotes over ${sizes.days} days; ${db.label}`,
    );
    let started = performance.now();
    if (!db.reused) {
      await deployMigrations(db.url);
      generate(db.url, sizes);
      console.log(`Generated in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
    }

    // The app's modules read DATABASE_URL when first imported: point them at this database first.
    process.env.DATABASE_URL = db.url;
    const { CANDIDATE_DAYS, candidateIndex } = await import("@/lib/recommend/candidates");
    const { getForYou } = await import("@/lib/recommend/data");
    const since = addDays(today(), -CANDIDATE_DAYS);

    await client.connect();
    if (!db.reused) await holdOut(client, since, flags.holdout);
    const heldOutPairs = (await client.query(`SELECT "userId", "paperId" FROM bench_heldout`)).rows;
    const heldOut = groupPairs(heldOutPairs);
    const kept = groupPairs(
      (
        await client.query(
          `SELECT v."userId", v."paperId" FROM "Upvote" v JOIN "DailyPaper" d ON d."paperId" = v."paperId"
           WHERE d.day >= $1::date`,
          [since],
        )
      ).rows,
    );
    const voters = new Set((await client.query(`SELECT DISTINCT "userId" FROM "Upvote"`)).rows.map((r) => r.userId));
    // The baseline's ranking: the window's most upvoted papers (its featured papers, as the held-out votes are).
    const popular = (
      await client.query<{ id: string }>(
        `SELECT p.id FROM "Paper" p JOIN "DailyPaper" d ON d."paperId" = p.id
         WHERE d.day >= $1::date AND p."hiddenAt" IS NULL AND p."withdrawnAt" IS NULL
         ORDER BY p."upvoteCount" DESC, p.id LIMIT 5000`,
        [since],
      )
    ).rows.map((row) => row.id);

    const members = [...heldOut.keys()]
      .filter((id) => voters.has(id))
      .sort()
      .slice(0, flags.members);
    if (!members.length) throw new AppError("BENCH_MISMATCH", "No member has both kept and held-out votes.");

    const prisma = createPrismaClient(db.url, 4);
    started = performance.now();
    const index = await candidateIndex(prisma);
    const buildMs = performance.now() - started;

    const forYou = { recall: [] as number[], ndcg: [] as number[] };
    const baseline = { recall: [] as number[], ndcg: [] as number[] };
    const latencies: number[] = [];
    for (const member of members) {
      const relevant = heldOut.get(member)!;
      const t0 = performance.now();
      const { items } = await getForYou(member, K, prisma);
      latencies.push(performance.now() - t0);
      const mine = score(
        items.map((item) => item.paper.id),
        relevant,
      );
      forYou.recall.push(mine.recall);
      forYou.ndcg.push(mine.ndcg);
      const upvoted = kept.get(member) ?? new Set<string>();
      const theirs = score(popular.filter((id) => !upvoted.has(id)).slice(0, K), relevant);
      baseline.recall.push(theirs.recall);
      baseline.ndcg.push(theirs.ndcg);
    }
    await prisma.$disconnect();

    latencies.sort((a, b) => a - b);
    const row = (label: string, r: number, n: number) =>
      `${label.padEnd(26)}${r.toFixed(4).padStart(12)}${n.toFixed(4).padStart(12)}`;
    const fy = { recall: mean(forYou.recall), ndcg: mean(forYou.ndcg) };
    const base = { recall: mean(baseline.recall), ndcg: mean(baseline.ndcg) };
    console.log(
      `\n${index.candidates.length.toLocaleString("en-US")} candidates (featured or announced since ${since}), ` +
        `${heldOutPairs.length.toLocaleString("en-US")} votes held out; ${members.length} members evaluated\n`,
    );
    console.log(`${"".padEnd(26)}${"recall@20".padStart(12)}${"nDCG@20".padStart(12)}`);
    console.log(row("For you", fy.recall, fy.ndcg));
    console.log(row("most upvoted (baseline)", base.recall, base.ndcg));
    const recallRatio = fy.recall / base.recall;
    console.log(
      `${"ratio".padEnd(26)}${`×${recallRatio.toFixed(2)}`.padStart(12)}${`×${(fy.ndcg / base.ndcg).toFixed(2)}`.padStart(12)}` +
        `   (goal recall ×${GOALS.recallRatio}: ${recallRatio >= GOALS.recallRatio ? "met" : "NOT met"})`,
    );
    const p95 = percentile(latencies, 95);
    console.log(
      `\nFor you request (signals, ranking, the papers; index warm): p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
        `p95 ${p95.toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms` +
        `   (goal p95 < ${GOALS.p95Ms} ms: ${p95 < GOALS.p95Ms ? "met" : "NOT met"})`,
    );
    console.log(
      `Candidate index build (once a window, then every few minutes in the background): ${buildMs.toFixed(0)} ms, ` +
        `${index.vocabulary.idf.length.toLocaleString("en-US")} terms`,
    );
    // On a shared machine, compare latencies only between runs made under the same load.
    console.log(
      `Load average at the end: ${os
        .loadavg()
        .map((load) => load.toFixed(1))
        .join(", ")}`,
    );
  } finally {
    await client.end().catch(() => {});
    await db.release();
  }
});
