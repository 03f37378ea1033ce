import { ensureEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/embedded-db/process";
import { loadEnv, type Env } from "@/lib/env";

export interface DatabaseHandle extends EmbeddedDatabase {
  /** True when the database is the embedded PGlite one rather than a Postgres server. */
  embedded: boolean;
}

/**
 * The database a command should use: `DATABASE_URL` when it is set, otherwise the embedded database
 * (started here, or the one `npm start` already runs for this checkout).
 */
export async function openDatabase(env: Env = loadEnv()): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, owned: false, embedded: false, release: async () => {} };
  }
  const db = await ensureEmbeddedDatabase({ dataDir: env.EMBEDDED_DB_DIR, port: env.EMBEDDED_DB_PORT });
  return { ...db, embedded: true };
}
