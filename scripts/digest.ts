/**
 * `npm run digest -- --period daily|weekly [--date YYYY-MM-DD] [--dry-run]`: sends one digest by hand.
 * Without --date, the period a scheduled run would send now (yesterday, or last week). Safe to repeat:
 * nobody gets the same period twice, and several may run at once (claims another live run holds are left to
 * it). Exits 2 when sends were deferred (transient mail failures), so cron knows to run it again; 1 on errors.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase } from "@/tools/database-url";
import { digestPeriod, previousPeriod } from "@/lib/digest/period";
import { deliverDigestNow, describeDigest } from "@/lib/jobs/digest";
import { loadEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { deployMigrations } from "@/tools/migrate";
import { parseDay } from "@/lib/dates/days";
import { createPrismaClient } from "@/lib/db/create-client";
import { firstIssue } from "@/lib/validation";
import { runScript } from "@/tools/run-script";

const usage = "Usage: npm run digest -- --period daily|weekly [--date YYYY-MM-DD] [--dry-run]";
const flagsSchema = z.object({
  period: z.enum(["daily", "weekly"]),
  date: z
    .string()
    .refine((d) => parseDay(d) !== null, "must be a real date, YYYY-MM-DD")
    .optional(),
  "dry-run": z.boolean().default(false),
});

await runScript(async () => {
  let values: unknown;
  try {
    values = parseArgs({
      options: { period: { type: "string" }, date: { type: "string" }, "dry-run": { type: "boolean" } },
    }).values;
  } catch {
    throw new AppError("USAGE", usage);
  }
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) {
    const { path, message } = firstIssue(parsed.error);
    throw new AppError("USAGE", `--${path}: ${message}. ${usage}`);
  }
  const { period, date, "dry-run": dryRun } = parsed.data;
  const env = loadEnv();
  const db = await openDatabase(env);
  const prisma = createPrismaClient(db.url, 4);
  try {
    await deployMigrations(db.url);
    const spec = date ? digestPeriod(period, date) : previousPeriod(period);
    const summary = await deliverDigestNow({ prisma, env, spec, dryRun, log: (line) => console.log(line) });
    console.log(describeDigest(summary));
    // Cron (or whoever runs this) must know some digests are still owed: the next run sends them.
    if (summary.deferred > 0) {
      console.error(`${summary.deferred} digests were deferred; run again to send them.`);
      process.exitCode = 2;
    }
  } finally {
    await prisma.$disconnect();
    await db.release();
  }
});
