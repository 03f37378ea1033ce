/**
 * `npm run bench` — how fast the production app answers, as a fraction of what this machine can serve at
 * all: the "floor" is a plain node:http server (its own process) sending the feed's own HTML from memory,
 * measured in the same run under the same load.
 *
 * For every reader route (feed, the latest and the busiest day, a week, a month, trending, a paper page, search, JSON API, RSS,
 * Atom): autocannon at `--connections` (50) for `--duration` seconds, printing req/s, p50, p99 and the ratio
 * of req/s to the floor's, each checked against the goals (pages ≥ 0.5× and p99 < 150 ms; feeds and API
 * ≥ 0.5×). Each page and the JSON API get a second row, `(member)`, measured right after as a signed-in
 * member (a user and a session made here, removed after; its cookie on every request): members are served the
 * same stored page as strangers, so their rows are held to the same goals. A last row, `/api/viewer (member)`,
 * is what a member's page asks beside itself (their votes and counts on the home page's papers, their name),
 * which no cache answers: it has no goal, it shows what a member's own part costs. Then search latency over
 * many different queries (p95), vote throughput with `--voters` (200)
 * signed-in clients toggling through the real vote endpoint (acknowledged votes/s, bytes per answer, and
 * whether the counts stayed exact), the gzipped JavaScript the feed ships, and the server's peak memory.
 *
 * Data: `--data large` (default) fills a database of its own once with `db:generate` (100k papers, 10k
 * users, 1M upvotes over 365 days; `--papers --users --upvotes --days` change that); `--data demo` uses
 * only the demo papers. Databases: `<DATABASE_URL's name>_bench[_demo]` on the DATABASE_URL server, or
 * an embedded one in `.data/bench-postgres[-demo]` when DATABASE_URL is unset. Your own data is never touched.
 * Last, Lighthouse's mobile performance score of `/` in chromium (the median of `--lighthouse-runs`, 3; 0 skips it).
 * With `--site-access members` the server is a members-only site (SITE_ACCESS=members): strangers' rows are
 * refused (said, not measured) and members' rows show what the gate before the page cache costs.
 *   flags: --data large|demo --duration 8 --connections 50 --voters 200 --port 3200 --floor-port 3201
 *          --lighthouse-runs 3 --site-access public|members
 *   With NEXT_DIST_DIR set, that build is used as it is (build it first); otherwise `.next` is rebuilt
 *   when the sources changed.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { EventEmitter } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { z } from "zod";
import { ensureEmbeddedDatabase } from "@/tools/embedded-db/process";
import { AppError } from "@/lib/errors";
import { deployMigrations } from "@/tools/migrate";
import { isoWeekOf } from "@/lib/dates/days";
import { createPrismaClient } from "@/lib/db/create-client";
import { firstIssue } from "@/lib/validation";
import { seedDemoData } from "@/prisma/seed/demo";
import { buildIfChanged } from "@/tools/build-if-changed";
import { lighthouseMobile } from "@/bench/lighthouse";
import { runScript } from "@/tools/run-script";
import { TSX_NODE_ARGS } from "@/tools/tsx-node-args";

const root = path.resolve(import.meta.dirname, "..");

const flagsSchema = z.object({
  data: z.enum(["large", "demo"]).default("large"),
  papers: z.coerce.number().int().min(100).default(100_000),
  users: z.coerce.number().int().min(10).default(10_000),
  upvotes: z.coerce.number().int().min(0).default(1_000_000),
  days: z.coerce.number().int().min(1).default(365),
  duration: z.coerce.number().int().min(1).max(120).default(8),
  connections: z.coerce.number().int().min(1).max(500).default(50),
  voters: z.coerce.number().int().min(1).max(2000).default(200),
  port: z.coerce.number().int().min(1024).max(65535).default(3200),
  "floor-port": z.coerce.number().int().min(1024).max(65535).default(3201),
  "lighthouse-runs": z.coerce.number().int().min(0).max(9).default(3),
  /** `members`: the server runs as a members-only site (SITE_ACCESS); strangers are refused, members measured. */
  "site-access": z.enum(["public", "members"]).default("public"),
});
type Flags = z.infer<typeof flagsSchema>;

