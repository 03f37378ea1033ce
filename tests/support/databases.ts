import { randomUUID } from "node:crypto";
import pg from "pg";

/** The suite's database, migrated by scripts/test.ts before any test runs. */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is unset: run the suite through `npm test`, which creates a test database.");
  return url;
}

/** "server" when the suite runs against DATABASE_URL's server, "embedded" when against a scratch embedded PostgreSQL. */
export function testDatabaseKind(): "server" | "embedded" {
  return process.env.TEST_DATABASE_KIND === "server" ? "server" : "embedded";
}

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * An empty database for tests that need one of their own (migrations): a new database on the test server,
 * the embedded one included (both are PostgreSQL servers).
 */
export async function createFreshDatabase(): Promise<FreshDatabase> {
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
