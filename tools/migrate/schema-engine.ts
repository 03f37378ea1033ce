import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import { SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";
import { startScratchDatabase } from "@/tools/embedded-db/process";

function adapterFor(url: string): PrismaPg {
  return new PrismaPg({ connectionString: url, max: 2 });
}

/** The parts of the pg adapter's connection that `fitForSchemaEngine` reaches into. */
interface PgAdapterInternals {
  client: pg.Pool;
  onError(error: unknown): never;
  executeScript(script: string): Promise<void>;
  performIO(query: SqlQuery): Promise<pg.QueryResult>;
  queryRaw(query: SqlQuery): Promise<SqlResultSet>;
}

/** Postgres' internal one-byte `"char"` type, found in catalog columns (pg_constraint.contype…). */
const PG_CHAR_OID = 18;

/**
 * Closes two gaps between the pg driver adapter and what the schema engine expects from a connection,
 * both of which `prisma migrate` (native driver) does not have:
 * - the adapter rejects `"char"` columns, which the engine reads when it describes a database; they are
 *   handed over as the engine's Character type;
 * - the adapter runs a script by splitting it on every `;`, which breaks dollar-quoted function bodies
 *   (our counter triggers); Postgres runs a multi-statement script as one simple query, in an implicit
 *   transaction, as `prisma migrate` does.
 */
function fitForSchemaEngine<T extends object>(adapter: T): T {
  const internals = adapter as unknown as PgAdapterInternals;
  const charColumns = new WeakMap<SqlQuery, number[]>();
  const performIO = internals.performIO.bind(adapter);
  const queryRaw = internals.queryRaw.bind(adapter);
  internals.performIO = async (query) => {
    const result = await performIO(query);
    const indexes: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = pg.types.builtins.TEXT;
        indexes.push(index);
      }
    });
    if (indexes.length) charColumns.set(query, indexes);
    return result;
  };
  internals.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(query) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  internals.executeScript = async (script) => {
    try {
      await internals.client.query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}

/** The engine reports a Rust panic's message here before it throws; keep it so the error can say why. */
const panics = ((
  globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { message: string; set_message(m: string): void } }
).PRISMA_WASM_PANIC_REGISTRY ??= {
  message: "",
  set_message(message: string) {
    this.message = message;
  },
});

/** The message of the engine's last panic, if any. */
export function lastEnginePanic(): string {
  return panics.message;
}

export interface OpenEngine {
  engine: SchemaEngine;
  close(): Promise<void>;
}

/**
 * Prisma's schema engine (the WASM build of the same Rust code `prisma migrate` runs) connected to `url`.
 * Its shadow database, used to replay migrations when diffing, is always a throw-away embedded PostgreSQL,
 * so a diff never needs CREATE DATABASE rights on the real server and never touches its data.
 */
export async function openSchemaEngine(url: string, schema?: string): Promise<OpenEngine> {
  const main = adapterFor(url);
  // Closed explicitly: the engine holds a session-level advisory lock while it migrates, which is only
  // released when its connection closes, and an idle pooled connection would keep it for 10 s.
  const opened: { dispose(): Promise<void> }[] = [];
  const scratch: { release(): Promise<void> }[] = [];
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: main.provider,
    adapterName: main.adapterName,
    async connect() {
      const adapter = fitForSchemaEngine(await main.connect());
      opened.push(adapter);
      return adapter;
    },
    async connectToShadowDb() {
      const shadow = await startScratchDatabase();
      scratch.push(shadow);
      // The engine disposes of its shadow connection itself.
      return fitForSchemaEngine(await adapterFor(shadow.url).connect());
    },
  };
  const logs: string[] = [];
  const engine = await SchemaEngine.new(
    { datamodels: schema ? [["schema.prisma", schema]] : undefined },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(opened.map((adapter) => adapter.dispose()));
      await Promise.all(scratch.map((s) => s.release()));
    },
  };
}
