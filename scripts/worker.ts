/**
 * `npm run worker`: schedules and sends the email digests with pg-boss on the app's own PostgreSQL.
 * Daily at DIGEST_HOUR_UTC, weekly on DIGEST_WEEKLY_DAY at the same hour. Run as many as you like, on as
 * many machines: pg-boss hands each scheduled job to one worker, and the delivery ledger keeps a digest
 * from going out twice even if two runs overlap. A run that leaves transient failures behind fails its
 * job, and pg-boss retries it with backoff.
 */
import PgBoss from "pg-boss";
import { openDatabase } from "@/lib/database-url";
import { formatSummary, sendDigest } from "@/lib/digest/job";
import { previousPeriod, type DigestPeriodName } from "@/lib/digest/period";
import { loadEnv } from "@/lib/env";
import { deployMigrations } from "@/lib/migrate";
import { createPrismaClient } from "@/lib/prisma-client";

const env = loadEnv();
const db = await openDatabase(env);
await deployMigrations(db.url, { embeddedDir: db.embeddedDir });
const prisma = createPrismaClient(db.url, 4);
const boss = new PgBoss({ connectionString: db.url, schema: "pgboss", max: 4 });
boss.on("error", (error) => console.error("[worker] pg-boss:", error.message));
await boss.start();

const schedules: Record<DigestPeriodName, string> = {
  daily: `0 ${env.DIGEST_HOUR_UTC} * * *`,
  weekly: `0 ${env.DIGEST_HOUR_UTC} * * ${env.DIGEST_WEEKLY_DAY}`,
};

for (const period of ["daily", "weekly"] as const) {
  const queue = `digest-${period}`;
  await boss.createQueue(queue, { name: queue, retryLimit: 5, retryDelay: 300, retryBackoff: true });
  await boss.schedule(queue, schedules[period], {}, { tz: "UTC" });
  await boss.work(queue, async () => {
    const summary = await sendDigest({
      prisma,
      env,
      spec: previousPeriod(period),
      log: (line) => console.log(`[worker] ${line}`),
    });
    console.log(`[worker] ${formatSummary(summary)}`);
    if (summary.deferred > 0)
      throw new Error(`${summary.deferred} digests deferred by transient mail errors; retrying`);
  });
}
console.log(
  `[worker] Digest worker ready: daily at ${env.DIGEST_HOUR_UTC}:00 UTC, weekly on day ${env.DIGEST_WEEKLY_DAY}.`,
);

async function shutdown() {
  await boss.stop({ graceful: true, timeout: 10_000 });
  await prisma.$disconnect();
  await db.release();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
