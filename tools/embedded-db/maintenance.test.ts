import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maintainOnce, startMaintenance } from "@/tools/embedded-db/maintenance";
import { startScratchDatabase, type EmbeddedDatabase } from "@/tools/embedded-db/process";

interface TableStats {
  n_dead_tup: number;
  vacuums: number;
  analyzes: number;
  reltuples: number;
}

describe("the embedded database's maintenance (PGlite has no autovacuum)", () => {
  let db: EmbeddedDatabase;
  let client: pg.Client;
  const stats = async (table: string): Promise<TableStats> => {
    // The counters reach the shared statistics a second late unless flushed (pg_stat_force_next_flush).
    await client.query("SELECT pg_stat_force_next_flush()");
    return (
      await client.query<TableStats>(
        `SELECT s.n_dead_tup::int, s.vacuum_count::int AS vacuums, s.analyze_count::int AS analyzes, c.reltuples::int
         FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = $1`,
        [table],
      )
    ).rows[0]!;
  };
  const churn = (table: string) => client.query(`UPDATE ${table} SET n = n + 1`);

  beforeAll(async () => {
    db = await startScratchDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    for (const table of ["busy", "quiet"]) {
      await client.query(`CREATE TABLE ${table} (id int PRIMARY KEY, n int NOT NULL)`);
      await client.query(`INSERT INTO ${table} SELECT i, 0 FROM generate_series(1, 2000) i`);
    }
    // The inserts' counts reach the shared counters first, so that ANALYZE leaves none of them behind.
    await client.query("SELECT pg_stat_force_next_flush()");
    await client.query("VACUUM ANALYZE busy, quiet");
  });
  afterAll(async () => {
    await client.end();
    await db.release();
  });

  it("vacuums and analyzes a table past autovacuum's thresholds, and leaves a quiet one alone", async () => {
    await churn("busy"); // 2,000 dead rows: past 50 + 20% of 2,000, and 2,000 changed past 50 + 10%
    await client.query("UPDATE quiet SET n = n + 1 WHERE id <= 40"); // under both thresholds
    const before = { busy: await stats("busy"), quiet: await stats("quiet") };
    expect(before.busy.n_dead_tup).toBe(2000);

    const done = await maintainOnce(client);

    expect(done.filter((t) => ["public.busy", "public.quiet"].includes(t.table))).toEqual([
      { table: "public.busy", vacuumed: true, analyzed: true },
    ]);
    const after = { busy: await stats("busy"), quiet: await stats("quiet") };
    expect(after.busy.n_dead_tup).toBe(0);
    expect(after.busy.vacuums).toBe(before.busy.vacuums + 1);
    expect(after.busy.analyzes).toBe(before.busy.analyzes + 1);
    expect(after.quiet).toEqual(before.quiet);
    // Nothing is due any more.
    expect((await maintainOnce(client)).filter((t) => t.table === "public.busy")).toEqual([]);
  });

  it("analyzes a table that has never been, however few its changes", async () => {
    await client.query("CREATE TABLE fresh (id int PRIMARY KEY, n int NOT NULL)");
    await client.query("INSERT INTO fresh SELECT i, 0 FROM generate_series(1, 10) i");
    expect((await stats("fresh")).reltuples).toBe(-1);

    expect((await maintainOnce(client)).filter((t) => t.table === "public.fresh")).toEqual([
      { table: "public.fresh", vacuumed: false, analyzed: true },
    ]);
    expect((await stats("fresh")).reltuples).toBe(10);

    // The counters start at zero with the database (pg_stat_reset does the same): a table that was never
    // analyzed is still found by its size, and an empty one is left alone.
    await client.query("CREATE TABLE restarted (id int PRIMARY KEY)");
    await client.query("CREATE TABLE empty (id int PRIMARY KEY)");
    await client.query("INSERT INTO restarted SELECT generate_series(1, 10)");
    await client.query("SELECT pg_stat_reset()");
    const done = await maintainOnce(client);
    expect(done.filter((t) => ["public.restarted", "public.empty"].includes(t.table))).toEqual([
      { table: "public.restarted", vacuumed: false, analyzed: true },
    ]);
  });

  it("reaches tables outside the public schema, by their schema (pg-boss keeps its jobs in its own)", async () => {
    await client.query('CREATE SCHEMA "Jobs"');
    await client.query('CREATE TABLE "Jobs".queue (id int PRIMARY KEY, n int NOT NULL)');
    await client.query('INSERT INTO "Jobs".queue SELECT i, 0 FROM generate_series(1, 500) i');

    expect((await maintainOnce(client)).filter((t) => t.table === "Jobs.queue")).toEqual([
      { table: "Jobs.queue", vacuumed: false, analyzed: true },
    ]);
  });

  it("runs on its own, round after round, until stopped", async () => {
    const maintenance = startMaintenance(db.url, { everyMs: 100 });
    try {
      await churn("busy");
      await expect.poll(async () => (await stats("busy")).n_dead_tup, { timeout: 10_000 }).toBe(0);
      await churn("busy");
      await expect.poll(async () => (await stats("busy")).n_dead_tup, { timeout: 10_000 }).toBe(0);
    } finally {
      await maintenance.stop();
    }
    await churn("busy");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await stats("busy")).n_dead_tup).toBe(2000);
  });
});
