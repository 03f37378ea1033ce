/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
import { openDatabase } from "@/tools/database-url";
import { loadEnv } from "@/lib/env";
import { deployMigrations } from "@/tools/migrate";
import { runScript } from "@/tools/run-script";

await runScript(async () => {
  const env = loadEnv();
  const db = await openDatabase(env);
  try {
    const applied = await deployMigrations(db.url);
    console.log(
      applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.",
    );
  } finally {
    await db.release();
  }
});