/** The goals of issue 11, as ratios to the floor measured in the same run. */
const GOALS = {
  pageRatio: 0.5,
  pageP99Ms: 150,
  machineRatio: 0.5,
  searchP95Ms: 50,
  votesPerSecond: 500,
  feedJsGzipBytes: 100 * 1024,
  lighthouseScore: 95,
};

interface Database {
  url: string;
  label: string;
  embeddedDir?: string;
  release(): Promise<void>;
}

async function benchDatabase(flags: Flags): Promise<Database> {
  const suffix = flags.data === "demo" ? "_demo" : "";
  const server = process.env.DATABASE_URL;
  if (!server) {
    const dataDir = path.join(root, ".data", `bench-postgres${suffix.replace("_", "-")}`);
    const db = await ensureEmbeddedDatabase({ dataDir });
    return { url: db.url, label: "embedded PostgreSQL", embeddedDir: dataDir, release: () => db.release() };
  }
  const url = new URL(server);
  const name = `${url.pathname.slice(1) || "dailypapers"}_bench${suffix}`.replace(/[^a-z0-9_]/gi, "_");
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return { url: url.toString(), label: `PostgreSQL (${name})`, release: async () => {} };
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function scalar<T>(url: string, sql: string): Promise<T> {
  return withClient(url, async (client) => (await client.query<{ value: T }>(sql)).rows[0]!.value);
}

/** Migrates, loads the demo data, and with `--data large` generates the synthetic set once. */
async function prepareData(db: Database, flags: Flags): Promise<void> {
  await deployMigrations(db.url);
  const prisma = createPrismaClient(db.url, 2);
  await seedDemoData(prisma);
  await prisma.$disconnect();
  if (flags.data !== "demo") await generateData(db, flags);
  await vacuum(db.url);
}

/**
 * Clears what earlier runs left: every vote rewrites its paper's row, so one run's vote phase leaves tens of
 * thousands of dead row versions on a few papers, which the next run's reads would wade through (150 MB for
 * the 15 demo papers after a few runs) on a server whose autovacuum is off, as on the test machines.
 * Production keeps autovacuum on, which does the same on its own.
 */
async function vacuum(url: string): Promise<void> {
  await withClient(url, (client) => client.query("VACUUM (ANALYZE)"));
}

/** Fills the database with synthetic papers, users and upvotes, once (`db:generate`). */
async function generateData(db: Database, flags: Flags): Promise<void> {
  const papers = Number(await scalar<string>(db.url, 'select count(*)::text as value from "Paper"'));
  if (papers >= flags.papers) return;
  console.log(`Generating ${flags.papers} papers, ${flags.users} users and ${flags.upvotes} upvotes (once)…`);
  const started = performance.now();
  const { DATABASE_URL: _server, ...rest } = process.env;
  const env: NodeJS.ProcessEnv = db.embeddedDir
    ? { ...rest, EMBEDDED_DB_DIR: db.embeddedDir }
    : { ...rest, DATABASE_URL: db.url };
  const args = ["--papers", flags.papers, "--users", flags.users, "--upvotes", flags.upvotes, "--days", flags.days];
  const result = spawnSync(process.execPath, [...TSX_NODE_ARGS, "scripts/db-generate.ts", ...args.map(String)], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new AppError("BENCH_GENERATE", "Generating the synthetic data failed.");
  console.log(`Generated in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

async function waitUntilUp(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      await fetch(url, { method: "HEAD" });
      return;
    } catch {
      await sleep(250);
    }
  }
  throw new AppError("BENCH_SERVER", "The app server did not start within a minute.");
}

async function refuseBusyPort(port: number): Promise<void> {
  const inUse = await fetch(`http://127.0.0.1:${port}`, { method: "HEAD" }).then(
    () => true,
    () => false,
  );
  if (inUse) {
    throw new AppError(
      "BENCH_PORT",
      `Port ${port} is in use: stop whatever listens there, or pass --port/--floor-port.`,
    );
  }
}

/** What one clock tick of /proc's CPU times is worth: USER_HZ, 100 on Linux. */
const MS_PER_CLOCK_TICK = 10;

/** `pid` and its descendants: the server may run parts in child processes. */
function processTree(pid: number): number[] {
  const children = spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
    .stdout.split("\n")
    .map((s) => Number(s.trim()))
    .filter(Boolean);
  return [pid, ...children.flatMap(processTree)];
}

/** What /proc says of a process, or "" once it is gone. */
function procFile(pid: number, file: "status" | "stat"): string {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return "";
  }
}

/** The peak resident memory of a process tree, in MiB. */
function peakMemoryMiB(pid: number): number {
  return processTree(pid).reduce(
    (sum, each) => sum + Number(/VmHWM:\s+(\d+)/.exec(procFile(each, "status"))?.[1] ?? 0) / 1024,
    0,
  );
}

/** CPU time (user and system) that a process tree has used so far, in ms. */
function processCpuMs(pid: number): number {
  return processTree(pid).reduce((sum, each) => {
    // Fields 14 and 15 (utime, stime), counted after the command name, in clock ticks.
    const fields = procFile(each, "stat").split(") ").pop()!.split(" ");
    return sum + (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * MS_PER_CLOCK_TICK;
  }, 0);
}

async function shippedJavaScript(
  base: string,
  pathname: string,
): Promise<{ files: number; raw: number; gzip: number }> {
  const html = await (await fetch(base + pathname)).text();
  // `noModule` scripts (Next's legacy polyfills) are never downloaded by the browsers that run modules.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"[^>]*>/g)].filter((m) => !/\snomodule/i.test(m[0]));
  const sources = [...new Set(tags.map((m) => m[1]!))];
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { files: sources.length, raw, gzip };
}

/**
 * The floor: a plain node:http server in its own process (so it does not share this process's CPU with
 * autocannon) answering every request with `body` from memory.
 */
async function startFloor(body: Buffer, port: number): Promise<ChildProcess> {
  const file = path.join(os.tmpdir(), `bench-floor-${process.pid}.html`);
  fs.writeFileSync(file, body);
  const source = `
    const http = require("node:http");
    const body = require("node:fs").readFileSync(${JSON.stringify(file)});
    http.createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
      res.end(body);
    }).listen(${port}, "127.0.0.1", () => process.send?.("up"));`;
  const child = spawn(process.execPath, ["-e", source], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", () => reject(new AppError("BENCH_FLOOR", "The floor server did not start.")));
  });
  return child;
}

interface Measured {
  reqPerSec: number;
  p50: number;
  p99: number;
  bytes: number;
  failures: number;
}

interface LoadRequest {
  method?: "GET" | "DELETE";
  /** Sent on every request: a member's session cookie. */
  headers?: Record<string, string>;
}

async function load(url: string, flags: Flags, { method = "GET", headers }: LoadRequest = {}): Promise<Measured> {
  const result = await autocannon({ url, method, headers, connections: flags.connections, duration: flags.duration });
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytes: result.throughput.average / Math.max(result.requests.average, 1),
    // The proxy-only reference answers 405 on purpose.
    failures: (method === "GET" ? result.non2xx : 0) + result.errors + result.timeouts,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** CPU time every core of this machine has spent busy so far (not idle nor waiting on I/O), in ms. */
function machineBusyMs(): number {
  const [, user, nice, system, , , irq, softirq, steal] = fs
    .readFileSync("/proc/stat", "utf8")
    .split("\n", 1)[0]!
    .trim()
    .split(/\s+/)
    .map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) * MS_PER_CLOCK_TICK;
}

interface SearchLatency {
  p50: number;
  p95: number;
  /** CPU per search: the app server's process tree, and the whole machine's (the database, this client). */
  appCpuMs: number;
  machineCpuMs: number;
  /** Answers other than 200 (a refusal, a 503 on a loaded machine): not timed. */
  refused: number;
}

/** Title words of `count` random papers, two per query: different queries, as readers type them. */
async function searchQueries(dbUrl: string, count = 200): Promise<string[]> {
  const titles = await withClient(
    dbUrl,
    async (client) =>
      (await client.query<{ title: string }>(`select title from "Paper" order by random() limit ${count}`)).rows,
  );
  return titles.map(({ title }) => {
    const words = title.split(/[^A-Za-z]+/).filter((w) => w.length > 3);
    return words.slice(0, 2).join(" ") || "model";
  });
}

/** p50/p95 of `queries` sent `concurrency` at a time, and the CPU each search cost. */
async function searchLatency(
  base: string,
  queries: string[],
  address: (query: string) => string,
  concurrency: number,
  serverPid: number,
  headers?: Record<string, string>,
): Promise<SearchLatency> {
  const times: number[] = [];
  let next = 0;
  let refused = 0;
  const app = processCpuMs(serverPid);
  const machine = machineBusyMs();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < queries.length) {
        const q = queries[next++]!;
        const started = performance.now();
        const response = await fetch(base + address(encodeURIComponent(q)), { headers, redirect: "manual" });
        await response.arrayBuffer();
        if (response.status === 200) times.push(performance.now() - started);
        else refused++;
      }
    }),
  );
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    appCpuMs: (processCpuMs(serverPid) - app) / queries.length,
    machineCpuMs: (machineBusyMs() - machine) / queries.length,
    refused,
  };
}

