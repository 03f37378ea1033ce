import { setTimeout as sleep } from "node:timers/promises";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/** What global-setup.ts started, read from the environment it left for the tests. */
export const world = {
  baseUrl: required("CHAOS_BASE_URL"),
  faultUrl: required("CHAOS_FAULT_URL"),
  /** The database as the first server reaches it: through the fault proxy. */
  proxiedDatabaseUrl: required("CHAOS_PROXIED_DATABASE_URL"),
  serverLog: required("CHAOS_SERVER_LOG"),
  distDir: required("CHAOS_DIST_DIR"),
  databaseUrl: required("DATABASE_URL"),
  kind: process.env.TEST_DATABASE_KIND === "server" ? ("server" as const) : ("embedded" as const),
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is unset: run the chaos suite with \`npm run test:chaos\`.`);
  return value;
}

/** One statement on the database itself (not through the fault proxy). */
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: world.databaseUrl, application_name: "chaos-suite" });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Up to `limit` papers that take a vote — not hidden, not withdrawn (lib/upvotes/mutations.ts refuses those,
 * and other suites leave such papers in the database) — by id or most upvoted first.
 */
export async function votablePaperIds(order: "id" | "most upvoted", limit: number): Promise<string[]> {
  const rows = await query<{ id: string }>(
    `select id from "Paper" where "hiddenAt" is null and "withdrawnAt" is null
     order by ${order === "id" ? "id" : `"upvoteCount" desc`} limit $1`,
    [limit],
  );
  return rows.map((row) => row.id);
}

/** Pulls the plug on the app's database traffic (tests/chaos/support/fault-proxy.ts). */
export async function fault(action: "stall" | "refuse" | "drop" | "restore"): Promise<{ detail: unknown }> {
  const response = await fetch(`${world.faultUrl}/${action}`, { method: "POST" });
  return (await response.json()) as { detail: unknown };
}

/** Waits until the server answers from the database again (after a fault, before the next test). */
export async function waitForRecovery(timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${world.baseUrl}/api/papers/search?q=recovery`).catch(() => null);
    if (response?.status === 200) return;
    await sleep(100);
  }
  throw new Error(`the server did not recover within ${timeoutMs} ms`);
}

export interface Reader {
  id: string;
  cookie: string;
}

/** Readers made straight in the database with a session each (as e2e/support/users.ts signs in). */
export async function createReaders(count: number): Promise<Reader[]> {
  const readers: Reader[] = [];
  for (let i = 0; i < count; i++) {
    const id = `chaos_${randomUUID()}`;
    const token = randomBytes(32).toString("hex");
    await query(
      `insert into "User" (id, email, "emailVerified", username, name, "updatedAt") values ($1, $2, now(), $3, 'Chaos Reader', now())`,
      [id, `${id}@example.test`, id.replace(/_/g, "-").toLowerCase()],
    );
    await query(
      `insert into "Session" ("sessionToken", "userId", expires, "updatedAt") values ($1, $2, now() + interval '1 day', now())`,
      [token, id],
    );
    readers.push({ id, cookie: `authjs.session-token=${token}` });
  }
  return readers;
}

export async function deleteReaders(readers: Reader[]): Promise<void> {
  if (readers.length) await query(`delete from "User" where id = any($1)`, [readers.map((r) => r.id)]);
}

/**
 * Votes the way the upvote button does (`POST /api/upvotes`), and reads its answer; `result` is null when
 * there is none (an error page).
 */
export async function castVote(
  paperId: string,
  upvoted: boolean,
  cookie: string,
): Promise<{ response: Response; result: Record<string, unknown> | null }> {
  const response = await fetch(`${world.baseUrl}/api/upvotes`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: world.baseUrl, Cookie: cookie },
    body: JSON.stringify({ paperId, upvoted }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await response.text();
  let result: Record<string, unknown> | null = null;
  try {
    const value = JSON.parse(body) as Record<string, unknown>;
    if (typeof value.ok === "boolean") result = value;
  } catch {
    // Not a vote's answer.
  }
  return { response, result };
}

/** Lines of the server's log since `offset` (bytes), to look for what it should never say. */
export function serverLogSince(offset: number): string {
  const content = fs.readFileSync(world.serverLog);
  return content.subarray(offset).toString("utf8");
}

export function serverLogSize(): number {
  return fs.statSync(world.serverLog).size;
}

/** Prints a test's figures (they also go to figures.json beside the server's log, for the report). */
export function report(name: string, values: Record<string, unknown>): void {
  const line = Object.entries(values)
    .map(([k, v]) => `${k}=${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join("  ");
  console.log(`[chaos:${world.kind}] ${name}: ${line}`);
  const file = path.join(path.dirname(world.serverLog), "figures.json");
  const all = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : {};
  all[`${world.kind}: ${name}`] = values;
  fs.writeFileSync(file, JSON.stringify(all, null, 2));
}
