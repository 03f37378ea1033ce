import "server-only";
import { describeChatRun, postDailyToChats, postFeaturedToChats, type ChatRunSummary } from "@/lib/chat/deliver";
import { addDays, toDayString } from "@/lib/dates/days";
import { appUrl, type Env } from "@/lib/env";
import { isLastTry, LoggedFailure, type JobDeps, type JobMetadata, type ScheduledJob } from "@/lib/jobs/job";

/**
 * Team chat posts. The day's top papers go out at DIGEST_HOUR_UTC, with the daily digest, for the UTC day that
 * just ended: by then the day's list is complete and its votes have mostly come in, and an operator who picked
 * an hour for the digest has picked one for their readers. A run that leaves transient failures (a 5xx, a
 * timeout, a long Retry-After) fails its job, and pg-boss retries it with backoff for the day the job was
 * created for; the ledger (lib/chat/deliver.ts) keeps each webhook's post to one.
 *
 * Featured papers: a paper is featured when a row of `DailyPaper` puts it on a day's list, which a submission,
 * an import or an admin's restore writes. Rather than hook each of those paths, a scan every five minutes reads
 * the papers featured since and posts those the ledger has not seen: one indexed query when there is nothing new.
 */
export function chatDailyJob(env: Env): ScheduledJob {
  return {
    queue: "chat-daily",
    cron: `0 ${env.DIGEST_HOUR_UTC} * * *`,
    tz: "UTC",
    retry: { retryLimit: 5, retryDelay: 300, retryBackoff: true },
    run: (deps, job) => runChatDailyJob(deps, job),
  };
}

export const chatFeaturedJob: ScheduledJob = {
  queue: "chat-featured",
  cron: "*/5 * * * *",
  tz: "UTC",
  // The next scan, five minutes on, is the retry.
  retry: { retryLimit: 0 },
  run: async (deps) => {
    const summary = await postFeaturedToChats({ prisma: deps.prisma, siteUrl: appUrl(deps.env), log: deps.log });
    if (summary.sent + summary.failed + summary.deferred > 0) deps.log(describeChatRun(summary));
    return summary;
  },
};

/** The day a daily job posts: the one before the job was created, so a retry hours later posts the same day. */
export function chatDayOfJob(job: { createdOn: Date }): string {
  return addDays(toDayString(job.createdOn), -1);
}

export async function runChatDailyJob(deps: JobDeps, job: JobMetadata): Promise<ChatRunSummary> {
  // On the job's last try, a post that fails again is given up (FAILED, with its error on /admin) rather than
  // left waiting for a retry that will never come.
  const lastTry = isLastTry(job);
  const summary = await postDailyToChats(
    { prisma: deps.prisma, siteUrl: appUrl(deps.env), log: deps.log, ...(lastTry ? { maxAttempts: 1 } : {}) },
    chatDayOfJob(job),
  );
  deps.log(describeChatRun(summary));
  if (summary.deferred > 0 && !lastTry) {
    throw new LoggedFailure(`${summary.deferred} team chat posts deferred by transient failures; retrying`);
  }
  return summary;
}
