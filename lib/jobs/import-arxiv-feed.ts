import "server-only";
import { ARXIV_TIME_ZONE } from "@/lib/dates/arxiv-calendar";
import { importArxivFeed, type ImportOutcome } from "@/lib/ingest/imports";
import { IMPORT_RETRY, logImport } from "@/lib/jobs/import-log";
import type { JobDeps, ScheduledJob } from "@/lib/jobs/job";

/**
 * Pulls arXiv's listing feed of ARXIV_CATEGORIES. arXiv announces at 20:00 New York time Sunday–Thursday
 * and its feeds switch to the new listing between then and midnight, so the feed is pulled every day at
 * 20:30 and again at 06:30 (the morning pull catches a late switch; an unchanged feed is a cheap 304).
 * Pulls on Friday and Saturday evenings find nothing and say why.
 */
export const importArxivFeedJob: ScheduledJob = {
  queue: "import-arxiv-feed",
  cron: "30 6,20 * * *",
  tz: ARXIV_TIME_ZONE,
  retry: IMPORT_RETRY,
  run: (deps) => importArxivFeedNow(deps),
};

/** Pulls the listing feed once and logs one line. Throws (for a retry) when it failed. */
export async function importArxivFeedNow(deps: JobDeps): Promise<ImportOutcome> {
  return logImport(deps, "arxiv-feed", () => importArxivFeed(deps.prisma, { http: deps.http }));
}
