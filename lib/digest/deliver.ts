import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { randomUUID } from "node:crypto";
import type { Transporter } from "nodemailer";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  DIGEST_CANDIDATES,
  DIGEST_SIZE,
  getDigestPapers,
  subscriberBatches,
  type DigestPaper,
  type Subscriber,
} from "@/lib/digest/data";
import {
  composeMemberDigest,
  hasPapers,
  matchPersonalTopics,
  periodHasPapers,
  type MemberDigest,
} from "@/lib/digest/personal";
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
  /** How often the run renews the leases of its claims. */
  heartbeatMs?: number;
  /** A claim's lease: one not renewed for this long is from a run that died, and may be taken over. */
  staleAfterMs?: number;
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
  /** Transient failures that outlasted the retries; the next run sends them. */
  deferred: number;
  /** Claims another live run still held (renewed them) when this one was done: that run sends them. */
  sendingElsewhere: number;
  dryRun: boolean;
}

type SendOutcome = "sent" | "failed" | "deferred";
type SendResult = { outcome: SendOutcome; attempts: number; error: string | null };

/** Everything one run's steps share. */
interface RunContext {
  prisma: PrismaClient;
  transport: Transporter;
  spec: DigestPeriodSpec;
  /** A fresh id per run: its claims carry it, so its heartbeat renews its own leases and no others. */
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
  concurrency: number;
  batchSize: number | undefined;
  log: (line: string) => void;
}

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
 * messages, however many runs of the period go at once: each delivery row is claimed (written, or taken
 * over, with this run's id) before its message goes to SMTP and marked right after the server's "250".
 * A claim is a lease: the run renews its claims' `claimedAt` every `heartbeatMs` while it lives, so
 * another run takes a claim over only once it has gone `staleAfterMs` without renewal (its run died); a
 * run that meets claims held by another waits for them to be sent or to lapse, so a re-run after a crash
 * finishes the job. Transient SMTP failures are retried with exponential backoff; permanent ones are
 * recorded. Subscribers are read in batches, so memory stays flat.
 *
 * At least once, not at most once, for a run that dies mid-send: SMTP cannot tell whether a message whose
 * "250" was never recorded went out, and the window for that is one row update per lane, where losing
 * digests instead would cover the whole SMTP exchange. So a crash can re-send at most `concurrency`
 * messages, with the same Message-ID, which lets mail systems drop the duplicate; the re-sent copy is
 * rendered from the subscriber's current preference, so anyone who used one-click unsubscribe
 * (RFC 8058) in between gets nothing, and the copy's unsubscribe link works like the first one's.
 *
 * Why the leases are ours and not pg-boss jobs per subscriber (a `singletonKey` per subscriber and day,
 * `retryLimit`, `expireInSeconds`): pg-boss 10 (the last that runs on Node 20) has no job heartbeat. A job's
 * only sign of life is `expireInSeconds`, a fixed deadline from its start, at which the worker fails it and
 * pg-boss retries it, while the handler, which it cannot cancel, may still be sending. So a deadline short
 * enough to finish a crashed run's digests within a minute would send a slow (live) send twice, and one long
 * enough for any send (nodemailer waits up to 10 minutes on a socket) would leave a crashed run's
 * subscribers waiting that long, plus pg-boss's maintenance interval (120 s) before it even looks. The
 * ledger row would still have to be the claim (a completed job's key is free again), and `npm run digest`
 * would have to start pg-boss and drain a queue to say what it sent. A lease renewed while the run lives
 * gives both bounds with one UPDATE every `heartbeatMs`; pg-boss runs (and retries) the scheduled job that
 * calls this (lib/jobs/digest.ts).
 */
export async function runDigest(options: DigestRunOptions): Promise<DigestRunSummary> {
  const { prisma, spec } = options;
  const log = options.log ?? (() => {});
  const summary = emptySummary(spec, Boolean(options.dryRun));
  const papers = await getDigestPapers(prisma, spec.range, DIGEST_CANDIDATES);
  summary.papers = Math.min(papers.length, DIGEST_SIZE);
  // With nothing featured, members may still have papers they follow among those arXiv announced.
  if (papers.length === 0 && !(await periodHasPapers(prisma, spec.range))) {
    log(`No papers were featured or announced in ${spec.label}: nothing to send.`);
    return summary;
  }
  if (options.dryRun) {
    await countWouldSend(options, papers, summary);
    return summary;
  }
  const context = runContext(options, papers, log);
  const leases = renewLeases(context);
  try {
    const heldElsewhere = await deliverToSubscribers(context, summary);
    await waitForHeldElsewhere(context, heldElsewhere, summary);
  } finally {
    await leases.release();
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
    sendingElsewhere: 0,
    dryRun,
  };
}

/** The options with their defaults filled in, and the id this run's claims carry. */
function runContext(options: DigestRunOptions, papers: DigestPaper[], log: (line: string) => void): RunContext {
  return {
    runId: randomUUID(),
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
    const digests = await memberDigests(options.prisma, options.spec, papers, batch);
    for (const subscriber of batch) summary[hasPapers(digests.get(subscriber.userId)!) ? "sent" : "skipped"] += 1;
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
 * `staleAfterMs` of their last renewal. Waits for either, taking over what lapses. A claim still held
 * after that wait was renewed during it, so its run is alive and sends it: it is left to that run
 * (counted in `sendingElsewhere`, not deferred: this run has nothing left to do).
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
  if (waiting.length > 0) context.log(`${waiting.length} digests are being sent by another run; left to it.`);
  summary.sendingElsewhere += waiting.length;
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
  const digests = await memberDigests(context.prisma, context.spec, context.papers, subscribers);
  await inLanes(subscribers, context.concurrency, async (subscriber) => {
    const outcome = await deliver(context, subscriber, digests.get(subscriber.userId)!);
    if (outcome === "held") heldElsewhere.push(subscriber);
    else summary[outcome] += 1;
  });
  return heldElsewhere;
}

type DeliveryOutcome = SendOutcome | "skipped" | "held";

/** One subscriber, as three steps: claim the delivery row, send the message, record what happened. */
async function deliver(context: RunContext, subscriber: Subscriber, digest: MemberDigest): Promise<DeliveryOutcome> {
  if (!hasPapers(digest)) return "skipped";
  const claim = await claimDelivery(context, subscriber);
  if (claim.kind === "done") return "skipped";
  if (claim.kind === "held") return "held";
  const result = await sendDigestMessage(context, subscriber, digest, claim.messageId);
  await recordDelivery(context.prisma, claim.id, result);
  if (result.outcome === "failed") context.log(`permanent failure for ${subscriber.email}: ${result.error}`);
  if (result.outcome === "deferred") {
    context.log(`deferred ${subscriber.email} after ${result.attempts} attempts: ${result.error}`);
  }
  return result.outcome;
}

/**
 * Each subscriber's digest: the period's top papers as their threshold and mutes leave them, and their own
 * sections from what they follow. The whole batch's follows and mutes are matched in one statement.
 */
async function memberDigests(
  prisma: PrismaClient,
  spec: DigestPeriodSpec,
  top: DigestPaper[],
  subscribers: Subscriber[],
): Promise<Map<string, MemberDigest>> {
  const matches = await matchPersonalTopics(
    prisma,
    subscribers.map((subscriber) => subscriber.userId),
    spec.range,
  );
  return new Map(subscribers.map((subscriber) => [subscriber.userId, composeMemberDigest(top, subscriber, matches)]));
}

/** The period as the delivery ledger and the preferences name it. */
function ledgerPeriod(spec: DigestPeriodSpec): "DAILY" | "WEEKLY" {
  return spec.period === "daily" ? "DAILY" : "WEEKLY";
}

type Claim = { kind: "claimed"; id: string; messageId: string } | { kind: "done" } | { kind: "held" };

/**
 * Claims the (user, period) delivery for this run: inserts the ledger row, or takes over a pending one
 * whose claim nobody holds. The unique (userId, period, periodKey) row is what makes a digest go out once.
 */
async function claimDelivery(context: RunContext, subscriber: Subscriber): Promise<Claim> {
  const { prisma, spec, runId } = context;
  // The Message-ID is the delivery's own name, the same whichever run writes the row. No conflict target:
  // two runs inserting one row at once may collide on the Message-ID's unique index before the
  // (user, period) one, and an arbiter naming only one of them let the other raise 23505 and kill the run.
  const messageId = `<digest.${spec.period}.${spec.key}.${subscriber.userId}@${context.host}>`;
  const inserted = await prisma.$queryRaw<{ id: string; messageId: string }[]>`
    INSERT INTO "DigestDelivery" (id, "userId", period, "periodKey", "messageId", status, attempts, "claimedAt", "runId", "createdAt")
    VALUES (${randomUUID()}, ${subscriber.userId}, ${ledgerPeriod(spec)}::"DigestPeriod", ${spec.key}, ${messageId}, 'PENDING', 0, now(), ${runId}, now())
    ON CONFLICT DO NOTHING
    RETURNING id, "messageId"`;
  if (inserted[0]) return { kind: "claimed", ...inserted[0] };
  return takeOverClaim(context, subscriber);
}

/**
 * Takes over an existing pending row whose claim is free: released (after a transient failure, or by a
 * run that finished) or not renewed for `staleAfterMs`. Everything the test reads is on the row itself,
 * so when two runs race for it, the one that waited re-reads the winner's fresh claim and backs off.
 */
async function takeOverClaim(context: RunContext, subscriber: Subscriber): Promise<Claim> {
  const { prisma, spec, runId } = context;
  const taken = await prisma.$queryRaw<{ id: string; messageId: string }[]>`
    UPDATE "DigestDelivery" SET "claimedAt" = now(), "runId" = ${runId}
    WHERE "userId" = ${subscriber.userId} AND period = ${ledgerPeriod(spec)}::"DigestPeriod" AND "periodKey" = ${spec.key}
      AND status = 'PENDING'
      AND ("claimedAt" IS NULL OR "claimedAt" < now() - make_interval(secs => ${context.staleAfterMs / 1000}))
    RETURNING id, "messageId"`;
  if (taken[0]) return { kind: "claimed", ...taken[0] };
  const row = await prisma.digestDelivery.findUnique({
    where: { userId_period_periodKey: { userId: subscriber.userId, period: ledgerPeriod(spec), periodKey: spec.key } },
    select: { status: true },
  });
  // No row: the user was deleted since the batch was read.
  return row?.status === "PENDING" ? { kind: "held" } : { kind: "done" };
}

/** Hands the message to SMTP, retrying transient failures; returns as soon as the server says "250". */
async function sendDigestMessage(
  context: RunContext,
  subscriber: Subscriber,
  digest: MemberDigest,
  messageId: string,
): Promise<SendResult> {
  const { siteUrl, spec, host } = context;
  const unsubscribeUrl = `${siteUrl}/api/unsubscribe/${subscriber.unsubscribeToken}`;
  const message = renderDigest({
    papers: digest.main,
    sections: digest.sections,
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

/**
 * Every `heartbeatMs`, renews the leases of the claims this run holds (rows carrying its id), with the
 * database's clock, so a lease means the same whatever the machines' clocks say. `release` stops renewing
 * and frees what the run still holds: call it only once nothing is in flight.
 */
function renewLeases(context: RunContext): { release(): Promise<void> } {
  const { prisma, spec, runId, log } = context;
  const period = ledgerPeriod(spec);
  // Only this period's pending rows: the (period, periodKey, status) index finds them.
  const renew = async () => {
    try {
      await prisma.$executeRaw`
        UPDATE "DigestDelivery" SET "claimedAt" = now()
        WHERE period = ${period}::"DigestPeriod" AND "periodKey" = ${spec.key} AND status = 'PENDING'
          AND "runId" = ${runId} AND "claimedAt" IS NOT NULL`;
    } catch (error) {
      // A missed renewal only risks another run taking over our claims once the lease runs out: log it.
      log(`heartbeat failed: ${describe(error)}`);
    }
  };
  const timer = setInterval(() => void renew(), context.heartbeatMs);
  timer.unref();
  return {
    async release() {
      clearInterval(timer);
      try {
        // Claims left here are those whose outcome was never recorded (the run failed part-way): free them
        // for the next run at once rather than after the lease. Best effort: if this fails, the leases lapse.
        await prisma.$executeRaw`
          UPDATE "DigestDelivery" SET "claimedAt" = NULL
          WHERE period = ${period}::"DigestPeriod" AND "periodKey" = ${spec.key} AND status = 'PENDING'
            AND "runId" = ${runId}`;
      } catch (error) {
        log(`could not release the run's claims: ${describe(error)}`);
      }
    },
  };
}

/**
 * Runs `work` over `items` with at most `lanes` at once; each lane takes the next item as soon as it is
 * free. When one fails, the others take nothing new and finish what they hold before the first error is
 * thrown: nothing may still be sending once the caller hears of it (and releases the run's claims).
 */
async function inLanes<T>(items: T[], lanes: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      try {
        await work(items[next++]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(lanes, items.length) }, lane));
  const failure = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure) throw failure.reason;
}
