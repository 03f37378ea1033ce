import "server-only";
import { runDigest, type DigestRunSummary } from "@/lib/digest/deliver";
import { previousPeriod, type DigestPeriodName, type DigestPeriodSpec } from "@/lib/digest/period";
import { appUrl, type Env } from "@/lib/env";
import { LoggedFailure, type JobDeps, type ScheduledJob } from "@/lib/jobs/job";
import { createMailTransport } from "@/lib/mail/create-transport";

/**
 * The email digest: daily at DIGEST_HOUR_UTC, weekly on DIGEST_WEEKLY_DAY at the same hour, each for the
 * day (or ISO week) that just ended. A run that leaves transient mail failures behind fails its job, and
 * pg-boss retries it with backoff, for the period the job was created for. `npm run digest` does the same
 * work by hand (`deliverDigestNow`).
 *
 * One job per period, not one per subscriber: the delivery ledger (lib/digest/deliver.ts) already sends
 * each subscriber once however many runs overlap, and keeps its own leases, for reasons said there.
 */
export function digestJob(period: DigestPeriodName, env: Env): ScheduledJob {
  const weekday = period === "weekly" ? String(env.DIGEST_WEEKLY_DAY) : "*";
  return {
    queue: `digest-${period}`,
    cron: `0 ${env.DIGEST_HOUR_UTC} * * ${weekday}`,
    tz: "UTC",
    retry: { retryLimit: 5, retryDelay: 300, retryBackoff: true },
    run: (deps, job) => runDigestJob(period, deps, job),
  };
}

/** The job's steps: the period it was created for → deliver → log the summary → fail it if some were deferred. */
export async function runDigestJob(
  period: DigestPeriodName,
  deps: JobDeps,
  job: { createdOn: Date },
): Promise<DigestRunSummary> {
  const summary = await deliverDigestNow({ ...deps, spec: digestPeriodOfJob(period, job) });
  deps.log(describeDigest(summary));
  if (summary.deferred > 0) {
    throw new LoggedFailure(`${summary.deferred} digests deferred by transient mail errors; retrying`);
  }
  return summary;
}

/**
 * The period a digest job sends: the one before the job was created, not before it runs, so a retry
 * hours later (or after midnight) still sends the period it was scheduled for.
 */
export function digestPeriodOfJob(period: DigestPeriodName, job: { createdOn: Date }): DigestPeriodSpec {
  return previousPeriod(period, job.createdOn);
}

/**
 * Delivers one period's digest through the configured mail (SMTP_URL, or the development mailbox), with
 * APP_URL for links and EMAIL_FROM as sender: the job's work, and `npm run digest`'s.
 */
export async function deliverDigestNow(
  options: Omit<JobDeps, "http"> & {
    spec: DigestPeriodSpec;
    dryRun?: boolean;
  },
): Promise<DigestRunSummary> {
  const transport = createMailTransport(options.env.SMTP_URL, options.prisma);
  try {
    return await runDigest({
      prisma: options.prisma,
      transport,
      spec: options.spec,
      siteUrl: appUrl(options.env),
      from: options.env.EMAIL_FROM,
      dryRun: options.dryRun,
      log: options.log,
    });
  } finally {
    transport.close();
  }
}

/** The one line a run prints: "Digest daily 2026-11-22: 10 papers, 120 subscribers — sent 118, …". */
export function describeDigest(summary: DigestRunSummary): string {
  const verb = summary.dryRun ? "would send" : "sent";
  const elsewhere = summary.sendingElsewhere > 0 ? `, left to another run ${summary.sendingElsewhere}` : "";
  return `Digest ${summary.period}: ${summary.papers} papers, ${summary.subscribers} subscribers — ${verb} ${summary.sent}, skipped ${summary.skipped}, failed ${summary.failed}, deferred ${summary.deferred}${elsewhere}.`;
}
