import "server-only";
import { importHfDaily, type ImportOutcome } from "@/lib/ingest/imports";
import { IMPORT_RETRY, logImport } from "@/lib/jobs/import-log";
import type { JobDeps, ScheduledJob } from "@/lib/jobs/job";
import { addDays, today } from "@/lib/dates/days";

/**
 * Imports Hugging Face's daily list (only with HF_DAILY_MIRROR). Its day (UTC) fills up during the day, so
 * it is pulled every 3 hours, today's and yesterday's (which closes after midnight).
 */
export const importHfDailyJob: ScheduledJob = {
  queue: "import-hf-daily",
  cron: "15 */3 * * *",
  tz: "UTC",
  retry: IMPORT_RETRY,
  run: (deps) => importHfDailyNow(deps),
};

/** Imports yesterday's and today's list (UTC), one line each; fails the job if either failed. */
export async function importHfDailyNow(deps: JobDeps, now: Date = new Date()): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  let failure: Error | undefined;
  for (const date of [addDays(today(now), -1), today(now)]) {
    try {
      outcomes.push(await logImport(deps, "hf-daily", () => importHfDaily(deps.prisma, { date, http: deps.http })));
    } catch (error) {
      // Yesterday's failure does not stop today's pull; the job still fails, for a retry.
      failure = error instanceof Error ? error : new Error(String(error));
    }
  }
  if (failure) throw failure;
  return outcomes;
}
