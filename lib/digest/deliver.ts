import "server-only";
import { randomUUID } from "node:crypto";
import type { Transporter } from "nodemailer";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getDigestPapers, subscriberBatches, type DigestPaper, type Subscriber } from "@/lib/digest/data";
import type { DigestPeriodSpec } from "@/lib/digest/period";
import { renderDigest } from "@/lib/mail/templates/digest";

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
  /** How often the run says it is alive (`DigestRun.heartbeatAt`). */
  heartbeatMs?: number;
  /** A claim whose run has not beaten for this long is from a run that died, and is taken over at once. */
  staleAfterMs?: number;
  /** Claims written without a run (before runs had heartbeats) lapse after this long. */
  leaseMs?: number;
  /**
   * Messages in flight at once. Also the most duplicates a crash can cause: each lane has at most one
   * message between the SMTP server's "250" and the row marked SENT.
   */
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
  /** Transient failures that outlasted the retries, or claims still held elsewhere; the next run sends them. */
  deferred: number;
  dryRun: boolean;
}

type SendOutcome = "sent" | "failed" | "deferred";
type SendResult = { outcome: SendOutcome; attempts: number; error: string | null };

/** Everything one run's steps share. */
interface RunContext {
  prisma: PrismaClient;
  transport: Transporter;
  spec: DigestPeriodSpec;
  runId: string;
  papers: DigestPaper[];
  siteUrl: string;
  from: string;
  fromAddress: string;
  host: string;
  attempts: number;
  retryDelayMs: number;
  heartbeatMs: number;
  staleAfterMs: number;
  leaseMs: number;
  concurrency: number;
  batchSize: number | undefined;
  log: (line: string) => void;
}

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
 * Sends one digest period to every verified subscriber, exactly once each but for a crash's in-flight
 * messages: each delivery row is claimed (written, with this run's id) before its message goes to SMTP
 * and marked right after the server's "250". A run beats its heartbeat every few seconds; another run
 * takes over the claims of one that stopped beating (crashed) at once, and a run that meets claims held
 * by another waits for them to be sent or to lapse, so a re-run after a crash finishes the job.
 * Transient SMTP failures are retried with exponential backoff; permanent ones are recorded.
 * Subscribers are read in batches, so memory stays flat.
 *
 * A crash can re-send at most `concurrency` messages: those whose "250" had arrived but whose row was not
 * yet marked. They go out again with the same Message-ID, which lets mail systems drop the duplicate.
 */
export async function runDigest(options: DigestRunOptions): Promise<DigestRunSummary> {
  const { prisma, spec } = options;
  const log = options.log ?? (() => {});
  const summary = emptySummary(spec, Boolean(options.dryRun));
  const papers = await getDigestPapers(prisma, spec.range);
  summary.papers = papers.length;
  if (papers.length === 0) {
    log(`No papers were featured in ${spec.label}: nothing to send.`);
    return summary;
  }
  if (options.dryRun) {
    await countWouldSend(options, papers, summary);
    return summary;
  }
  const settings = runSettings(options, papers, log);
  const run = await startRun(prisma, spec, settings.heartbeatMs, log);
  try {
    const context: RunContext = { ...settings, runId: run.id };
    const heldElsewhere = await deliverToSubscribers(context, summary);
    await waitForHeldElsewhere(context, heldElsewhere, summary);
  } finally {
    await run.finish();
  }
  return summary;
}

function emptySummary(spec: DigestPeriodSpec, dryRun: boolean): DigestRunSummary {
  return {
    period: `${spec.period} ${spec.key}`,
    papers: 0,
    subscribers: 0,
    sent: 0,
    skipped: 0,
    failed: 0,
    deferred: 0,
    dryRun,
  };
}

/** The options with their defaults filled in: everything a run's steps share but the run's id. */
function runSettings(
  options: DigestRunOptions,
  papers: DigestPaper[],
  log: (line: string) => void,
): Omit<RunContext, "runId"> {
  return {
    prisma: options.prisma,
    transport: options.transport,
    spec: options.spec,
    papers,
    siteUrl: options.siteUrl,
    from: options.from,
    fromAddress: /<([^>]+)>/.exec(options.from)?.[1] ?? options.from,
    host: new URL(options.siteUrl).hostname,
    attempts: options.attempts ?? 3,
    retryDelayMs: options.retryDelayMs ?? 1000,
    heartbeatMs: options.heartbeatMs ?? 5000,
    staleAfterMs: options.staleAfterMs ?? 30_000,
    leaseMs: options.leaseMs ?? 15 * 60 * 1000,
    concurrency: options.concurrency ?? 8,
    batchSize: options.batchSize,
    log,
  };
}

/** A dry run's count: who would get a digest and who would not, with nothing written or sent. */
async function countWouldSend(
  options: DigestRunOptions,
  papers: DigestPaper[],
  summary: DigestRunSummary,
): Promise<void> {
  for await (const batch of subscriberBatches(options.prisma, ledgerPeriod(options.spec), options.batchSize)) {
    summary.subscribers += batch.length;
    for (const subscriber of batch) summary[personalPapers(papers, subscriber).length ? "sent" : "skipped"] += 1;
  }
}

/**
 * Delivers to every subscriber of the period, a batch at a time, counting each outcome in `summary`;
 * returns the subscribers whose delivery another run holds.
 */
async function deliverToSubscribers(context: RunContext, summary: DigestRunSummary): Promise<Subscriber[]> {
  let heldElsewhere: Subscriber[] = [];
  for await (const batch of subscriberBatches(context.prisma, ledgerPeriod(context.spec), context.batchSize)) {
    summary.subscribers += batch.length;
    heldElsewhere = heldElsewhere.concat(await deliverInLanes(context, batch, summary));
  }
  return heldElsewhere;
}

/**
 * Claims another run holds: a live run sends them within seconds, a dead one's lapse within
 * `staleAfterMs` of its last heartbeat. Waits for either, trying them again, then leaves what is left
 * for the next run (counted as deferred).
 */
async function waitForHeldElsewhere(
  context: RunContext,
  heldElsewhere: Subscriber[],
  summary: DigestRunSummary,
): Promise<void> {
  let waiting = heldElsewhere;
  const deadline = Date.now() + context.staleAfterMs + 2 * context.heartbeatMs;
  while (waiting.length > 0 && Date.now() < deadline) {
    await sleep(Math.min(1000, context.staleAfterMs / 4));
    waiting = await deliverInLanes(context, waiting, summary);
  }
  if (waiting.length > 0) context.log(`${waiting.length} digests are still being sent by another run.`);
  summary.deferred += waiting.length;
}

/**
 * Delivers to `subscribers`, `concurrency` at a time, counting each outcome in `summary`; returns those
 * whose delivery another run holds.
 */
async function deliverInLanes(
  context: RunContext,
  subscribers: Subscriber[],
  summary: DigestRunSummary,
): Promise<Subscriber[]> {
  const heldElsewhere: Subscriber[] = [];
  await inLanes(subscribers, context.concurrency, async (subscriber) => {
    const outcome = await deliver(context, subscriber);
    if (outcome === "held") heldElsewhere.push(subscriber);
    else summary[outcome] += 1;
  });
  return heldElsewhere;
}

type DeliveryOutcome = SendOutcome | "skipped" | "held";

/** One subscriber, as three steps: claim the delivery row, send the message, record what happened. */
async function deliver(context: RunContext, subscriber: Subscriber): Promise<DeliveryOutcome> {
  const papers = personalPapers(context.papers, subscriber);
  if (papers.length === 0) return "skipped";
  const messageId = `<digest.${context.spec.period}.${context.spec.key}.${subscriber.userId}@${context.host}>`;
  const claim = await claimDelivery(context, subscriber, messageId);
  if (claim.kind === "done") return "skipped";
  if (claim.kind === "held") return "held";
  const result = await sendDigestMessage(context, subscriber, papers, messageId);
  await recordDelivery(context.prisma, claim.id, result);
  if (result.outcome === "failed") context.log(`permanent failure for ${subscriber.email}: ${result.error}`);
  if (result.outcome === "deferred") {
    context.log(`deferred ${subscriber.email} after ${result.attempts} attempts: ${result.error}`);
  }
  return result.outcome;
}

function personalPapers(papers: DigestPaper[], subscriber: Subscriber): DigestPaper[] {
  return papers.filter((p) => p.upvoteCount >= subscriber.minUpvotes);
}

/** The period as the delivery ledger and the preferences name it. */
function ledgerPeriod(spec: DigestPeriodSpec): "DAILY" | "WEEKLY" {
  return spec.period === "daily" ? "DAILY" : "WEEKLY";
}

type Claim = { kind: "claimed"; id: string } | { kind: "done" } | { kind: "held" };

/**
 * Claims the (user, period) delivery for this run: inserts the ledger row, or takes over a pending one
 * that nobody holds — released after a transient failure, or held by a run whose heartbeat stopped (or
 * that finished). The unique (userId, period, periodKey) row is what makes a digest go out once; the
 * upsert locks it, so two runs cannot both take it.
 */
async function claimDelivery(context: RunContext, subscriber: Subscriber, messageId: string): Promise<Claim> {
  const { prisma, spec, runId } = context;
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO "DigestDelivery" (id, "userId", period, "periodKey", "messageId", status, attempts, "claimedAt", "runId", "createdAt")
    VALUES (${randomUUID()}, ${subscriber.userId}, ${ledgerPeriod(spec)}::"DigestPeriod", ${spec.key}, ${messageId}, 'PENDING', 0, now(), ${runId}, now())
    ON CONFLICT ("userId", period, "periodKey") DO UPDATE SET "claimedAt" = now(), "runId" = EXCLUDED."runId"
      WHERE "DigestDelivery".status = 'PENDING'
        AND (
          "DigestDelivery"."claimedAt" IS NULL
          OR ("DigestDelivery"."runId" IS NULL
            AND "DigestDelivery"."claimedAt" < now() - make_interval(secs => ${context.leaseMs / 1000}))
          OR ("DigestDelivery"."runId" IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM "DigestRun" r
            WHERE r.id = "DigestDelivery"."runId" AND r."finishedAt" IS NULL
              AND r."heartbeatAt" > now() - make_interval(secs => ${context.staleAfterMs / 1000})))
        )
    RETURNING id`;
  const id = rows[0]?.id;
  if (id) return { kind: "claimed", id };
  const row = await prisma.digestDelivery.findUnique({
    where: {
      userId_period_periodKey: {
        userId: subscriber.userId,
        period: ledgerPeriod(spec),
        periodKey: spec.key,
      },
    },
    select: { status: true },
  });
  return row?.status === "PENDING" ? { kind: "held" } : { kind: "done" };
}

/** Hands the message to SMTP, retrying transient failures; returns as soon as the server says "250". */
async function sendDigestMessage(
  context: RunContext,
  subscriber: Subscriber,
  papers: DigestPaper[],
  messageId: string,
): Promise<SendResult> {
  const { siteUrl, spec, host } = context;
  const unsubscribeUrl = `${siteUrl}/api/unsubscribe/${subscriber.unsubscribeToken}`;
  const message = renderDigest({
    papers,
    periodLabel: spec.label,
    period: spec.period,
    siteUrl,
    unsubscribeUrl,
    settingsUrl: `${siteUrl}/settings`,
  });
  let error = "";
  for (let attempt = 1; attempt <= context.attempts; attempt++) {
    try {
      await context.transport.sendMail({
        from: context.from,
        to: subscriber.email,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId,
        headers: {
          "List-Unsubscribe": `<${unsubscribeUrl}>, <mailto:${context.fromAddress}?subject=unsubscribe>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          "List-Id": `Daily Papers digest <digest.${host}>`,
        },
      });
      return { outcome: "sent", attempts: attempt, error: null };
    } catch (failure) {
      error = describe(failure);
      if (isPermanent(failure)) return { outcome: "failed", attempts: attempt, error };
      if (attempt < context.attempts) await sleep(context.retryDelayMs * 2 ** (attempt - 1));
    }
  }
  return { outcome: "deferred", attempts: context.attempts, error };
}

