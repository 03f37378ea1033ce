import "server-only";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getDigestPapers } from "@/lib/digest/data";
import { toDayString } from "@/lib/dates/days";
import { visibleFeatured } from "@/lib/papers/visibility";
import { chatPayload, type ChatMessage, type ChatPaper } from "@/lib/chat/payloads";
import { LONGEST_POST_MS, postToWebhook, type PostOptions, type PostResult } from "@/lib/chat/send";
import { MAX_TOP_COUNT, type ChatFormatName } from "@/lib/chat/schema";

/**
 * Team chat posts, exactly once per webhook and post: each post (a day's top papers, one featured paper) is
 * claimed in the `ChatPost` ledger (unique webhook + kind + key) before it is sent and marked right after, like
 * the digest's `DigestDelivery`. Two overlapping runs, or a pg-boss retry beside a slow first try, meet at the
 * unique row: one posts, the other counts it as "elsewhere". A claim is a lease of `staleAfterMs`, longer than
 * one post can take (`LONGEST_POST_MS`: every attempt timed out and every Retry-After waited), so no heartbeat is
 * needed: a claim older than that is from a run that died, and the next run takes it over. A run killed between
 * the chat's 2xx and the mark may post once more (as with mail, nothing can tell); no run ever skips a post.
 */

export interface ChatRunOptions {
  prisma: PrismaClient;
  /** The site's base URL for links (`appUrl()`). */
  siteUrl: string;
  /** Timeouts, attempts and backoff of each post, and the resolver (tests). */
  post?: Omit<PostOptions, "allowPrivate">;
  /** A claim's lease; one older is from a dead run and is taken over. */
  staleAfterMs?: number;
  /** Attempts across runs after which a post that keeps failing transiently is given up (FAILED). */
  maxAttempts?: number;
  /** Featured papers posted per webhook and scan, so a bulk import does not flood a channel. */
  featuredPerScan?: number;
  log?: (line: string) => void;
  /** Only these webhooks (a test's, or a by-hand run's for one chat); all enabled ones otherwise. */
  webhookIds?: string[];
}

export interface ChatRunSummary {
  /** "daily 2026-12-06" or "featured". */
  label: string;
  webhooks: number;
  sent: number;
  failed: number;
  /** Transient failures left for the next run. */
  deferred: number;
  /** Posts another run was sending, or had sent. */
  elsewhere: number;
}

const DEFAULT_STALE_MS = LONGEST_POST_MS + 60_000;
const DEFAULT_MAX_ATTEMPTS = 12;
const FEATURED_WINDOW_MS = 24 * 3600_000;

interface Webhook {
  id: string;
  name: string;
  format: ChatFormatName;
  url: string;
  topCount: number;
  allowPrivate: boolean;
  postsFrom: Date;
}

const webhookSelect = {
  id: true,
  name: true,
  format: true,
  url: true,
  topCount: true,
  allowPrivate: true,
  postsFrom: true,
} as const;

interface RunContext extends Required<Omit<ChatRunOptions, "post" | "log" | "webhookIds">> {
  post: Omit<PostOptions, "allowPrivate">;
  log: (line: string) => void;
  runId: string;
  only: { id?: { in: string[] } };
}

function contextOf(options: ChatRunOptions): RunContext {
  return {
    prisma: options.prisma,
    siteUrl: options.siteUrl,
    post: options.post ?? {},
    staleAfterMs: options.staleAfterMs ?? DEFAULT_STALE_MS,
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    featuredPerScan: options.featuredPerScan ?? 10,
    log: options.log ?? (() => {}),
    runId: randomUUID(),
    only: options.webhookIds ? { id: { in: options.webhookIds } } : {},
  };
}

function emptySummary(label: string, webhooks: number): ChatRunSummary {
  return { label, webhooks, sent: 0, failed: 0, deferred: 0, elsewhere: 0 };
}

/**
 * Posts `day`'s top papers ("YYYY-MM-DD") to every enabled webhook that has not had them, each listing its own
 * `topCount`. A day without featured papers posts nothing. Webhooks are posted to side by side.
 */