interface VoteRun {
  acknowledged: number;
  failed: number;
  seconds: number;
  p50: number;
  p99: number;
  bytesPerAnswer: number;
  exact: boolean;
  detail: string;
}

interface Voter {
  id: string;
  token: string;
  paperId: string;
  /** What the server last acknowledged. */
  upvoted: boolean;
  /** A request got no answer (a timeout, a broken connection): the server may or may not have applied it. */
  unknown: boolean;
  /** A request is out. */
  inFlight: boolean;
  /** The last round ended with a request out; known again once a later one is acknowledged. */
  cutOff: boolean;
}

/**
 * One round of votes for `seconds`: autocannon, not fetch, because a lighter client leaves more of this
 * machine to the server being measured. Each connection is one voter, toggling what the server last
 * acknowledged for it, through the upvote button's own request.
 */
async function voteRound(
  base: string,
  voters: Voter[],
  seconds: number,
): Promise<Pick<VoteRun, "acknowledged" | "failed" | "seconds" | "p50" | "p99" | "bytesPerAnswer">> {
  let acknowledged = 0;
  let refused = 0;
  let nextVoter = 0;
  const started = performance.now();
  const result = await autocannon({
    url: `${base}/api/upvotes`,
    connections: voters.length,
    duration: seconds,
    setupClient(client) {
      const voter = voters[nextVoter++ % voters.length]!;
      // autocannon's types omit these events.
      const events = client as unknown as EventEmitter;
      events.on("timeout", () => (voter.unknown = true));
      events.on("connError", () => (voter.unknown = true));
      client.setRequests([
        {
          method: "POST",
          headers: voteHeaders(base, voter),
          setupRequest(request) {
            voter.inFlight = true;
            return { ...request, body: nextVote(voter) };
          },
          onResponse(status, body) {
            voter.inFlight = false;
            if (takeAnswer(voter, status, body)) acknowledged++;
            else refused++;
          },
        },
      ]);
    },
  });
  for (const voter of voters) {
    if (voter.inFlight) voter.cutOff = true;
    voter.inFlight = false;
  }
  return {
    acknowledged,
    failed: refused + result.errors + result.timeouts,
    seconds: (performance.now() - started) / 1000,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytesPerAnswer: result.throughput.total / Math.max(result.requests.total, 1),
  };
}

