/**
 * `npm run db:migrate:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql from the
 * difference between the existing migrations and prisma/schema.prisma. Needs no database server.
 */
import { startScratchDatabase } from "@/tools/embedded-db/process";
import { AppError } from "@/lib/errors";
import { diffMigrationsToSchema } from "@/tools/migrate";
import { writeMigration } from "@/tools/migrate/migrations-folder";
import { runScript } from "@/tools/run-script";

await runScript(async () => {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new AppError("USAGE", "Usage: npm run db:migrate:new -- <name>   (lower-case letters, digits and _)");
  }
  const scratch = await startScratchDatabase();
  try {
    const sql = await diffMigrationsToSchema(scratch.url);
    if (!sql) {
      console.log("schema.prisma and the migrations agree: no migration written.");
      return;
    }
    const folder = writeMigration(name, sql);
    console.log(`Wrote prisma/migrations/${folder}/migration.sql — review it, then run npm run db:migrate.`);
  } finally {
    await scratch.release();
  }
});
