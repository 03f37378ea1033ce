import { randomUUID } from "node:crypto";
import pg from "pg";
import { startScratchDatabase } from "@/tools/embedded-db/process";

/** The suite's database, migrated by scripts/test.ts before any test runs. */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is unset: run the suite through `npm test`, which creates a test database.");
  return url;
}

/** "server" when the suite runs against a Postgres server, "embedded" when against PGlite. */
export function testDatabaseKind(): "server" | "embedded" {
  return process.env.TEST_DATABASE_KIND === "server" ? "server" : "embedded";
}

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * An empty database of the suite's kind, for tests that need one of their own (migrations): a new
 * database on the test server, or a new in-memory PGlite.
 */
export async function createFreshDatabase(): Promise<FreshDatabase> {
  if (testDatabaseKind() === "embedded") {
    const scratch = await startScratchDatabase();
    return { url: scratch.url, drop: () => scratch.release() };
  }
  return createServerDatabase(testDatabaseUrl(), `dailypapers_fresh_${randomUUID().replaceAll("-", "").slice(0, 12)}`);
}

/**
 * Creates database `name` on the server `serverUrl` points at (connecting as that URL's user) and
 * returns its URL, with `drop` to remove it again.
 */
export async function createServerDatabase(serverUrl: string, name: string): Promise<FreshDatabase> {
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