/** One acknowledged vote for `voter`, to know their row again after a cut-off request. */
async function settleVote(base: string, voter: Voter): Promise<void> {
  const response = await fetch(`${base}/api/upvotes`, {
    method: "POST",
    headers: voteHeaders(base, voter),
    body: nextVote(voter),
  });
  takeAnswer(voter, response.status, await response.text());
}

/** The headers of `voter`'s votes: the upvote button's, with their session. */
function voteHeaders(base: string, voter: Voter): Record<string, string> {
  return { "content-type": "application/json", origin: base, cookie: `authjs.session-token=${voter.token}` };
}

/** The body of `voter`'s next vote: the opposite of what the server last acknowledged. */
function nextVote(voter: Voter): string {
  return JSON.stringify({ paperId: voter.paperId, upvoted: !voter.upvoted });
}

/** Records an acknowledged vote on `voter` (and their row as known again); false for anything else. */
function takeAnswer(voter: Voter, status: number, body: string): boolean {
  let answer: { ok?: unknown; upvoted?: unknown };
  try {
    answer = JSON.parse(body) as typeof answer;
  } catch {
    return false;
  }
  if (status !== 200 || answer.ok !== true || typeof answer.upvoted !== "boolean") return false;
  voter.upvoted = answer.upvoted;
  voter.cutOff = false;
  return true;
}

