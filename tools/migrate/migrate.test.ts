import fs from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScratchDatabase, type EmbeddedDatabase } from "@/tools/embedded-db/process";
import { deployMigrations, diffMigrationsToSchema } from "@/tools/migrate";
import { readMigrations, schemaPath } from "@/tools/migrate/migrations-folder";
import { createFreshDatabase, type FreshDatabase } from "@/tests/support/databases";

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("schema.prisma and prisma/migrations", () => {
  let scratch: EmbeddedDatabase;
  beforeAll(async () => {
    scratch = await startScratchDatabase();
  });
  afterAll(async () => {
    await scratch.release();
  });

  it("agree: the schema engine's diff between them is empty", async () => {
    expect(await diffMigrationsToSchema(scratch.url)).toBe("");
  });

  it("disagree when the schema gains a model, and the diff is the SQL to create it", async () => {
    const schema = `${fs.readFileSync(schemaPath, "utf8")}\nmodel Drift {\n  id Int @id\n}\n`;
    const sql = await diffMigrationsToSchema(scratch.url, schema);
    expect(sql).toContain('CREATE TABLE "Drift"');
  });
});

describe("deployMigrations", () => {
  let db: FreshDatabase;
  beforeAll(async () => {
    db = await createFreshDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it("applies every migration once even when two runs race, recording Prisma's checksums", async () => {
    const onDisk = readMigrations();
    const [first, second] = await Promise.all([deployMigrations(db.url), deployMigrations(db.url)]);
    expect([...first, ...second].sort()).toEqual(onDisk.map((m) => m.name));

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      db.url,
      "select migration_name, checksum, finished_at from _prisma_migrations order by migration_name",
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(onDisk.map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("does nothing on a database that is up to date", async () => {
    expect(await deployMigrations(db.url)).toEqual([]);
  });

  it("stops with a one-line message when an applied migration was edited", async () => {
    const first = readMigrations()[0];
    if (!first) throw new Error("no migrations on disk");
    await query(db.url, `update _prisma_migrations set checksum = 'edited' where migration_name = '${first.name}'`);
    await expect(deployMigrations(db.url)).rejects.toThrow(
      new RegExp(`^Migration ${first.name} was edited after it was applied to this database; [^\\n]+$`),
    );
  });
});
