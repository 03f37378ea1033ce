import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

const run = vi.hoisted(() => {
  const id = Math.random().toString(36).slice(2, 10);
  // Before lib/env is first read: this file's admin is in ADMIN_EMAILS.
  process.env.ADMIN_EMAILS = `chat-admin-${id}@admin.test`;
  return id;
});

import { checkWebhookUrl, refusedRange, type Resolve } from "@/lib/chat/address-guard";
import { postDailyToChats, postFeaturedToChats, type ChatRunOptions } from "@/lib/chat/deliver";
import { maskWebhookUrl } from "@/lib/chat/mask";
import { addChatWebhook, sendChatTestPost } from "@/lib/chat/mutations";
import { addChatWebhookSchema } from "@/lib/chat/schema";
import { parseRetryAfter, postToWebhook } from "@/lib/chat/send";
import { prisma } from "@/lib/db/client";
import { loadEnv } from "@/lib/env";
import { chatDailyJob, chatDayOfJob, chatFeaturedJob } from "@/lib/jobs/chat";
import { isLastTry } from "@/lib/jobs/job";
import { AppError } from "@/lib/errors";
import { startWebhookSink, type WebhookSink } from "@/tests/support/webhook-sink";

const admin = { id: `chat_${run}_admin`, email: `chat-admin-${run}@admin.test`, emailVerified: new Date() };
const papers: string[] = [];
let sink: WebhookSink;
let dayCounter = 0;
const logLines: string[] = [];
/** The webhooks this file made: runs post to these only, whatever else the database holds. */
const mine: string[] = [];

/** Quick posts against the sink: short timeouts and backoff, so each failure shows in well under a second. */
function options(overrides: Partial<ChatRunOptions> = {}): ChatRunOptions {
  return {
    prisma,
    siteUrl: "https://papers.example.org",
    post: { timeoutMs: 3_000, attempts: 2, retryDelayMs: 10, maxRetryAfterMs: 2_000 },
    log: (line) => logLines.push(line),
    webhookIds: mine,
    ...overrides,
  };
}

/** A day of its own in 2004 with `count` featured papers (3, 6, 9… upvotes). */
async function featuredDay(count = 3): Promise<string> {
  const day = `2004-${String(1 + (dayCounter % 12)).padStart(2, "0")}-${String(10 + Math.floor(dayCounter / 12)).padStart(2, "0")}`;
  dayCounter++;
  for (let i = 0; i < count; i++) {
    const id = `chat-${run}-${dayCounter}-${i}`;
    await prisma.paper.create({
      data: {
        id,
        title: `Paper ${i} <!channel> @everyone *bold* [x](https://evil.example)`,
        abstract: "An abstract.",
        authors: ["A. Author"],
        publishedAt: new Date(`${day}T00:00:00Z`),
        upvoteCount: 3 * (i + 1),
        daily: { create: { day: new Date(`${day}T00:00:00Z`), submittedAt: new Date(`${day}T06:00:00Z`) } },
      },
    });
    papers.push(id);
  }
  return day;
}

/** A webhook on the sink at a secret path of its own; private addresses allowed (that is how tests reach it). */
/** A paper of this file put on `day`'s list at `submittedAt`: "featured" then. */
async function featuredPaper(id: string, day: string, submittedAt: Date): Promise<void> {
  papers.push(id);
  await prisma.paper.create({
    data: {
      id,
      title: `Featured ${id}`,
      abstract: "x",
      authors: ["A"],
      publishedAt: new Date(),
      daily: { create: { day: new Date(`${day}T00:00:00Z`), submittedAt } },
    },
  });
}

async function webhook(data: { format?: "SLACK" | "DISCORD" | "MATTERMOST" | "JSON"; postFeatured?: boolean } = {}) {
  const path = `/hook/${run}/secret-${randomUUID()}`;
  const row = await prisma.chatWebhook.create({
    data: {
      name: `Test ${path.slice(-6)}`,
      format: data.format ?? "SLACK",
      url: `${sink.origin}${path}`,
      topCount: 2,
      allowPrivate: true,
      postFeatured: data.postFeatured ?? false,
      createdById: admin.id,
    },
  });
  mine.push(row.id);
  return { ...row, path };
}

