import "server-only";
import type PgBoss from "pg-boss";
import { chatDailyJob, chatFeaturedJob } from "@/lib/jobs/chat";
import { digestJob } from "@/lib/jobs/digest";
import { importArxivFeedJob } from "@/lib/jobs/import-arxiv-feed";
import { importArxivRefreshJob } from "@/lib/jobs/import-arxiv-refresh";
import { importHfDailyJob } from "@/lib/jobs/import-hf-daily";
import { LoggedFailure, sentence, type JobDeps, type JobMetadata, type ScheduledJob } from "@/lib/jobs/job";

/**
 * Every job the worker runs (one file each in lib/jobs/): the digests and team chat posts always, the imports unless
 * IMPORT_SCHEDULE=false, Hugging Face's day only with HF_DAILY_MIRROR. For each: its queue (with how pg-boss
 * retries it), its cron schedule in its zone, and a worker. Returns one description per job, for the log.
 */
export async function registerJobs(boss: PgBoss, deps: JobDeps): Promise<string[]> {
  const { env } = deps;
  const jobs: ScheduledJob[] = [digestJob("daily", env), digestJob("weekly", env), chatDailyJob(env), chatFeaturedJob];
  if (env.IMPORT_SCHEDULE) {
    jobs.push(importArxivFeedJob, importArxivRefreshJob);
    if (env.HF_DAILY_MIRROR) jobs.push(importHfDailyJob);
    // A schedule outlives the worker that made it (a row in pg-boss's tables): take back one turned off.
    else await boss.unschedule(importHfDailyJob.queue).catch(() => {});
  }
  for (const job of jobs) {
    await boss.createQueue(job.queue, { name: job.queue, ...job.retry });
    await boss.schedule(job.queue, job.cron, {}, { tz: job.tz });
    await boss.work(job.queue, { includeMetadata: true }, async (batch) => {
      for (const one of batch) await runLoggingFailure(job, deps, one);
    });
  }
  return jobs.map((job) => `${job.queue} at "${job.cron}" ${job.tz}`);
}

/** Runs the job; a failure it did not log itself is logged here, once. Either way pg-boss retries it. */
async function runLoggingFailure(job: ScheduledJob, deps: JobDeps, one: JobMetadata): Promise<void> {
  try {
    await job.run(deps, one);
  } catch (error) {
    if (!(error instanceof LoggedFailure)) {
      deps.log(`${job.queue}: failed — ${sentence(error instanceof Error ? error.message : String(error))}`);
    }
    throw error;
  }
}