/**
 * Marks the row with what happened, right after it happened: one message, one update, never batched, so
 * a crash leaves at most the messages in flight unmarked. A deferred row is released for the next run.
 */
async function recordDelivery(prisma: PrismaClient, id: string, result: SendResult): Promise<void> {
  const base = { attempts: { increment: result.attempts }, claimedAt: null, lastError: result.error };
  if (result.outcome === "sent") {
    await prisma.digestDelivery.update({ where: { id }, data: { ...base, status: "SENT", sentAt: new Date() } });
  } else if (result.outcome === "failed") {
    await prisma.digestDelivery.update({ where: { id }, data: { ...base, status: "FAILED" } });
  } else {
    await prisma.digestDelivery.update({ where: { id }, data: base });
  }
}

interface Run {
  id: string;
  finish(): Promise<void>;
}

/**
 * Registers the run (`DigestRun`) and beats its heartbeat with the database's clock, so claims can tell a
 * live run from a dead one whatever the machines' clocks say.
 */
async function startRun(
  prisma: PrismaClient,
  spec: DigestPeriodSpec,
  heartbeatMs: number,
  log: (line: string) => void,
): Promise<Run> {
  const run = await prisma.digestRun.create({
    data: { period: ledgerPeriod(spec), periodKey: spec.key },
    select: { id: true },
  });
  const beat = () =>
    prisma.$executeRaw`UPDATE "DigestRun" SET "heartbeatAt" = now() WHERE id = ${run.id}`.catch((error: unknown) =>
      // A missed beat only risks another run taking over our claims: log it and keep sending.
      log(`heartbeat failed: ${describe(error)}`),
    );
  const timer = setInterval(() => void beat(), heartbeatMs);
  timer.unref();
  return {
    id: run.id,
    async finish() {
      clearInterval(timer);
      // Best effort: a run that cannot say it finished simply stops beating, which frees its claims too.
      await prisma.$executeRaw`UPDATE "DigestRun" SET "finishedAt" = now(), "heartbeatAt" = now() WHERE id = ${run.id}`.catch(
        (error: unknown) => log(`could not record the run's end: ${describe(error)}`),
      );
    },
  };
}

/** Runs `work` over `items` with at most `lanes` at once; each lane takes the next item as soon as it is free. */
async function inLanes<T>(items: T[], lanes: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
}