export async function postDailyToChats(options: ChatRunOptions, day: string): Promise<ChatRunSummary> {
  const context = contextOf(options);
  const webhooks = await context.prisma.chatWebhook.findMany({
    where: { enabled: true, ...context.only },
    select: webhookSelect,
  });
  const summary = emptySummary(`daily ${day}`, webhooks.length);
  if (webhooks.length === 0) return summary;
  const papers = await getDigestPapers(context.prisma, { from: day, to: day }, MAX_TOP_COUNT);
  if (papers.length === 0) return summary;
  await Promise.all(
    webhooks.map((webhook) =>
      deliverOne(context, webhook, "DAILY", day, {
        kind: "daily",
        day,
        papers: papers.slice(0, webhook.topCount),
      }).then((outcome) => count(summary, outcome)),
    ),
  );
  return summary;
}

/**
 * Posts each paper featured since the webhook's `postsFrom` (and within the last day) to the enabled webhooks
 * that asked for featured papers, oldest first, at most `featuredPerScan` per webhook a scan: the frequent scan
 * the featured job runs, with the ledger saying what went out already.
 */
export async function postFeaturedToChats(options: ChatRunOptions, now: Date = new Date()): Promise<ChatRunSummary> {
  const context = contextOf(options);
  const webhooks = await context.prisma.chatWebhook.findMany({
    where: { enabled: true, postFeatured: true, ...context.only },
    select: webhookSelect,
  });
  const summary = emptySummary("featured", webhooks.length);
  await Promise.all(
    webhooks.map(async (webhook) => {
      for (const { paper, day } of await unpostedFeatured(context, webhook, now)) {
        const outcome = await deliverOne(context, webhook, "FEATURED", paper.id, { kind: "featured", day, paper });
        count(summary, outcome);
      }
    }),
  );
  return summary;
}

/** The webhook's featured papers not yet sent or given up, oldest first. */
async function unpostedFeatured(
  context: RunContext,
  webhook: Webhook,
  now: Date,
): Promise<{ paper: ChatPaper; day: string }[]> {
  const since = new Date(Math.max(webhook.postsFrom.getTime(), now.getTime() - FEATURED_WINDOW_MS));
  const rows = await context.prisma.dailyPaper.findMany({
    where: { submittedAt: { gte: since, lte: now }, ...visibleFeatured() },
    orderBy: [{ submittedAt: "asc" }, { paperId: "asc" }],
    take: 500,
    select: {
      day: true,
      paper: { select: { id: true, title: true, abstract: true, authors: true, upvoteCount: true } },
    },
  });
  if (rows.length === 0) return [];
  const done = await context.prisma.chatPost.findMany({
    where: {
      webhookId: webhook.id,
      kind: "FEATURED",
      key: { in: rows.map((row) => row.paper.id) },
      status: { not: "PENDING" },
    },
    select: { key: true },
  });
  const posted = new Set(done.map((row) => row.key));
  return rows
    .filter((row) => !posted.has(row.paper.id))
    .slice(0, context.featuredPerScan)
    .map((row) => ({ paper: row.paper, day: toDayString(row.day) }));
}

type Outcome = PostResult["outcome"] | "elsewhere";

function count(summary: ChatRunSummary, outcome: Outcome): void {
  summary[outcome === "elsewhere" ? "elsewhere" : outcome]++;
}

/** One post's steps: claim → send → record. */
async function deliverOne(
  context: RunContext,
  webhook: Webhook,
  kind: "DAILY" | "FEATURED",
  key: string,
  message: ChatMessage,
): Promise<Outcome> {
  const claim = await claimPost(context, webhook.id, kind, key);
  if (!claim) return "elsewhere";
  const result = await postToWebhook(webhook.url, chatPayload(webhook.format, message, context.siteUrl), {
    ...context.post,
    allowPrivate: webhook.allowPrivate,
  });
  await recordPost(context, webhook, claim, result);
  if (result.outcome !== "sent") {
    // The webhook's name and the sentence only: the URL is a secret.
    context.log(`Team chat: “${webhook.name}” ${kind.toLowerCase()} ${key} ${result.outcome} — ${result.error}`);
  }
  return result.outcome;
}

