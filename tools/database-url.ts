import { ensureEmbeddedDatabase, type EmbeddedDatabase } from "@/tools/embedded-db/process";
import { loadEnv, type Env } from "@/lib/env";

export interface DatabaseHandle extends EmbeddedDatabase {
  /** The embedded database's data folder, when this is the embedded PostgreSQL rather than DATABASE_URL. */
  embeddedDir?: string;
}

/**
 * The database a command should use: `DATABASE_URL` when it is set, otherwise the embedded PostgreSQL
 * (started here, or the one `npm start` already runs for this checkout).
 *
 * @param options.onUnrecoverable keep the embedded server alive, restarting it when it dies; called when
 *   it cannot be restarted (`npm start`)
 */
export async function openDatabase(
  env: Env = loadEnv(),
  options: { onUnrecoverable?: (error: unknown) => void } = {},
): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, owned: false, release: async () => {} };
  }
  const db = await ensureEmbeddedDatabase({
    dataDir: env.EMBEDDED_DB_DIR,
    port: env.EMBEDDED_DB_PORT,
    onUnrecoverable: options.onUnrecoverable,
  });
  return { ...db, embeddedDir: env.EMBEDDED_DB_DIR };
}