/**
 * `voters` signed-in readers (users and session rows made here, removed after) each toggle their vote on
 * one of the feed's papers through the upvote button's own request (`POST /api/upvotes`), one request at a
 * time, for `duration` seconds.
 * Exact means: every paper's count equals its rows, and each voter's row matches their last acknowledged vote.
 */
async function voteThroughput(base: string, dbUrl: string, paperIds: string[], flags: Flags): Promise<VoteRun> {
  const run = randomBytes(4).toString("hex");
  const voters: Voter[] = Array.from({ length: flags.voters }, (_, i) => ({
    id: `bench_voter_${run}_${i}`,
    token: randomBytes(24).toString("base64url"),
    paperId: paperIds[i % paperIds.length]!,
    upvoted: false,
    unknown: false,
    inFlight: false,
    cutOff: false,
  }));
  await withClient(dbUrl, async (client) => {
    await client.query(
      `insert into "User" (id, username, "updatedAt") select unnest($1::text[]), unnest($1::text[]), now()`,
      [voters.map((v) => v.id)],
    );
    await client.query(
      `insert into "Session" ("sessionToken", "userId", expires, "updatedAt")
       select unnest($1::text[]), unnest($2::text[]), now() + interval '1 hour', now()`,
      [voters.map((v) => v.token), voters.map((v) => v.id)],
    );
  });
  try {
    // A first round warms the path up (compiled code, the pool's connections); the second is measured.
    await voteRound(base, voters, Math.min(3, flags.duration));
    const round = await voteRound(base, voters, flags.duration);
    // The voters whose last request the end of the round cut off vote once more, so every row can be checked.
    await Promise.all(voters.filter((v) => v.cutOff).map((voter) => settleVote(base, voter)));
    const check = await withClient(dbUrl, async (client) => {
      const counts = await client.query<{ id: string; shown: number; rows: string }>(
        `select p.id, p."upvoteCount" as shown, (select count(*) from "Upvote" u where u."paperId" = p.id)::text as rows
         from "Paper" p where p.id = any($1::text[])`,
        [paperIds],
      );
      const rows = await client.query<{ userId: string }>(
        `select "userId" from "Upvote" where "userId" = any($1::text[])`,
        [voters.map((v) => v.id)],
      );
      return { counts: counts.rows, voted: new Set(rows.rows.map((r) => r.userId)) };
    });
    const wrongCounts = check.counts.filter((c) => c.shown !== Number(c.rows));
    const wrongVoters = voters.filter((v) => !v.unknown && !v.cutOff && v.upvoted !== check.voted.has(v.id));
    return {
      ...round,
      exact: wrongCounts.length === 0 && wrongVoters.length === 0,
      detail: `${wrongCounts.length} papers with a wrong count, ${wrongVoters.length} voters whose row differs from their last acknowledged vote`,
    };
  } finally {
    // Deleting the users deletes their sessions and upvotes; the trigger keeps the counts exact.
    await withClient(dbUrl, (client) =>
      client.query(`delete from "User" where id = any($1::text[])`, [voters.map((v) => v.id)]),
    );
  }
}

interface Member {
  id: string;
  token: string;
}

/** A signed-in member for the member rows: a user and a session row, as the voters' (voteThroughput). */
async function createMember(dbUrl: string): Promise<Member> {
  const member = {
    id: `bench_member_${randomBytes(4).toString("hex")}`,
    token: randomBytes(24).toString("base64url"),
  };
  await withClient(dbUrl, async (client) => {
    await client.query(`insert into "User" (id, username, "updatedAt") values ($1, $1, now())`, [member.id]);
    // A day: the large data's run outlasts an hour, and an expired session would make the member a stranger.
    await client.query(
      `insert into "Session" ("sessionToken", "userId", expires, "updatedAt") values ($1, $2, now() + interval '1 day', now())`,
      [member.token, member.id],
    );
  });
  return member;
}

/** Deleting the user deletes their session. */
async function removeMember(dbUrl: string, member: Member): Promise<void> {
  await withClient(dbUrl, (client) => client.query(`delete from "User" where id = $1`, [member.id]));
}

/** The member's cookie, as a browser signed in over http sends it. */
function memberHeaders(member: Member): Record<string, string> {
  return { cookie: `authjs.session-token=${member.token}` };
}

/**
 * Refuses to go on unless the app knows the member (Auth.js's own session endpoint names them): otherwise the
 * member rows would measure strangers with a stray cookie.
 */
