import fs from "node:fs";
import pg from "pg";
import { AppError } from "@/lib/errors";
import { readMigrations, schemaPath, toMigrationList, type MigrationOnDisk } from "@/tools/migrate/migrations-folder";
import { openSchemaEngine } from "@/tools/migrate/schema-engine";

const noFilters = { externalTables: [], externalEnums: [] };
/** Any fixed 64-bit key: serialises `db:migrate` runs from several processes against one server. */
const MIGRATE_LOCK_KEY = 7_260_112_301;

async function appliedChecksums(client: pg.Client): Promise<Map<string, string>> {
  const table = await client.query<{ exists: boolean }>(
    "select to_regclass('_prisma_migrations') is not null as exists",
  );
  if (!table.rows[0]?.exists) return new Map();
  const rows = await client.query<{ migration_name: string; checksum: string }>(
    "select migration_name, checksum from _prisma_migrations where finished_at is not null and rolled_back_at is null",
  );
  return new Map(rows.rows.map((r) => [r.migration_name, r.checksum]));
}

/** Stops with a one-line message when a migration that was applied has since been edited on disk. */
function assertUnedited(onDisk: MigrationOnDisk[], applied: Map<string, string>): void {
  for (const migration of onDisk) {
    const checksum = applied.get(migration.name);
    if (checksum && checksum !== migration.checksum) {
      throw new AppError(
        "MIGRATION_EDITED",
        `Migration ${migration.name} was edited after it was applied to this database; restore its migration.sql and put the change in a new migration (npm run db:migrate:new -- <name>).`,
      );
    }
  }
}

/** Runs in this process against one database URL, one after another. */
const inProcessQueue = new Map<string, Promise<unknown>>();

/**
 * Holds a lock for the duration of `fn`: runs in this process are queued per database; across processes,
 * a Postgres advisory lock.
 */
function withMigrateLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const previous = inProcessQueue.get(url) ?? Promise.resolve();
  const next = previous.catch(() => {}).then(() => withCrossProcessLock(url, fn));
  inProcessQueue.set(url, next);
  return next;
}

async function withCrossProcessLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATE_LOCK_KEY]);
    return await fn();
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATE_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

/**
 * Applies pending migrations from prisma/migrations, as `prisma migrate deploy` does (same engine, same
 * `_prisma_migrations` rows and checksums). Safe to run repeatedly and from several processes at once.
 * @returns the names of the migrations applied by this call
 */
export async function deployMigrations(url: string): Promise<string[]> {
  const onDisk = readMigrations();
  return withMigrateLock(url, async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      assertUnedited(onDisk, await appliedChecksums(client));
    } finally {
      await client.end();
    }
    const { engine, close } = await openSchemaEngine(url);
    try {
      const result = await engine.applyMigrations({ migrationsList: toMigrationList(onDisk), filters: noFilters });
      return result.appliedMigrationNames;
    } catch (error) {
      throw new AppError("MIGRATION_FAILED", `Migrating the database failed: ${firstLine(error)}`, { cause: error });
    } finally {
      await close();
    }
  });
}

/**
 * The SQL that would bring a database built from the migrations up to `schema.prisma` (what
 * `prisma migrate dev --create-only` writes); empty when they agree. Replays the migrations on a
 * throw-away embedded database, so it needs no server.
 * @param scratchUrl any database the engine may connect to; nothing is written to it
 * @param schema the Prisma schema to compare with (default: prisma/schema.prisma)
 */
export async function diffMigrationsToSchema(
  scratchUrl: string,
  schema: string = fs.readFileSync(schemaPath, "utf8"),
): Promise<string> {
  const { engine, close } = await openSchemaEngine(scratchUrl, schema);
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...toMigrationList(readMigrations()) },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    const sql = result.stdout ?? "";
    return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? "" : sql;
  } finally {
    await close();
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "unknown error";
}
