import { randomUUID } from "node:crypto";
import type { Transporter } from "nodemailer";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getDigestPapers, subscriberBatches, type Subscriber } from "@/lib/digest/data";
import type { DigestPeriodSpec } from "@/lib/digest/period";
import { renderDigest, type DigestPaper } from "@/lib/digest/render";

export interface DigestRunOptions {
  prisma: PrismaClient;
  transport: Transporter;
  spec: DigestPeriodSpec;
  /** Public base URL for links ("https://papers.example.org"). */
  siteUrl: string;
  /** EMAIL_FROM, also the mailto: of List-Unsubscribe. */
  from: string;
  dryRun?: boolean;
  /** Sends per subscriber before a transient failure is left for the next run. */
  attempts?: number;
  /** First retry delay; doubled each time. */
  retryDelayMs?: number;
  /** A claim older than this is taken to be from a run that died, and may be taken over. */
  leaseMs?: number;
  /** Messages in flight at once (the SMTP pool's connections are shared). */
  concurrency?: number;
  batchSize?: number;
  log?: (line: string) => void;
}

export interface DigestRunSummary {
  period: string;
  papers: number;
  subscribers: number;
  sent: number;
  /** Nothing to send them, or already sent (or being sent) by another run. */
  skipped: number;
  /** Permanent failures (5xx), recorded and shown in the user's settings. */
  failed: number;
  /** Transient failures that outlasted the retries; the next run sends them. */
  deferred: number;
  dryRun: boolean;
}

type SendOutcome = "sent" | "failed" | "deferred";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SMTP replies of 5xx are permanent; everything else (4xx, dropped connections, timeouts) is transient. */
export function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

function describe(error: unknown): string {
  const e = error as { responseCode?: number; response?: string; message?: string };
  return (e.response ?? e.message ?? String(error)).slice(0, 500);
}

/**
 * Claims the (user, period) delivery: inserts the ledger row, or takes over a pending one whose claim
 * has lapsed. Returns the row id, or null when the delivery is sent, failed for good, or in another
 * run's hands. The unique (userId, period, periodKey) row is what makes a digest go out once.
 */
async function claim(
  prisma: PrismaClient,
  subscriber: Subscriber,
  spec: DigestPeriodSpec,
  messageId: string,
  leaseMs: number,
): Promise<string | null> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO "DigestDelivery" (id, "userId", period, "periodKey", "messageId", status, attempts, "claimedAt", "createdAt")
    VALUES (${randomUUID()}, ${subscriber.userId}, ${spec.period.toUpperCase()}::"DigestPeriod", ${spec.key}, ${messageId}, 'PENDING', 0, now(), now())
    ON CONFLICT ("userId", period, "periodKey") DO UPDATE SET "claimedAt" = now()
      WHERE "DigestDelivery".status = 'PENDING'
        AND ("DigestDelivery"."claimedAt" IS NULL OR "DigestDelivery"."claimedAt" < now() - make_interval(secs => ${leaseMs / 1000}))
    RETURNING id`;
  return rows[0]?.id ?? null;
}

/**
 * Sends one digest period to every verified subscriber, exactly once each: a delivery row is written
 * (claimed) before the send and marked after it, so a re-run after a crash or a second worker running at
 * the same time skips whoever already got theirs. Transient SMTP failures are retried with exponential
 * backoff; permanent ones are recorded. Subscribers are read in batches, so memory stays flat.
 */
export async function runDigest(options: DigestRunOptions): Promise<DigestRunSummary> {
  const { prisma, transport, spec, siteUrl } = options;
  const attempts = options.attempts ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const leaseMs = options.leaseMs ?? 15 * 60 * 1000;
  const concurrency = options.concurrency ?? 8;
  const log = options.log ?? (() => {});
  const host = new URL(siteUrl).hostname;
  const fromAddress = /<([^>]+)>/.exec(options.from)?.[1] ?? options.from;

  const summary: DigestRunSummary = {
    period: `${spec.period} ${spec.key}`,
    papers: 0,
    subscribers: 0,
    sent: 0,
    skipped: 0,
    failed: 0,
    deferred: 0,
    dryRun: Boolean(options.dryRun),
  };
  const papers = await getDigestPapers(prisma, spec.range);
  summary.papers = papers.length;
  if (papers.length === 0) {
    log(`No papers were featured in ${spec.label}: nothing to send.`);
    return summary;
  }

  async function deliver(subscriber: Subscriber, personal: DigestPaper[]): Promise<SendOutcome | "skipped"> {
    const messageId = `<digest.${spec.period}.${spec.key}.${subscriber.userId}@${host}>`;
    if (options.dryRun) return "sent";
    const id = await claim(prisma, subscriber, spec, messageId, leaseMs);
    if (!id) return "skipped";

    const unsubscribeUrl = `${siteUrl}/api/unsubscribe/${subscriber.unsubscribeToken}`;
    const message = renderDigest({
      papers: personal,
      periodLabel: spec.label,
      period: spec.period,
      siteUrl,
      unsubscribeUrl,
      settingsUrl: `${siteUrl}/settings`,
    });
    let lastError = "";
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await transport.sendMail({
          from: options.from,
          to: subscriber.email,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId,
          headers: {
            "List-Unsubscribe": `<${unsubscribeUrl}>, <mailto:${fromAddress}?subject=unsubscribe>`,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": `Daily Papers digest <digest.${host}>`,
          },
        });
        await prisma.digestDelivery.update({
          where: { id },
          data: {
            status: "SENT",
            sentAt: new Date(),
            attempts: { increment: attempt },
            claimedAt: null,
            lastError: null,
          },
        });
        return "sent";
      } catch (error) {
        lastError = describe(error);
        if (isPermanent(error)) {
          await prisma.digestDelivery.update({
            where: { id },
            data: { status: "FAILED", attempts: { increment: attempt }, claimedAt: null, lastError },
          });
          log(`permanent failure for ${subscriber.email}: ${lastError}`);
          return "failed";
        }
        if (attempt < attempts) await sleep(retryDelayMs * 2 ** (attempt - 1));
      }
    }
    await prisma.digestDelivery.update({
      where: { id },
      data: { attempts: { increment: attempts }, claimedAt: null, lastError },
    });
    log(`deferred ${subscriber.email} after ${attempts} attempts: ${lastError}`);
    return "deferred";
  }

  for await (const batch of subscriberBatches(
    prisma,
    spec.period === "daily" ? "DAILY" : "WEEKLY",
    options.batchSize,
  )) {
    summary.subscribers += batch.length;
    for (let start = 0; start < batch.length; start += concurrency) {
      const outcomes = await Promise.all(
        batch.slice(start, start + concurrency).map((subscriber) => {
          const personal = papers.filter((p) => p.upvoteCount >= subscriber.minUpvotes);
          return personal.length ? deliver(subscriber, personal) : Promise.resolve("skipped" as const);
        }),
      );
      for (const outcome of outcomes) summary[outcome] += 1;
    }
  }
  return summary;
}
