/** `npm run db:seed`: loads the demo papers, users and upvotes (idempotent). */
import { openDatabase } from "@/tools/database-url";
import { loadEnv } from "@/lib/env";
import { deployMigrations } from "@/tools/migrate";
import { createPrismaClient } from "@/lib/db/create-client";
import { seedDemoData } from "@/prisma/seed/demo";
import { runScript } from "@/tools/run-script";

await runScript(async () => {
  const env = loadEnv();
  const db = await openDatabase(env);
  await deployMigrations(db.url);
  const prisma = createPrismaClient(db.url, 2);
  try {
    const started = performance.now();
    const seeded = await seedDemoData(prisma);
    const ms = Math.round(performance.now() - started);
    console.log(`Demo data: ${seeded.papers} papers, ${seeded.users} users, ${seeded.upvotes} new upvotes (${ms} ms).`);
  } finally {
    await prisma.$disconnect();
    await db.release();
  }
});