async function assertSignedIn(base: string, member: Member): Promise<void> {
  const response = await fetch(`${base}/api/auth/session`, { headers: memberHeaders(member) });
  const session = (await response.json().catch(() => null)) as { user?: unknown } | null;
  if (!response.ok || !session?.user) {
    throw new AppError("BENCH_STATUS", `The app does not take the bench member's session (${response.status}).`);
  }
}

/**
 * The ids of the papers a page shows, from its vote buttons' `data-vote-paper`, as the page itself collects
 * them for `GET /api/viewer`; `fallback` when the page has none (a build from before the attribute).
 */
function pagePaperIds(html: string, fallback: string[]): string[] {
  const ids = [...new Set([...html.matchAll(/data-vote-paper="([^"]+)"/g)].map((m) => m[1]!))];
  return ids.length > 0 ? ids : fallback;
}

const cell = (value: string, width = 10) => value.padStart(width);
/** The route column: wide enough for the longest name with " (member)". */
const NAME_WIDTH = 28;

await runScript(async () => {
  const { values } = parseArgs({
    options: Object.fromEntries(Object.keys(flagsSchema.shape).map((k) => [k, { type: "string" as const }])),
  });
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) {
    const { path, message } = firstIssue(parsed.error);
    throw new AppError("USAGE", `Bad flag: ${path} ${message}`);
  }
  const flags = parsed.data;

  const db = await benchDatabase(flags);
  let server: ChildProcess | undefined;
  let floor: ChildProcess | undefined;
  let member: Member | undefined;
  try {
    await prepareData(db, flags);
    const totals = {
      papers: Number(await scalar<string>(db.url, 'select count(*)::text as value from "Paper"')),
      upvotes: Number(await scalar<string>(db.url, 'select count(*)::text as value from "Upvote"')),
    };
    const latestDay = await scalar<string>(db.url, `select max(day)::text as value from "DailyPaper"`);
    // The latest day may be a quiet one (the demo's has 3 papers): the busiest day shows a full page of cards.
    const busiestDay = await scalar<string>(
      db.url,
      `select day::text as value from "DailyPaper" group by day order by count(*) desc, day desc limit 1`,
    );
    const topPaper = await scalar<string>(
      db.url,
      `select id as value from "Paper" order by "upvoteCount" desc limit 1`,
    );
    const latestPapers = await withClient(db.url, async (client) =>
      (
        await client.query<{ id: string }>(`select "paperId" as id from "DailyPaper" where day = $1::date`, [latestDay])
      ).rows.map((r) => r.id),
    );

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: db.url,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-that-is-long-enough-for-auth-js-0123456789",
      // The vote phase measures the server, not the per-reader limit (30 a minute by default).
      UPVOTE_RATE_LIMIT: "10000",
      DIGEST_WORKER: "false",
      SITE_ACCESS: flags["site-access"],
    };
    const distDir = path.join(root, process.env.NEXT_DIST_DIR || ".next");
    if (process.env.NEXT_DIST_DIR) {
      if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) {
        throw new AppError("BENCH_BUILD", `${process.env.NEXT_DIST_DIR} has no build: run next build into it first.`);
      }
      console.log(`Using the build in ${process.env.NEXT_DIST_DIR}.`);
    } else {
      await buildIfChanged(env);
    }
    await refuseBusyPort(flags.port);
    await refuseBusyPort(flags["floor-port"]);
    // The production server as `npm start` runs it: Next.js behind the page cache.
    server = spawn(process.execPath, [...TSX_NODE_ARGS, "scripts/serve.ts", "--port", String(flags.port)], {
      cwd: root,
      env,
      stdio: "ignore",
    });
    const base = `http://127.0.0.1:${flags.port}`;
    await waitUntilUp(base);

    member = await createMember(db.url);
    await assertSignedIn(base, member);
    // The feed as a member gets it (on a members-only site a stranger gets only the sign-in page).
    const feedHtml = Buffer.from(await (await fetch(base + "/", { headers: memberHeaders(member) })).arrayBuffer());
    floor = await startFloor(feedHtml, flags["floor-port"]);
    const viewerPapers = pagePaperIds(feedHtml.toString("utf8"), latestPapers);

    // `member`: the route also gets a row as the signed-in member, right after the stranger's.
    const pages = [
      { name: "/ (latest day)", path: "/", member: true },
      { name: "a day", path: `/papers/date/${latestDay}`, member: true },
      { name: "the busiest day", path: `/papers/date/${busiestDay}`, member: true },
      { name: "a week", path: `/papers/week/${isoWeekOf(latestDay)}`, member: true },
      { name: "a month", path: `/papers/month/${latestDay.slice(0, 7)}`, member: true },
      { name: "trending", path: "/papers/trending", member: true },
      { name: "paper page", path: `/papers/${topPaper}`, member: true },
    ];
    const machine = [
      { name: "search", path: "/papers/search?q=transformer+reasoning", member: false },
      { name: "JSON API (a day)", path: `/api/daily_papers?date=${latestDay}`, member: true },
      { name: "RSS (daily)", path: "/feeds/daily.xml", member: false },
      { name: "Atom (trending)", path: "/feeds/trending.atom", member: false },
    ];

    const cpus = os.cpus().length;
    console.log(
      `\nDatabase: ${db.label} with ${totals.papers} papers and ${totals.upvotes} upvotes (${flags.data} data)`,
    );
    console.log(
      `Load: ${flags.connections} connections for ${flags.duration} s per route; ${cpus} CPUs, load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")} at the start`,
    );
    console.log(`Floor: node:http sending ${(feedHtml.length / 1024).toFixed(1)} KiB (the feed's HTML) from memory`);
    console.log(
      `Member rows: a signed-in member's session cookie on every request; /api/viewer asks for the ${viewerPapers.length} papers of /\n`,
    );
    console.log(
      [
        "route".padEnd(NAME_WIDTH),
        cell("req/s"),
        cell("p50 ms"),
        cell("p99 ms"),
        cell("KiB/answer", 11),
        cell("× floor"),
        cell("goal", 6),
      ].join(""),
    );
    const floorResult = await load(`http://127.0.0.1:${flags["floor-port"]}/`, flags);
    const row = (name: string, m: Measured, goal: string, note = "") =>
      console.log(
        [
          name.padEnd(NAME_WIDTH),
          cell(m.reqPerSec.toFixed(0)),
          cell(String(m.p50)),
          cell(String(m.p99)),
          cell((m.bytes / 1024).toFixed(1), 11),
          cell((m.reqPerSec / floorResult.reqPerSec).toFixed(3)),
          cell(goal, 6),
        ].join("") +
          (m.failures ? `   ${m.failures} failed answers` : "") +
          note,
      );
    row("floor (static)", floorResult, "");
    // What any answer costs once it goes through Next.js and proxy.ts: a DELETE that the proxy refuses
    // with a 405 before any route runs. No page can be faster than this.
    row("proxy only (405)", await load(`${base}/`, flags, { method: "DELETE" }), "");
    /** One route as a stranger (no headers) or as the member; null when it did not answer 200. */
    const measure = async (name: string, pathname: string, headers?: Record<string, string>) => {
      // Not following redirects: a members-only site's 303 to the sign-in page is a refusal, not the route.
      const first = await fetch(base + pathname, { headers, redirect: "manual" });
      await first.arrayBuffer();
      if (first.status !== 200) {
        // A loaded machine can make the database look down (503): say so and go on to the next route.
        // A path is cut short: /api/viewer's lists up to a hundred ids.
        const shown = pathname.length > 60 ? `${pathname.slice(0, 59)}…` : pathname;
        console.log(`${name.padEnd(NAME_WIDTH)}   ${shown} answered ${first.status}; not measured`);
        return null;
      }
      return { m: await load(base + pathname, flags, { headers }), cached: first.headers.has("x-page-cache") };
    };
    for (const [kind, routes] of [
      ["page", pages],
      ["machine", machine],
    ] as const) {
      for (const route of routes) {
        for (const headers of route.member ? [undefined, memberHeaders(member)] : [undefined]) {
          const name = headers ? `${route.name} (member)` : route.name;
          const measured = await measure(name, route.path, headers);
          if (!measured) continue;
          const { m, cached } = measured;
          const ratio = m.reqPerSec / floorResult.reqPerSec;
          const met =
            kind === "page"
              ? ratio >= GOALS.pageRatio && m.p99 < GOALS.pageP99Ms
              : route.name === "search" || ratio >= GOALS.machineRatio;
          // A member's answer that the page cache did not give (a build from before members were served from
          // it) is said, so that its row is not read as the cache's.
          const note = headers && !cached ? "   rendered, not from the page cache" : "";
          row(name, m, route.name === "search" ? "-" : met ? "✓" : "✗", note);
        }
      }
    }
    // A member's own part of the home page: theirs, so no cache answers it and no goal applies; its cost is
    // the point.
    const viewerName = "/api/viewer (member)";
    const viewer = await measure(viewerName, `/api/viewer?papers=${viewerPapers.join(",")}`, memberHeaders(member));
    if (viewer) row(viewerName, viewer.m, "-");

    // Alone, a search's wait is its own work; 4 at a time on this machine's cores, they also wait for each other.
    const queries = await searchQueries(db.url);
    console.log(`\nSearch over ${queries.length} different queries (goal: p95 < ${GOALS.searchP95Ms} ms):`);
    for (const [what, address] of [
      ["the search page", (q: string) => `/papers/search?q=${q}`],
      ["the JSON search API", (q: string) => `/api/papers/search?q=${q}`],
    ] as const) {
      for (const concurrency of [1, 4]) {
        // On a members-only site, a member searches (a stranger is refused).
        const searcher = flags["site-access"] === "members" ? memberHeaders(member) : undefined;
        const search = await searchLatency(base, queries, address, concurrency, server.pid!, searcher);
        console.log(
          `  ${what.padEnd(20)} ${concurrency === 1 ? "one at a time" : `${concurrency} at a time  `}: p50 ${search.p50.toFixed(
            0,
          )} ms, p95 ${search.p95.toFixed(0)} ms ${search.p95 < GOALS.searchP95Ms ? "✓" : "✗"}; CPU per search: app server ${search.appCpuMs.toFixed(
            1,
          )} ms, whole machine ${search.machineCpuMs.toFixed(1)} ms` +
            (search.refused ? `; ${search.refused} answered other than 200, not timed` : ""),
        );
      }
    }

    const votes = await voteThroughput(base, db.url, latestPapers.slice(0, 20), flags);
    const perSecond = votes.acknowledged / votes.seconds;
    console.log(
      `Votes, ${flags.voters} signed-in clients for ${votes.seconds.toFixed(1)} s: ${perSecond.toFixed(0)} acknowledged/s ${
        perSecond >= GOALS.votesPerSecond ? "✓" : "✗"
      } (${votes.failed} failed), p50 ${votes.p50.toFixed(0)} ms, p99 ${votes.p99.toFixed(0)} ms, ${(
        votes.bytesPerAnswer / 1024
      ).toFixed(1)} KiB per answer; counts ${votes.exact ? "exact ✓" : `NOT exact ✗ (${votes.detail})`}`,
    );

    const js = await shippedJavaScript(base, "/");
    console.log(
      `JavaScript shipped to the feed: ${js.files} files, ${(js.raw / 1024).toFixed(1)} KiB raw, ${(js.gzip / 1024).toFixed(1)} KiB gzipped ${
        js.gzip <= GOALS.feedJsGzipBytes ? "✓" : "✗"
      }`,
    );
    if (flags["lighthouse-runs"] > 0) {
      const { median, scores } = await lighthouseMobile(`${base}/`, flags["lighthouse-runs"]);
      console.log(
        `Lighthouse mobile performance on /: ${median.score} ${median.score >= GOALS.lighthouseScore ? "✓" : "✗"} (goal ≥ ${
          GOALS.lighthouseScore
        }; median of ${scores.join(", ")}): TBT ${median.totalBlockingTimeMs.toFixed(0)} ms, FCP ${median.firstContentfulPaintMs.toFixed(
          0,
        )} ms, LCP ${median.largestContentfulPaintMs.toFixed(0)} ms, Speed Index ${median.speedIndexMs.toFixed(
          0,
        )} ms, CLS ${median.cumulativeLayoutShift.toFixed(3)}`,
      );
    }
    if (server.pid) console.log(`App server peak memory: ${peakMemoryMiB(server.pid).toFixed(0)} MiB`);
    console.log(
      `Load average at the end: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
  } finally {
    floor?.kill("SIGTERM");
    server?.kill("SIGTERM");
    if (member) await removeMember(db.url, member);
    await db.release();
  }
});
