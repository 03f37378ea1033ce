import { ensureEmbeddedDatabase, type EmbeddedDatabase } from "@/tools/embedded-db/process";
import { loadEnv, type Env } from "@/lib/env";

export interface DatabaseHandle extends EmbeddedDatabase {
  /** The embedded database's data folder, when this is the embedded PGlite rather than a Postgres server. */
  embeddedDir?: string;
}

/**
 * The database a command should use: `DATABASE_URL` when it is set, otherwise the embedded database
 * (started here, or the one `npm start` already runs for this checkout).
 */
export async function openDatabase(env: Env = loadEnv()): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, owned: false, release: async () => {} };
  }
  const db = await ensureEmbeddedDatabase({ dataDir: env.EMBEDDED_DB_DIR, port: env.EMBEDDED_DB_PORT });
  return { ...db, embeddedDir: env.EMBEDDED_DB_DIR };
}
