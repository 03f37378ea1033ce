import fs from "node:fs";
import path from "node:path";
import { openDatabase, type DatabaseHandle } from "@/tools/database-url";
import type { Env } from "@/lib/env";
import { deployMigrations } from "@/tools/migrate";
import { createPrismaClient } from "@/lib/db/create-client";
import { seedDemoData } from "@/prisma/seed/demo";

/**
 * What `npm start` and `npm run dev` do before the app serves: pick the database (DATABASE_URL or the
 * embedded one), apply pending migrations, and load the demo data into an empty database.
 * `options.onUnrecoverable`: see openDatabase.
 */
export async function prepareDatabase(
  env: Env,
  options: { onUnrecoverable?: (error: unknown) => void } = {},
): Promise<DatabaseHandle> {
  const db = await openDatabase(env, options);
  try {
    if (db.embeddedDir) {
      console.log(`Embedded PostgreSQL with its data in ${env.EMBEDDED_DB_DIR}/`);
      console.log("  To use a real server instead, set DATABASE_URL=postgresql://user:password@host:5432/dbname");
      const pgliteDir = path.join(path.dirname(env.EMBEDDED_DB_DIR), "pglite");
      if (fs.existsSync(pgliteDir)) {
        console.log(`  ${pgliteDir}/ holds the earlier PGlite database, no longer used: delete it when you like.`);
      }
    } else {
      console.log(`PostgreSQL at ${redact(db.url)}`);
    }
    const applied = await deployMigrations(db.url);
    if (applied.length) console.log(`Applied ${applied.length} migration(s).`);

    const prisma = createPrismaClient(db.url, 2);
    try {
      if ((await prisma.paper.count()) === 0) {
        const started = performance.now();
        const seeded = await seedDemoData(prisma);
        const ms = Math.round(performance.now() - started);
        console.log(
          `Loaded demo data: ${seeded.papers} papers, ${seeded.users} users, ${seeded.upvotes} upvotes (${ms} ms).`,
        );
      }
    } finally {
      await prisma.$disconnect();
    }
    return db;
  } catch (error) {
    await db.release();
    throw error;
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:***@");
}
