/**
 * `npm run bench` — how fast the app answers with a large database: 100k papers, 10k users and 1M upvotes
 * by default (made once by `db:generate`, then reused), served by the production build.
 *
 * For each route: the first (cold) request's time, then autocannon's latency percentiles and throughput
 * under `--connections` concurrent clients for `--duration` seconds, with each p50 as a ratio of its budget.
 * Also the gzipped JavaScript the feed ships and the server's peak memory.
 *
 * The data goes to a database of its own: `dailypapers_bench` on the DATABASE_URL server, or an embedded
 * database in `.data/bench-pglite` when DATABASE_URL is unset. Your demo data is never touched.
 *   flags: --papers 100000 --users 10000 --upvotes 1000000 --days 365 --duration 10 --connections 8
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { z } from "zod";
import { ensureEmbeddedDatabase } from "@/lib/embedded-db/process";
import { AppError } from "@/lib/errors";
import { deployMigrations } from "@/lib/migrate";
import { createPrismaClient } from "@/lib/prisma-client";
import { seedDemoData } from "@/prisma/seed/demo";
import { buildIfChanged } from "@/scripts/build-if-changed";
import { runScript } from "@/scripts/run-script";
import { TSX_NODE_ARGS } from "@/scripts/tsx-node-args";

const root = path.resolve(import.meta.dirname, "..");
const PORT = 3200;

const flagsSchema = z.object({
  papers: z.coerce.number().int().min(100).default(100_000),
  users: z.coerce.number().int().min(10).default(10_000),
  upvotes: z.coerce.number().int().min(0).default(1_000_000),
  days: z.coerce.number().int().min(1).default(365),
  duration: z.coerce.number().int().min(1).max(120).default(10),
  connections: z.coerce.number().int().min(1).max(100).default(8),
});

async function benchDatabase(): Promise<{ url: string; embeddedDir?: string; release(): Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    const dataDir = path.join(root, ".data", "bench-pglite");
    const db = await ensureEmbeddedDatabase({ dataDir });
    return { url: db.url, embeddedDir: dataDir, release: () => db.release() };
  }
  const url = new URL(server);
  url.pathname = "/dailypapers_bench";
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    const exists = await admin.query("select 1 from pg_database where datname = 'dailypapers_bench'");
    if (!exists.rowCount) await admin.query('CREATE DATABASE "dailypapers_bench"');
  } finally {
    await admin.end();
  }
  return { url: url.toString(), release: async () => {} };
}

async function scalar<T>(url: string, sql: string): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ value: T }>(sql);
    return rows[0]!.value;
  } finally {
    await client.end();
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function waitUntilUp(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      await fetch(url, { method: "HEAD" });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new AppError("BENCH_SERVER", "The app server did not start within a minute.");
}

function peakMemoryMiB(pid: number): number {
  // next start runs its server in child processes: add up the peak resident memory of the whole tree.
  const children = spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
    .stdout.split("\n")
    .map((s) => Number(s.trim()))
    .filter(Boolean);
  const own = (() => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  })();
  return own + children.reduce((sum, child) => sum + peakMemoryMiB(child), 0);
}

async function shippedJavaScript(
  base: string,
  pathname: string,
): Promise<{ files: number; raw: number; gzip: number }> {
  const html = await (await fetch(base + pathname)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!))];
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { files: sources.length, raw, gzip };
}

await runScript(async () => {
  const { values } = parseArgs({
    options: Object.fromEntries(Object.keys(flagsSchema.shape).map((k) => [k, { type: "string" as const }])),
  });
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success)
    throw new AppError(
      "USAGE",
      `Bad flag: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`,
    );
  const flags = parsed.data;

  const db = await benchDatabase();
  let server: ReturnType<typeof spawn> | undefined;
  try {
    await deployMigrations(db.url, { embeddedDir: db.embeddedDir });
    const prisma = createPrismaClient(db.url, 2);
    await seedDemoData(prisma);
    await prisma.$disconnect();

    const papers = Number(await scalar<string>(db.url, 'select count(*)::text as value from "Paper"'));
    if (papers < flags.papers) {
      console.log(`Generating ${flags.papers} papers, ${flags.users} users and ${flags.upvotes} upvotes (once)…`);
      const started = performance.now();
      const { DATABASE_URL: _server, ...rest } = process.env;
      const env: NodeJS.ProcessEnv = db.embeddedDir
        ? { ...rest, EMBEDDED_DB_DIR: db.embeddedDir }
        : { ...rest, DATABASE_URL: db.url };
      const result = spawnSync(
        process.execPath,
        [
          ...TSX_NODE_ARGS,
          "scripts/db-generate.ts",
          "--papers",
          String(flags.papers),
          "--users",
          String(flags.users),
          "--upvotes",
          String(flags.upvotes),
          "--days",
          String(flags.days),
        ],
        { cwd: root, env, stdio: "inherit" },
      );
      if (result.status !== 0) throw new AppError("BENCH_GENERATE", "Generating the synthetic data failed.");
      console.log(`Generated in ${seconds(performance.now() - started)}.`);
    }
    const totals = {
      papers: Number(await scalar<string>(db.url, 'select count(*)::text as value from "Paper"')),
      upvotes: Number(await scalar<string>(db.url, 'select count(*)::text as value from "Upvote"')),
    };
    const latestDay = await scalar<string>(db.url, `select max(day)::text as value from "DailyPaper"`);
    const topPaper = await scalar<string>(
      db.url,
      `select id as value from "Paper" order by "upvoteCount" desc limit 1`,
    );
    const busiestDay = await scalar<string>(
      db.url,
      `select day::text as value from "DailyPaper" group by day order by count(*) desc, day desc limit 1`,
    );

    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    } as NodeJS.ProcessEnv;
    buildIfChanged(env);
    const inUse = await fetch(`http://127.0.0.1:${PORT}`, { method: "HEAD" }).then(
      () => true,
      () => false,
    );
    if (inUse)
      throw new AppError(
        "BENCH_PORT",
        `Port ${PORT} is in use: stop whatever listens there, or it would be measured instead.`,
      );
    server = spawn(
      process.execPath,
      [path.join(root, "node_modules/next/dist/bin/next"), "start", "--port", String(PORT)],
      { env, stdio: "ignore" },
    );
    const base = `http://127.0.0.1:${PORT}`;
    await waitUntilUp(base);

    const routes: { name: string; path: string; budgetMs: number }[] = [
      { name: "feed (latest day)", path: "/", budgetMs: 100 },
      { name: "a day", path: `/papers/date/${latestDay}`, budgetMs: 100 },
      { name: "busiest day (p. 1)", path: `/papers/date/${busiestDay}`, budgetMs: 150 },
      { name: "a month", path: `/papers/month/${latestDay.slice(0, 7)}`, budgetMs: 200 },
      { name: "trending", path: "/papers/trending", budgetMs: 100 },
      { name: "paper page", path: `/papers/${topPaper}`, budgetMs: 50 },
      { name: "search", path: "/papers/search?q=transformer+reasoning", budgetMs: 200 },
      { name: "JSON API (a day)", path: `/api/daily_papers?date=${latestDay}`, budgetMs: 50 },
      { name: "RSS feed", path: "/feeds/daily.xml", budgetMs: 50 },
    ];

    console.log(
      `\nDatabase: ${db.embeddedDir ? "embedded PGlite" : "PostgreSQL server"} with ${totals.papers} papers and ${totals.upvotes} upvotes`,
    );
    console.log(`Load: ${flags.connections} connections for ${flags.duration} s per route\n`);
    console.log(
      ["route".padEnd(20), "cold ms", "p50 ms", "p99 ms", "req/s", "p50/budget"].map((h) => h.padStart(10)).join(""),
    );
    for (const route of routes) {
      const coldStart = performance.now();
      const cold = await fetch(base + route.path);
      await cold.arrayBuffer();
      const coldMs = performance.now() - coldStart;
      if (cold.status !== 200) throw new AppError("BENCH_STATUS", `${route.path} answered ${cold.status}`);
      const result = await autocannon({
        url: base + route.path,
        connections: flags.connections,
        duration: flags.duration,
      });
      const ratio = result.latency.p50 / route.budgetMs;
      console.log(
        [
          route.name.padEnd(20),
          coldMs.toFixed(0),
          String(result.latency.p50),
          String(result.latency.p99),
          result.requests.average.toFixed(0),
          `${ratio.toFixed(2)} ${ratio <= 1 ? "✓" : "✗"}`,
        ]
          .map((c) => c.padStart(10))
          .join(""),
      );
      if (result.non2xx || result.errors) console.log(`   ${result.non2xx} non-2xx answers, ${result.errors} errors`);
    }

    const js = await shippedJavaScript(base, "/");
    console.log(
      `\nJavaScript shipped to the feed: ${js.files} files, ${(js.raw / 1024).toFixed(1)} KiB raw, ${(js.gzip / 1024).toFixed(1)} KiB gzipped`,
    );
    if (server.pid) console.log(`App server peak memory: ${peakMemoryMiB(server.pid).toFixed(0)} MiB`);
  } finally {
    server?.kill("SIGTERM");
    await db.release();
  }
});
