import "server-only";
import type PgBoss from "pg-boss";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { formatSummary, sendDigest } from "@/lib/digest/job";
import { previousPeriod, type DigestPeriodName, type DigestPeriodSpec } from "@/lib/digest/period";
import type { Env } from "@/lib/env";
import type { HttpOptions } from "@/lib/ingest/http";
import { importArxivFeed, importHfDaily, refreshIncompletePapers, type ImportOutcome } from "@/lib/ingest/imports";
import { addDays, today } from "@/lib/dates/days";

/**
 * The worker's scheduled jobs (pg-boss on the app's own PostgreSQL): the imports, and the digests' period
 * rule. Each import job logs one line per pull — what it found, or why it failed — and a failed pull
 * fails its job so pg-boss retries it with backoff; nothing here lets an outage crash the worker.
 *
 * Schedule (America/New_York, arXiv's zone): arXiv announces at 20:00 Sunday–Thursday and its feeds
 * switch to the new listing between then and midnight, so the listing is pulled every day at 20:30 and
 * again at 06:30 (the morning pull catches a late switch; an unchanged feed is a cheap 304). Pulls on
 * Friday and Saturday evenings find nothing and say why. The export API refresh of papers the feed left
 * incomplete follows 20 minutes after each pull. Hugging Face's day fills up during the day (UTC), so
 * its list is pulled every 3 hours, today's and yesterday's (which closes after midnight).
 */

export interface JobDeps {
  prisma: PrismaClient;
  env: Env;
  log: (line: string) => void;
  http?: HttpOptions;
}

export const IMPORT_JOBS = {
  arxivFeed: { queue: "import-arxiv-feed", cron: "30 6,20 * * *", tz: "America/New_York" },
  refresh: { queue: "import-arxiv-refresh", cron: "50 6,20 * * *", tz: "America/New_York" },
  hfDaily: { queue: "import-hf-daily", cron: "15 */3 * * *", tz: "UTC" },
} as const;

/** Papers the refresh job fills in per run: at most 3 export API requests. */
export const REFRESH_LIMIT = 300;

/** A pull that failed: pg-boss retries the job; the reason was already logged. */
class PullFailed extends Error {}

/** Pulls the listing feed of ARXIV_CATEGORIES once and logs one line. Throws (for a retry) when it failed. */
export async function runArxivFeedJob(deps: JobDeps): Promise<ImportOutcome> {
  return logged(deps, "arxiv-feed", () => importArxivFeed(deps.prisma, { http: deps.http }));
}

/** Fills in papers the feed left incomplete; logs one line (or nothing, when none are). */
export async function runRefreshJob(deps: JobDeps): Promise<ImportOutcome | undefined> {
  let outcome: ImportOutcome | undefined;
  await logged(deps, "arxiv-refresh", async () => {
    outcome = await refreshIncompletePapers(deps.prisma, REFRESH_LIMIT, { http: deps.http });
    return outcome;
  });
  return outcome;
}

/** Imports Hugging Face's list of yesterday and today (UTC), one line each. */
export async function runHfDailyJob(deps: JobDeps, now: Date = new Date()): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  let failure: Error | undefined;
  for (const date of [addDays(today(now), -1), today(now)]) {
    try {
      outcomes.push(await logged(deps, "hf-daily", () => importHfDaily(deps.prisma, { date, http: deps.http })));
    } catch (error) {
      // Yesterday's failure does not stop today's pull; the job still fails, for a retry.
      failure = error instanceof Error ? error : new Error(String(error));
    }
  }
  if (failure) throw failure;
  return outcomes;
}

/** Runs one import, logs its one line, and turns a FAILED run (or a crash) into a retryable job failure. */
async function logged<T extends ImportOutcome | undefined>(
  deps: JobDeps,
  name: string,
  run: () => Promise<T>,
): Promise<T> {
  let outcome: T;
  try {
    outcome = await run();
  } catch (error) {
    deps.log(`${name}: failed — ${sentence(error instanceof Error ? error.message : String(error))}; will retry`);
    throw new PullFailed(error instanceof Error ? error.message : String(error));
  }
  if (!outcome) return outcome;
  deps.log(describe(name, outcome));
  if (outcome.status === "FAILED") throw new PullFailed(outcome.message ?? "import failed");
  return outcome;
}