/**
 * Claims the (webhook, kind, key) post for this run: inserts its ledger row, or takes over a pending one nobody
 * holds (released after a transient failure, or a dead run's whose lease ran out). Null when another run holds
 * it or it is done, and when the webhook has been turned off or deleted since the run read it (an admin's "off"
 * stops the posts still to come in a run). The unique row is what makes a post go out once.
 */
async function claimPost(
  context: RunContext,
  webhookId: string,
  kind: "DAILY" | "FEATURED",
  key: string,
): Promise<{ id: string; attempts: number } | null> {
  const { prisma, runId } = context;
  const inserted = await prisma.$queryRaw<{ id: string; attempts: number }[]>`
    INSERT INTO "ChatPost" (id, "webhookId", kind, key, status, attempts, "claimedAt", "runId", "createdAt")
    SELECT ${randomUUID()}, ${webhookId}, ${kind}::"ChatPostKind", ${key}, 'PENDING', 0, now(), ${runId}, now()
    FROM "ChatWebhook" WHERE id = ${webhookId} AND enabled
    ON CONFLICT DO NOTHING
    RETURNING id, attempts`;
  if (inserted[0]) return inserted[0];
  const taken = await prisma.$queryRaw<{ id: string; attempts: number }[]>`
    UPDATE "ChatPost" SET "claimedAt" = now(), "runId" = ${runId}
    WHERE "webhookId" = ${webhookId} AND kind = ${kind}::"ChatPostKind" AND key = ${key} AND status = 'PENDING'
      AND ("claimedAt" IS NULL OR "claimedAt" < now() - make_interval(secs => ${context.staleAfterMs / 1000}))
      AND EXISTS (SELECT 1 FROM "ChatWebhook" WHERE id = ${webhookId} AND enabled)
    RETURNING id, attempts`;
  return taken[0] ?? null;
}

/**
 * Marks the post with what happened, and the webhook with its last success or last error (shown on /admin). A
 * transient failure releases the claim for the next run, until `maxAttempts` across runs make it final.
 */
async function recordPost(
  context: RunContext,
  webhook: Webhook,
  claim: { id: string; attempts: number },
  result: PostResult,
): Promise<void> {
  const { prisma } = context;
  const attempts = claim.attempts + result.attempts;
  const now = new Date();
  // Marks only this run's claim (a run that overran its lease must not overwrite the run that took over).
  const thisClaim = { id: claim.id, runId: context.runId };
  if (result.outcome === "sent") {
    // The chat has it: the mark is retried before the run gives up, or a retried job would post it again.
    await withRetries(() =>
      prisma.chatPost.updateMany({
        where: thisClaim,
        data: { status: "SENT", sentAt: now, attempts, claimedAt: null, lastError: null },
      }),
    );
    await prisma.chatWebhook.updateMany({ where: { id: webhook.id }, data: { lastSuccessAt: now } });
    return;
  }
  const givenUp = result.outcome === "failed" || attempts >= context.maxAttempts;
  const error =
    result.outcome === "deferred" && givenUp ? `Gave up after ${attempts} attempts. ${result.error}` : result.error;
  await prisma.chatPost.updateMany({
    where: thisClaim,
    data: { status: givenUp ? "FAILED" : "PENDING", attempts, claimedAt: null, lastError: error },
  });
  await prisma.chatWebhook.updateMany({ where: { id: webhook.id }, data: { lastError: error, lastErrorAt: now } });
}

/** `write`, tried up to three times a second apart: a dropped connection in between is not the post's failure. */
async function withRetries<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= 3) throw error;
      await sleep(1000);
    }
  }
}

/** The one line a run prints: "Team chat daily 2026-12-06: 3 webhooks — sent 2, failed 1, deferred 0." */
export function describeChatRun(summary: ChatRunSummary): string {
  const elsewhere = summary.elsewhere > 0 ? `, left to another run ${summary.elsewhere}` : "";
  return `Team chat ${summary.label}: ${summary.webhooks} webhooks — sent ${summary.sent}, failed ${summary.failed}, deferred ${summary.deferred}${elsewhere}.`;
}
