/**
 * `npm run worker`: the background jobs, with pg-boss on the app's own PostgreSQL. What runs when, and
 * how each is retried, is in lib/jobs/ (one file per job; lib/jobs/register.ts lists them).
 * Run as many as you like, on as many machines: pg-boss hands each scheduled job to one worker.
 */
import PgBoss from "pg-boss";
import { openDatabase } from "@/tools/database-url";
import { loadEnv } from "@/lib/env";
import { registerJobs } from "@/lib/jobs/register";
import { deployMigrations } from "@/tools/migrate";
import { createPrismaClient } from "@/lib/db/create-client";

const env = loadEnv();
const db = await openDatabase(env);
await deployMigrations(db.url);
const prisma = createPrismaClient(db.url, 4);
const boss = new PgBoss({ connectionString: db.url, schema: "pgboss", max: 4 });
boss.on("error", (error) => console.error("[worker] pg-boss:", error.message));
await boss.start();

const scheduled = await registerJobs(boss, { prisma, env, log: (line) => console.log(`[worker] ${line}`) });
console.log(`[worker] Jobs scheduled: ${scheduled.join("; ")}.`);
if (!env.IMPORT_SCHEDULE) console.log("[worker] Imports not scheduled (IMPORT_SCHEDULE=false).");

async function shutdown() {
  await boss.stop({ graceful: true, timeout: 10_000 });
  await prisma.$disconnect();
  await db.release();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