/** "arxiv-feed cs.AI+cs.CL: 120 new, 3 updated, …" or "…: nothing new — no arXiv announcement on …". */
export function describe(name: string, outcome: ImportOutcome): string {
  const { counts } = outcome;
  const head = `${name} ${outcome.target}`;
  if (outcome.status === "FAILED")
    return `${head}: failed — ${sentence(outcome.message ?? "see the import run")}; will retry`;
  if (outcome.status === "EMPTY") return `${head}: nothing new — ${outcome.message ?? "empty"}`;
  return `${head}: ${counts.created} new, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.skipped} skipped, ${counts.failed} failed`;
}

/** A reason without its closing full stop, to be followed by more of the line. */
function sentence(reason: string): string {
  return reason.replace(/\.+$/, "");
}

/**
 * Creates the import queues, schedules them (HF only when HF_DAILY_MIRROR), and starts their workers.
 * Call only when IMPORT_SCHEDULE is on.
 */
export async function startImportJobs(boss: PgBoss, deps: JobDeps): Promise<string[]> {
  const jobs: { spec: (typeof IMPORT_JOBS)[keyof typeof IMPORT_JOBS]; run: () => Promise<unknown> }[] = [
    { spec: IMPORT_JOBS.arxivFeed, run: () => runArxivFeedJob(deps) },
    { spec: IMPORT_JOBS.refresh, run: () => runRefreshJob(deps) },
  ];
  if (deps.env.HF_DAILY_MIRROR) jobs.push({ spec: IMPORT_JOBS.hfDaily, run: () => runHfDailyJob(deps) });
  else await boss.unschedule(IMPORT_JOBS.hfDaily.queue).catch(() => {});
  const described: string[] = [];
  for (const { spec, run } of jobs) {
    await boss.createQueue(spec.queue, {
      name: spec.queue,
      retryLimit: 3,
      retryDelay: 600,
      retryBackoff: true,
      // A pull waits politely (3 s spacing, Retry-After): give it time before pg-boss calls it lost.
      expireInSeconds: 30 * 60,
    });
    await boss.schedule(spec.queue, spec.cron, {}, { tz: spec.tz });
    await boss.work(spec.queue, async () => {
      try {
        await run();
      } catch (error) {
        // The reason is logged once above; pg-boss records the failure and retries.
        if (error instanceof PullFailed) throw error;
        deps.log(`${spec.queue}: failed — ${sentence(error instanceof Error ? error.message : String(error))}`);
        throw error;
      }
    });
    described.push(`${spec.queue} at "${spec.cron}" ${spec.tz}`);
  }
  return described;
}

/**
 * The period a digest job sends: the one before the job was created, not before it runs, so a retry
 * hours later (or after midnight) still sends the period it was scheduled for.
 */
export function digestPeriodOfJob(period: DigestPeriodName, job: { createdOn: Date }): DigestPeriodSpec {
  return previousPeriod(period, job.createdOn);
}

/**
 * The pg-boss handler of a digest queue (`work` with `includeMetadata: true`). Throws, for a retry, when
 * transient mail errors deferred some digests.
 */
export function digestJobHandler(period: DigestPeriodName, deps: JobDeps) {
  return async (jobs: PgBoss.JobWithMetadata[]) => {
    for (const job of jobs) {
      const summary = await sendDigest({
        prisma: deps.prisma,
        env: deps.env,
        spec: digestPeriodOfJob(period, job),
        log: deps.log,
      });
      deps.log(formatSummary(summary));
      if (summary.deferred > 0) {
        throw new Error(`${summary.deferred} digests deferred by transient mail errors; retrying`);
      }
    }
  };
}
