/**
 * `npm run worker`: the background jobs, with pg-boss on the app's own PostgreSQL.
 * - Email digests: daily at DIGEST_HOUR_UTC, weekly on DIGEST_WEEKLY_DAY at the same hour. The delivery
 *   ledger keeps a digest from going out twice even if two runs overlap; a run that leaves transient
 *   failures behind fails its job, and pg-boss retries it with backoff — for the period the job was
 *   created for, not the one current when the retry runs.
 * - Imports (unless IMPORT_SCHEDULE=false): arXiv's listing feed, the export API refresh of papers it
 *   left incomplete, and Hugging Face's day when HF_DAILY_MIRROR=true (schedule in lib/ingest/jobs.ts).
 *   A failed pull logs one line and is retried; the worker keeps going.
 * Run as many as you like, on as many machines: pg-boss hands each scheduled job to one worker.
 */
import PgBoss from "pg-boss";
import { openDatabase } from "@/tools/database-url";
import type { DigestPeriodName } from "@/lib/digest/period";
import { loadEnv } from "@/lib/env";
import { digestJobHandler, startImportJobs, type JobDeps } from "@/lib/ingest/jobs";
import { deployMigrations } from "@/tools/migrate";
import { createPrismaClient } from "@/lib/db/create-client";

const env = loadEnv();
const db = await openDatabase(env);
await deployMigrations(db.url);
const prisma = createPrismaClient(db.url, 4);
const boss = new PgBoss({ connectionString: db.url, schema: "pgboss", max: 4 });
boss.on("error", (error) => console.error("[worker] pg-boss:", error.message));
await boss.start();

const deps: JobDeps = { prisma, env, log: (line) => console.log(`[worker] ${line}`) };

const schedules: Record<DigestPeriodName, string> = {
  daily: `0 ${env.DIGEST_HOUR_UTC} * * *`,
  weekly: `0 ${env.DIGEST_HOUR_UTC} * * ${env.DIGEST_WEEKLY_DAY}`,
};

for (const period of ["daily", "weekly"] as const) {
  const queue = `digest-${period}`;
  await boss.createQueue(queue, { name: queue, retryLimit: 5, retryDelay: 300, retryBackoff: true });
  await boss.schedule(queue, schedules[period], {}, { tz: "UTC" });
  await boss.work(queue, { includeMetadata: true }, digestJobHandler(period, deps));
}
console.log(
  `[worker] Digest worker ready: daily at ${env.DIGEST_HOUR_UTC}:00 UTC, weekly on day ${env.DIGEST_WEEKLY_DAY}.`,
);

if (env.IMPORT_SCHEDULE) {
  const scheduled = await startImportJobs(boss, deps);
  console.log(`[worker] Imports scheduled: ${scheduled.join("; ")}.`);
} else {
  console.log("[worker] Imports not scheduled (IMPORT_SCHEDULE=false).");
}

async function shutdown() {
  await boss.stop({ graceful: true, timeout: 10_000 });
  await prisma.$disconnect();
  await db.release();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
