import "server-only";
import { ARXIV_TIME_ZONE } from "@/lib/dates/arxiv-calendar";
import { refreshIncompletePapers } from "@/lib/ingest/imports";
import { IMPORT_RETRY, logImport } from "@/lib/jobs/import-log";
import type { ScheduledJob } from "@/lib/jobs/job";

/** Papers the refresh fills in per run: at most 3 export API requests. */
export const REFRESH_LIMIT = 300;

/**
 * Fills in, from arXiv's export API, the papers the listing feed left incomplete: 20 minutes after each
 * feed pull (lib/jobs/import-arxiv-feed.ts). Logs one line, or nothing when no paper is incomplete.
 */
export const importArxivRefreshJob: ScheduledJob = {
  queue: "import-arxiv-refresh",
  cron: "50 6,20 * * *",
  tz: ARXIV_TIME_ZONE,
  retry: IMPORT_RETRY,
  run: (deps) =>
    logImport(deps, "arxiv-refresh", () => refreshIncompletePapers(deps.prisma, REFRESH_LIMIT, { http: deps.http })),
};