beforeAll(async () => {
  sink = await startWebhookSink();
  await prisma.user.create({ data: admin });
});

afterEach(async () => {
  // Each test posts to its own webhooks only.
  await prisma.chatWebhook.deleteMany({ where: { createdById: admin.id } });
});

afterAll(async () => {
  await prisma.paper.deleteMany({ where: { id: { in: papers } } });
  await prisma.adminAction.deleteMany({ where: { adminId: admin.id } });
  await prisma.user.deleteMany({ where: { id: admin.id } });
  await sink.close();
});

describe("the SSRF rule", () => {
  const refused = async (url: string, resolve?: Resolve) => {
    const error = await checkWebhookUrl(url, { allowPrivate: false, resolve }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  };

  it("refuses loopback, private, link-local and mapped addresses, and other schemes", async () => {
    expect(await refused("http://127.0.0.1:9/hook")).toMatch(/loopback address \(127\.0\.0\.1\)/);
    expect(await refused("http://[::1]/hook")).toMatch(/loopback/);
    expect(await refused("http://169.254.169.254/latest/meta-data")).toMatch(/link-local/);
    expect(await refused("https://10.1.2.3/hook")).toMatch(/private/);
    expect(await refused("https://192.168.0.4/hook")).toMatch(/private/);
    expect(await refused("https://100.64.0.1/hook")).toMatch(/carrier-grade NAT/);
    expect(await refused("https://[fd00::1]/hook")).toMatch(/unique local/);
    expect(await refused("https://[::ffff:127.0.0.1]/hook")).toMatch(/loopback/);
    expect(await refused("https://[::ffff:a9fe:a9fe]/hook")).toMatch(/link-local/);
    expect(await refused("http://0.0.0.0/hook")).toMatch(/unspecified/);
    expect(await refused("http://2130706433/hook")).toMatch(/loopback/);
    expect(await refused("https://[ff02::1]/hook")).toMatch(/multicast/);
    expect(await refused("ftp://example.org/hook")).toBe("A webhook URL must start with https:// (or http://).");
    expect(await refused("javascript:alert(1)")).toMatch(/https:\/\//);
    expect(await refused("not a url")).toMatch(/not a web address/);
  });

  it("refuses a host name that resolves to loopback, with the system's resolver and any other", async () => {
    expect(await refused("http://localhost:3000/hook")).toMatch(/loopback/);
    const mixed: Resolve = () =>
      Promise.resolve([
        { address: "93.184.216.34", family: 4 },
        { address: "10.0.0.5", family: 4 },
      ]);
    expect(await refused("https://hooks.example.org/x", mixed)).toMatch(/private.*10\.0\.0\.5/);
  });

  it("lets a public address through, and private ones when the webhook allows them", async () => {
    await expect(checkWebhookUrl("https://93.184.216.34/hook", { allowPrivate: false })).resolves.toBeInstanceOf(URL);
    const publicName: Resolve = () => Promise.resolve([{ address: "2606:4700::1", family: 6 }]);
    await expect(
      checkWebhookUrl("https://hooks.example.org/x", { allowPrivate: false, resolve: publicName }),
    ).resolves.toBeInstanceOf(URL);
    for (const url of ["http://127.0.0.1:9/x", "http://[::1]/x", "http://localhost/x", "http://10.0.0.1/x"]) {
      await expect(checkWebhookUrl(url, { allowPrivate: true })).resolves.toBeInstanceOf(URL);
    }
    await expect(checkWebhookUrl("ftp://127.0.0.1/x", { allowPrivate: true })).rejects.toThrow(/https:\/\//);
    expect(refusedRange("8.8.8.8")).toBeNull();
  });

  it("connects only to an address it checked: a name that turns to loopback after the check is refused", async () => {
    const path = `/hook/${run}/rebind`;
    let calls = 0;
    // Public when checked, loopback (the sink) when the connection resolves it: DNS rebinding.
    const rebinding: Resolve = () =>
      Promise.resolve([{ address: calls++ === 0 ? "93.184.216.34" : "127.0.0.1", family: 4 }]);
    const port = new URL(sink.origin).port;
    const result = await postToWebhook(
      `http://rebind.example.test:${port}${path}`,
      {},
      {
        allowPrivate: false,
        resolve: rebinding,
        timeoutMs: 500,
        attempts: 1,
      },
    );
    expect(calls).toBe(2);
    expect(result).toMatchObject({ outcome: "failed", attempts: 1 });
    expect(result.error).toMatch(/loopback address \(127\.0\.0\.1\)/);
    expect(sink.to(path)).toHaveLength(0);
  });

  it("leaves a post for its next try when the host name cannot be resolved now (a resolver's hiccup)", async () => {
    const hiccup: Resolve = () =>
      Promise.reject(Object.assign(new Error("getaddrinfo EAI_AGAIN"), { code: "EAI_AGAIN" }));
    const result = await postToWebhook("https://hooks.example.org/x", {}, { allowPrivate: false, resolve: hiccup });
    expect(result).toEqual({ outcome: "deferred", attempts: 1, error: "The webhook's host name could not be found." });
    const nothing: Resolve = () => Promise.resolve([]);
    expect(
      await postToWebhook("https://hooks.example.org/x", {}, { allowPrivate: false, resolve: nothing }),
    ).toMatchObject({ outcome: "deferred" });
    // A refused address stays a failure for good.
    const loopback: Resolve = () => Promise.resolve([{ address: "127.0.0.1", family: 4 }]);
    expect(
      await postToWebhook("https://hooks.example.org/x", {}, { allowPrivate: false, resolve: loopback }),
    ).toMatchObject({ outcome: "failed", attempts: 0 });
  });

  it("refuses a URL when it is saved, with a sentence and no row, and saves it when private addresses are allowed", async () => {
    const secret = `secret-${randomUUID()}`;
    const input = addChatWebhookSchema.parse({
      name: "Lab Slack",
      format: "SLACK",
      url: `${sink.origin}/hook/${secret}`,
      topCount: "5",
    });
    await expect(addChatWebhook(admin.id, input)).rejects.toThrow(
      "That webhook's host is a loopback address (127.0.0.1): posting there needs “Allow private and loopback addresses”.",
    );
    expect(await prisma.chatWebhook.count({ where: { createdById: admin.id } })).toBe(0);
    const { id } = await addChatWebhook(admin.id, { ...input, allowPrivate: true });
    const audit = await prisma.adminAction.findMany({ where: { adminId: admin.id, targetId: id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toBe("Lab Slack (Slack, top 5, private addresses allowed)");
    expect(JSON.stringify(audit)).not.toContain(secret);
  });
});

describe("the ledger", () => {
  it("posts a day once per webhook, however many runs overlap, and never again", async () => {
    const day = await featuredDay(3);
    const a = await webhook({ format: "SLACK" });
    const b = await webhook({ format: "JSON" });
    // Slow answers, so the second run comes while the first is still posting.
    sink.script(a.path, [{ status: 200, delayMs: 300 }]);
    sink.script(b.path, [{ status: 200, delayMs: 300 }]);
    // One attempt with time to spare: a retry after a timeout would be a second post the sink counts.
    const patient = options({ post: { timeoutMs: 10_000, attempts: 1 } });
    const [first, second] = await Promise.all([postDailyToChats(patient, day), postDailyToChats(patient, day)]);
    expect(first.sent + second.sent).toBe(2);
    expect(first.elsewhere + second.elsewhere).toBe(2);
    const again = await postDailyToChats(options(), day);
    expect(again).toMatchObject({ sent: 0, elsewhere: 2 });
    expect(sink.to(a.path)).toHaveLength(1);
    expect(sink.to(b.path)).toHaveLength(1);
    // Its top two, most upvoted first, as JSON close to /api/daily_papers items.
    const json = sink.to(b.path)[0]!.body as {
      event: string;
      day: string;
      papers: { rank: number; url: string; paper: { upvotes: number } }[];
    };
    expect(json).toMatchObject({ event: "daily", day, url: `https://papers.example.org/papers/date/${day}` });
    expect(json.papers.map((p) => p.paper.upvotes)).toEqual([9, 6]);
    expect(json.papers[0]!.url).toMatch(/^https:\/\/papers\.example\.org\/papers\/chat-/);
    const rows = await prisma.chatPost.findMany({ where: { webhookId: { in: [a.id, b.id] } } });
    expect(rows.map((row) => [row.kind, row.key, row.status, row.attempts])).toEqual([
      ["DAILY", day, "SENT", 1],
      ["DAILY", day, "SENT", 1],
    ]);
    expect((await prisma.chatWebhook.findUniqueOrThrow({ where: { id: a.id } })).lastSuccessAt).not.toBeNull();
  });

  it("takes over a killed run's claim once its lease ran out, and leaves a live one alone", async () => {
    const day = await featuredDay(1);
    const dead = await webhook();
    const live = await webhook();
    await prisma.chatPost.createMany({
      data: [
        { webhookId: dead.id, kind: "DAILY", key: day, claimedAt: new Date(Date.now() - 60_000), runId: "killed" },
        { webhookId: live.id, kind: "DAILY", key: day, claimedAt: new Date(), runId: "running" },
      ],
    });
    const summary = await postDailyToChats(options({ staleAfterMs: 30_000 }), day);
    expect(summary).toMatchObject({ sent: 1, elsewhere: 1 });
    expect(sink.to(dead.path)).toHaveLength(1);
    expect(sink.to(live.path)).toHaveLength(0);
    const taken = await prisma.chatPost.findFirstOrThrow({ where: { webhookId: dead.id } });
    expect(taken).toMatchObject({ status: "SENT", claimedAt: null });
    expect(taken.runId).not.toBe("killed");
  });

  it("waits out a 429's Retry-After and posts once", async () => {
    const day = await featuredDay(1);
    const hook = await webhook({ format: "DISCORD" });
    sink.script(hook.path, [{ status: 429, headers: { "retry-after": "1" }, body: "slow down" }]);
    const started = Date.now();
    const summary = await postDailyToChats(options(), day);
    expect(summary).toMatchObject({ sent: 1, deferred: 0 });
    const requests = sink.to(hook.path);
    expect(requests).toHaveLength(2);
    expect(requests[1]!.time - requests[0]!.time).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await prisma.chatPost.findFirstOrThrow({ where: { webhookId: hook.id } })).toMatchObject({
      status: "SENT",
      attempts: 2,
    });
    expect(await postDailyToChats(options(), day)).toMatchObject({ sent: 0 });
    expect(sink.to(hook.path)).toHaveLength(2);
  });

  it("defers a Retry-After longer than it waits, and reads HTTP dates", async () => {
    const day = await featuredDay(1);
    const hook = await webhook();
    sink.script(hook.path, [{ status: 429, headers: { "retry-after": "3600" } }]);
    expect(await postDailyToChats(options(), day)).toMatchObject({ sent: 0, deferred: 1 });
    expect(sink.to(hook.path)).toHaveLength(1);
    // Released for the next run, which posts it.
    expect(await postDailyToChats(options(), day)).toMatchObject({ sent: 1 });
    const now = Date.parse("2026-12-07T10:00:00Z");
    expect(parseRetryAfter("Mon, 07 Dec 2026 10:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Mon, 07 Dec 2026 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("12", now)).toBe(12_000);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });

  it("retries 500s, leaves the post for the next run, and gives up with a visible last error", async () => {
    const day = await featuredDay(1);
    const hook = await webhook();
    const answer = { status: 500, body: "Internal trouble" };
    sink.script(hook.path, [answer, answer, answer, answer]);
    const first = await postDailyToChats(options({ maxAttempts: 4 }), day);
    expect(first).toMatchObject({ sent: 0, deferred: 1 });
    expect(await prisma.chatPost.findFirstOrThrow({ where: { webhookId: hook.id } })).toMatchObject({
      status: "PENDING",
      attempts: 2,
      claimedAt: null,
    });
    const second = await postDailyToChats(options({ maxAttempts: 4 }), day);
    expect(second).toMatchObject({ sent: 0, deferred: 1 });
    expect(sink.to(hook.path)).toHaveLength(4);
    const row = await prisma.chatWebhook.findUniqueOrThrow({ where: { id: hook.id } });
    expect(row.lastError).toBe("Gave up after 4 attempts. The webhook answered 500 (Internal trouble).");
    expect(row.lastErrorAt).not.toBeNull();
    expect(await prisma.chatPost.findFirstOrThrow({ where: { webhookId: hook.id } })).toMatchObject({
      status: "FAILED",
    });
    expect(await postDailyToChats(options(), day)).toMatchObject({ sent: 0, deferred: 0 });
    expect(sink.to(hook.path)).toHaveLength(4);
  });

  it("fails for good on a 4xx, once, without the URL even when the answer echoes it", async () => {
    const day = await featuredDay(1);
    const hook = await webhook({ format: "MATTERMOST" });
    sink.script(hook.path, [{ status: 404, body: `no_service: ${sink.origin}${hook.path} not found` }]);
    expect(await postDailyToChats(options(), day)).toMatchObject({ failed: 1 });
    expect(sink.to(hook.path)).toHaveLength(1);
    const row = await prisma.chatWebhook.findUniqueOrThrow({ where: { id: hook.id } });
    expect(row.lastError).toBe("The webhook answered 404 (no_service: … not found).");
  });

  it("gives up on a hanging webhook after its timeout", async () => {
    const day = await featuredDay(1);
    const hook = await webhook();
    sink.script(hook.path, [{ hang: true }]);
    const started = Date.now();
    const summary = await postDailyToChats(
      options({ post: { timeoutMs: 300, attempts: 1, retryDelayMs: 10, maxRetryAfterMs: 1_000 } }),
      day,
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(summary).toMatchObject({ deferred: 1 });
    expect((await prisma.chatWebhook.findUniqueOrThrow({ where: { id: hook.id } })).lastError).toBe(
      "The webhook did not answer within 0.3 s.",
    );
  });

  it("posts each newly featured paper once, and nothing featured before the webhook", async () => {
    const hook = await webhook({ format: "JSON", postFeatured: true });
    const other = await webhook({ postFeatured: false });
    const fresh = `chat-${run}-new`;
    const now = Date.now();
    await featuredPaper(`chat-${run}-old`, "2004-12-28", new Date(hook.postsFrom.getTime() - 60_000));
    await featuredPaper(fresh, "2004-12-28", new Date(now + 1));
    const at = new Date(now + 1000);
    expect(await postFeaturedToChats(options(), at)).toMatchObject({ webhooks: 1, sent: 1 });
    expect(await postFeaturedToChats(options(), at)).toMatchObject({ sent: 0 });
    const requests = sink.to(hook.path);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.body).toMatchObject({
      event: "featured",
      day: "2004-12-28",
      papers: [{ paper: { id: fresh } }],
    });
    expect(sink.to(other.path)).toHaveLength(0);
  });

  it("stops a run's posts to a webhook an admin turns off meanwhile", async () => {
    const hook = await webhook({ format: "JSON", postFeatured: true });
    const now = Date.now();
    for (let i = 0; i < 3; i++) await featuredPaper(`chat-${run}-off-${i}`, "2004-12-29", new Date(now + 1 + i));
    // The first post is slow: the admin turns the webhook off while it is on its way.
    sink.script(hook.path, [{ status: 200, delayMs: 600 }]);
    const running = postFeaturedToChats(options({ webhookIds: [hook.id] }), new Date(now + 1000));
    await sleep(200);
    await prisma.chatWebhook.update({ where: { id: hook.id }, data: { enabled: false } });
    expect(await running).toMatchObject({ sent: 1 });
    expect(sink.to(hook.path)).toHaveLength(1);
  });

  it("never writes the URL into a log line, an error, the ledger or the admin log", async () => {
    const day = await featuredDay(1);
    const hook = await webhook();
    const secret = hook.path.split("/").pop()!;
    const echo = { status: 400, body: `invalid_payload for ${sink.origin}${hook.path}` };
    sink.script(hook.path, [echo, echo]);
    logLines.length = 0;
    await postDailyToChats(options(), day);
    const test = await sendChatTestPost(admin.id, hook.id).catch((error: unknown) => error);
    expect(test).toBeInstanceOf(AppError);
    const stored = JSON.stringify([
      await prisma.chatWebhook.findUniqueOrThrow({ where: { id: hook.id }, select: { lastError: true } }),
      await prisma.chatPost.findMany({ where: { webhookId: hook.id } }),
      await prisma.adminAction.findMany({ where: { adminId: admin.id } }),
    ]);
    for (const text of [...logLines, (test as Error).message, stored]) {
      expect(text).not.toContain(secret);
    }
    expect(logLines.join("\n")).toMatch(/failed — The webhook answered 400 \(invalid_payload for …\)/);
    expect(maskWebhookUrl(`https://hooks.slack.com/services/T000/B000/${secret}`)).toBe(
      `https://hooks.slack.com/…/••••${secret.slice(-4)}`,
    );
    expect(maskWebhookUrl("https://user:pw@chat.example.org/x")).toBe("https://chat.example.org/…");
  });

  it("sends a test post and records it as the last success", async () => {
    const hook = await webhook({ format: "DISCORD" });
    await expect(sendChatTestPost(admin.id, hook.id)).resolves.toEqual({ name: hook.name });
    expect(sink.to(hook.path)[0]!.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect((await prisma.chatWebhook.findUniqueOrThrow({ where: { id: hook.id } })).lastSuccessAt).not.toBeNull();
  });
});

describe("the jobs", () => {
  it("post the day before the job was created, at the digest's hour, and scan for featured papers every five minutes", () => {
    expect(chatDayOfJob({ createdOn: new Date("2026-12-07T07:00:00Z") })).toBe("2026-12-06");
    // A retry after midnight still posts the day its job was created for.
    expect(chatDayOfJob({ createdOn: new Date("2026-12-07T23:59:59Z") })).toBe("2026-12-06");
    const daily = chatDailyJob({ ...loadEnv(), DIGEST_HOUR_UTC: 9 });
    expect([daily.queue, daily.cron, daily.tz]).toEqual(["chat-daily", "0 9 * * *", "UTC"]);
    expect([chatFeaturedJob.queue, chatFeaturedJob.cron]).toEqual(["chat-featured", "*/5 * * * *"]);
  });

  it("know their last try, when a post that fails again is given up rather than left pending", () => {
    const createdOn = new Date();
    const { retryLimit } = chatDailyJob(loadEnv()).retry;
    expect(isLastTry({ createdOn, retryCount: 0, retryLimit })).toBe(false);
    expect(isLastTry({ createdOn, retryCount: (retryLimit ?? 0) - 1, retryLimit })).toBe(false);
    expect(isLastTry({ createdOn, retryCount: retryLimit, retryLimit })).toBe(true);
    expect(isLastTry({ createdOn })).toBe(false);
  });
});
