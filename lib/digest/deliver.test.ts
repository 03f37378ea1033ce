import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { runDigest, type DigestRunOptions } from "@/lib/digest/deliver";
import { digestPeriod } from "@/lib/digest/period";
import { createMailTransport } from "@/lib/mail/create-transport";
import { startSmtpSink, type SmtpSink } from "@/tests/support/smtp-sink";

const run = randomUUID().slice(0, 6);
let dayCounter = 0;
let userCounter = 0;
let sink: SmtpSink;
const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "digest-mail-"));
const created: { users: string[]; papers: string[] } = { users: [], papers: [] };

/** A day of its own with `count` featured papers of 3, 6, 9… upvotes (the counts are set directly). */
async function featuredDay(count = 3): Promise<string> {
  const day = `2002-0${1 + (dayCounter % 9)}-${String(10 + Math.floor(dayCounter / 9)).padStart(2, "0")}`;
  dayCounter++;
  for (let i = 0; i < count; i++) {
    const id = `digest-test-${run}-${dayCounter}-${i}`;
    await prisma.paper.create({
      data: {
        id,
        title: `Paper ${i} of ${day} with $x^2$`,
        abstract: `An abstract about results at 87\\% accuracy, number ${i}.`,
        authors: ["A. Author", "B. Author"],
        publishedAt: new Date(`${day}T00:00:00Z`),
        upvoteCount: 3 * (i + 1),
        daily: { create: { day: new Date(`${day}T00:00:00Z`) } },
      },
    });
    created.papers.push(id);
  }
  return day;
}

async function subscriber(
  options: { verified?: boolean; digest?: "DAILY" | "WEEKLY" | "OFF"; minUpvotes?: number } = {},
) {
  const id = `digest_${run}_${userCounter++}`;
  const email = `${id}@example.test`;
  await prisma.user.create({
    data: {
      id,
      email,
      emailVerified: options.verified === false ? null : new Date(),
      emailPreference: {
        create: {
          digest: options.digest ?? "DAILY",
          minUpvotes: options.minUpvotes ?? 0,
          unsubscribeToken: randomBytes(32).toString("base64url"),
        },
      },
    },
  });
  created.users.push(id);
  return { id, email };
}

function options(day: string, overrides: Partial<DigestRunOptions> = {}): DigestRunOptions {
  return {
    prisma,
    transport: createMailTransport(sink.url, prisma),
    spec: digestPeriod("daily", day),
    siteUrl: "https://papers.example.org",
    from: "Daily Papers <papers@example.org>",
    retryDelayMs: 5,
    ...overrides,
  };
}

/** A paper of `day` for the members' own sections: featured that day, or only announced by arXiv on it. */
async function personalPaper(
  day: string,
  name: string,
  fields: {
    title?: string;
    abstract?: string;
    authors?: string[];
    categories?: string[];
    upvotes?: number;
    featured?: boolean;
  },
): Promise<string> {
  const id = `digest-own-${run}-${name}`;
  const date = new Date(`${day}T00:00:00Z`);
  await prisma.paper.create({
    data: {
      id,
      title: fields.title ?? `Own paper ${name}`,
      abstract: fields.abstract ?? "An abstract.",
      authors: fields.authors ?? ["C. Nobody"],
      categories: fields.categories ?? ["cs.LG"],
      publishedAt: date,
      upvoteCount: fields.upvotes ?? 0,
      announcedOn: fields.featured ? null : date,
      ...(fields.featured ? { daily: { create: { day: date } } } : {}),
    },
  });
  created.papers.push(id);
  return id;
}

const titleOf = (id: string) => (id.endsWith("-f2") ? "About diffusion models" : `Own paper ${id.split("-").pop()}`);

type TopicRow = ["AUTHOR" | "CATEGORY" | "KEYWORD", string];
const follow = (userId: string, topics: TopicRow[]) =>
  prisma.follow.createMany({ data: topics.map(([kind, value]) => ({ userId, kind, value })) });
const mute = (userId: string, topics: TopicRow[]) =>
  prisma.mute.createMany({ data: topics.map(([kind, value]) => ({ userId, kind, value })) });

/** The one message the sink holds for `email`, parsed. */
async function mailTo(email: string) {
  const files = fs.readdirSync(mailDir).filter((f) => f.includes(email));
  expect(files).toHaveLength(1);
  const mail = await simpleParser(fs.readFileSync(path.join(mailDir, files[0]!)));
  const header = (key: string) => mail.headerLines.find((line) => line.key === key)?.line;
  return { subject: mail.subject ?? "", text: mail.text ?? "", html: String(mail.html), header };
}

/** The papers' titles in the order the text part lists them. */
function titlesIn(text: string): string[] {
  return [...text.matchAll(/^(?:\d+\.|\*(?: \([^)]*\))?) (.+?) \(▲ \d+\)$/gm)].map((match) => match[1]!);
}

/** The member's own sections' headings in the text part. */
function sectionsIn(text: string): string[] {
  return [...text.matchAll(/^== (.+) ==$/gm)].map((match) => match[1]!);
}

describe("runDigest, against a real SMTP server", () => {
  beforeAll(async () => {
    sink = await startSmtpSink(mailDir);
  });
  afterEach(async () => {
    sink.setReply(undefined);
    await prisma.user.deleteMany({ where: { id: { in: created.users } } });
    created.users.length = 0;
  });
  afterAll(async () => {
    await prisma.paper.deleteMany({ where: { id: { in: created.papers } } });
    await sink.stop();
    fs.rmSync(mailDir, { recursive: true, force: true });
  });

  it("sends each verified subscriber one digest with the unsubscribe headers, and nobody else anything", async () => {
    const day = await featuredDay(3);
    const readers = [await subscriber(), await subscriber(), await subscriber({ minUpvotes: 6 })];
    const unverified = await subscriber({ verified: false });
    const off = await subscriber({ digest: "OFF" });
    const weekly = await subscriber({ digest: "WEEKLY" });
    const picky = await subscriber({ minUpvotes: 100 });

    const summary = await runDigest(options(day));
    expect(summary).toMatchObject({ papers: 3, sent: 3, failed: 0, deferred: 0 });
    for (const reader of readers) expect(sink.countFor(reader.email)).toBe(1);
    for (const other of [unverified, off, weekly, picky]) expect(sink.countFor(other.email)).toBe(0);

    const file = fs.readdirSync(mailDir).find((f) => f.includes(readers[2]!.email))!;
    const mail = await simpleParser(fs.readFileSync(path.join(mailDir, file)));
    expect(mail.from?.value[0]).toMatchObject({ name: "Daily Papers", address: "papers@example.org" });
    expect(mail.messageId).toBe(`<digest.daily.${day}.${readers[2]!.id}@papers.example.org>`);
    expect(mail.date).toBeInstanceOf(Date);
    const token = (await prisma.emailPreference.findUniqueOrThrow({ where: { userId: readers[2]!.id } }))
      .unsubscribeToken;
    expect(mail.headerLines.find((h) => h.key === "list-unsubscribe-post")?.line).toBe(
      "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    );
    // RFC 8058: the https URL that takes the one-click POST, and a mailto for clients without it.
    const listUnsubscribe = mail.headerLines.find((h) => h.key === "list-unsubscribe")?.line.replace(/\r?\n\s+/g, " ");
    expect(listUnsubscribe).toBe(
      `List-Unsubscribe: <https://papers.example.org/api/unsubscribe/${token}>, <mailto:papers@example.org?subject=unsubscribe>`,
    );
    expect(mail.text).toContain(`https://papers.example.org/api/unsubscribe/${token}`);
    expect(mail.html).toContain(`https://papers.example.org/api/unsubscribe/${token}`);
    // The threshold of 6 upvotes leaves out the 3-upvote paper; LaTeX escapes are unescaped.
    expect(mail.text).not.toContain("Paper 0 of");
    expect(mail.text).toContain("87% accuracy");

    // A second run sends nothing more.
    expect(await runDigest(options(day))).toMatchObject({ subscribers: 4, sent: 0, skipped: 4 });
    expect(sink.delivered.filter((r) => readers.some((x) => x.email === r))).toHaveLength(3);
  });

  it("sends nothing for a period without papers", async () => {
    const reader = await subscriber();
    const summary = await runDigest(options("2002-12-31"));
    expect(summary).toMatchObject({ papers: 0, sent: 0 });
    expect(sink.countFor(reader.email)).toBe(0);
  });

  it("after a run dies part-way (the server hangs up), a re-run sends everyone exactly one message", async () => {
    const day = await featuredDay(2);
    const readers = await Promise.all(Array.from({ length: 12 }, () => subscriber()));
    const start = sink.delivered.length;
    sink.setReply((index) => (index >= start + 5 ? "drop" : "accept"));

    const first = await runDigest(options(day, { attempts: 2, concurrency: 1 }));
    expect(first.sent).toBe(5);
    expect(first.deferred).toBe(7);

    sink.setReply(undefined);
    const second = await runDigest(options(day));
    expect(second.sent).toBe(7);
    for (const reader of readers) expect(sink.countFor(reader.email)).toBe(1);
    const rows = await prisma.digestDelivery.findMany({ where: { userId: { in: readers.map((r) => r.id) } } });
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.status === "SENT")).toBe(true);
  });

  it("two workers running at once still send each subscriber one message", async () => {
    const day = await featuredDay(2);
    const readers = await Promise.all(Array.from({ length: 30 }, () => subscriber()));
    const [a, b] = await Promise.all([runDigest(options(day)), runDigest(options(day))]);
    expect(a.sent + b.sent).toBe(30);
    for (const reader of readers) expect(sink.countFor(reader.email)).toBe(1);
  });

  it("four runs at once, round after round, never fail and send each subscriber one message", async () => {
    await Promise.all(Array.from({ length: 40 }, () => subscriber()));
    for (let round = 0; round < 3; round++) {
      const day = await featuredDay(1);
      const before = sink.delivered.length;
      const summaries = await Promise.all(Array.from({ length: 4 }, () => runDigest(options(day))));
      const received = sink.delivered.slice(before);
      expect(summaries.reduce((sum, s) => sum + s.sent, 0)).toBe(40);
      expect(received).toHaveLength(40);
      expect(new Set(received).size).toBe(40);
    }
  });

  it("does not take over a claim whose run is alive, however long its send takes", async () => {
    const day = await featuredDay(1);
    const slow = await subscriber();
    const lease = { heartbeatMs: 50, staleAfterMs: 300 };
    // A transport that holds this one message for four leases before handing it to the real server.
    const real = createMailTransport(sink.url, prisma);
    let started!: () => void;
    const sending = new Promise<void>((resolve) => (started = resolve));
    const slowTransport = nodemailer.createTransport({
      name: "slow",
      version: "1",
      send(mail, callback) {
        started();
        setTimeout(() => {
          real.sendMail(mail.data).then(
            (info) => callback(null, info),
            (error: Error) => callback(error, undefined as never),
          );
        }, 4 * lease.staleAfterMs);
      },
    });
    const first = runDigest(options(day, { ...lease, transport: slowTransport }));
    await sending;
    const second = await runDigest(options(day, lease));
    expect((await first).sent).toBe(1);
    expect(second).toMatchObject({ sent: 0, deferred: 0, sendingElsewhere: 1 });
    expect(sink.countFor(slow.email)).toBe(1);
    real.close();
  });

  it("retries a 4xx answer and delivers once", async () => {
    const day = await featuredDay(1);
    const reader = await subscriber();
    let refused = 0;
    sink.setReply((_, recipient) =>
      recipient === reader.email && refused++ < 2 ? { code: 451, message: "Try again later" } : "accept",
    );
    const summary = await runDigest(options(day));
    expect(summary).toMatchObject({ sent: 1, failed: 0, deferred: 0 });
    expect(sink.countFor(reader.email)).toBe(1);
    const row = await prisma.digestDelivery.findFirstOrThrow({ where: { userId: reader.id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 3 });
  });

  it("records a 5xx answer as a permanent failure, once, and does not retry it", async () => {
    const day = await featuredDay(1);
    const bounced = await subscriber();
    const fine = await subscriber();
    sink.setReply((_, recipient) =>
      recipient === bounced.email ? { code: 550, message: "No such mailbox" } : "accept",
    );
    const summary = await runDigest(options(day));
    expect(summary).toMatchObject({ sent: 1, failed: 1 });
    const row = await prisma.digestDelivery.findFirstOrThrow({ where: { userId: bounced.id } });
    expect(row.status).toBe("FAILED");
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain("No such mailbox");
    sink.setReply(undefined);
    expect(await runDigest(options(day))).toMatchObject({ sent: 0, failed: 0 });
    expect(sink.countFor(bounced.email)).toBe(0);
    expect(sink.countFor(fine.email)).toBe(1);
  });

  it("gives each member their own sections from what they follow, without what they mute or the main section has", async () => {
    const day = "2003-03-14";
    const [f1, f2, f3] = [
      await personalPaper(day, "f1", { authors: ["Ada Follow"], upvotes: 9, featured: true }),
      await personalPaper(day, "f2", { title: "About diffusion models", upvotes: 6, featured: true }),
      await personalPaper(day, "f3", { categories: ["cs.CL"], upvotes: 3, featured: true }),
    ];
    const [a1, a2, a3, a4] = [
      await personalPaper(day, "a1", { authors: ["B. Other", "Ada Follow"] }),
      await personalPaper(day, "a2", { categories: ["cs.SD", "cs.CL"] }),
      await personalPaper(day, "a3", { abstract: "We train DIFFUSION Models on audio." }),
      await personalPaper(day, "a4", { authors: ["Ada Follow"], categories: ["hep-th"] }),
    ];
    // Not the period's: announced the day after.
    const later = await personalPaper("2003-03-15", "later", { authors: ["Ada Follow"] });
    const fan = await subscriber({ minUpvotes: 5 });
    await follow(fan.id, [
      ["AUTHOR", "Ada Follow"],
      ["CATEGORY", "cs.CL"],
      ["KEYWORD", "diffusion models"],
    ]);
    await mute(fan.id, [
      ["CATEGORY", "hep-th"],
      ["KEYWORD", "about diffusion"],
    ]);
    const plain = await subscriber();
    const onlyOwn = await subscriber({ minUpvotes: 100 });
    await follow(onlyOwn.id, [["AUTHOR", "Ada Follow"]]);
    const nothing = await subscriber({ minUpvotes: 100 });
    await follow(nothing.id, [["AUTHOR", "Nobody Here"]]);

    expect(await runDigest(options(day))).toMatchObject({ papers: 3, failed: 0 });
    expect(sink.countFor(nothing.email)).toBe(0);

    const fanMail = await mailTo(fan.email);
    // The main section: over the threshold, less what the member mutes (f2 matches "about diffusion").
    expect(titlesIn(fanMail.text)).toEqual([f1, a1, f3, a2, a3].map(titleOf));
    expect(sectionsIn(fanMail.text)).toEqual([
      "From authors you follow",
      "In categories you follow",
      "Matching your keywords",
    ]);
    expect(fanMail.text).toContain("(by Ada Follow)");
    expect(fanMail.text).toContain("(matches “diffusion models”)");
    expect(fanMail.html).toContain("In categories you follow</h2>");
    for (const absent of [f2, a4, later]) expect(fanMail.text).not.toContain(titleOf(absent));

    // No follows: the main section alone, without any heading of the member's own.
    const plainMail = await mailTo(plain.email);
    expect(titlesIn(plainMail.text)).toEqual([f1, f2, f3].map(titleOf));
    expect(sectionsIn(plainMail.text)).toEqual([]);
    expect(plainMail.html).not.toContain("you follow");

    // Nothing passes the threshold, but what they follow does: a digest of their own section alone, with
    // the one-click unsubscribe headers all the same. f1 is the main section's only when it is in it.
    const ownMail = await mailTo(onlyOwn.email);
    expect(titlesIn(ownMail.text)).toEqual([f1, a1, a4].map(titleOf));
    expect(sectionsIn(ownMail.text)).toEqual(["From authors you follow"]);
    expect(ownMail.subject).toBe(`3 papers from what you follow: ${titleOf(f1)}`);
    expect(ownMail.header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(ownMail.header("list-unsubscribe")).toContain("/api/unsubscribe/");

    // Still once per member and period.
    expect(await runDigest(options(day))).toMatchObject({ sent: 0 });
    for (const member of [fan, plain, onlyOwn]) expect(sink.countFor(member.email)).toBe(1);
  });

  it("sends a follower the papers arXiv announced on a day with nothing featured, and nobody else anything", async () => {
    const day = "2003-04-02";
    const announced = await personalPaper(day, "quiet", { authors: ["Quiet Author"] });
    const follower = await subscriber();
    await follow(follower.id, [["AUTHOR", "Quiet Author"]]);
    const other = await subscriber();
    expect(await runDigest(options(day))).toMatchObject({ papers: 0, failed: 0 });
    expect(titlesIn((await mailTo(follower.email)).text)).toEqual([titleOf(announced)]);
    expect(sink.countFor(other.email)).toBe(0);
  });

  it("fills a member's main section past the papers their mutes take out", async () => {
    const day = await featuredDay(11);
    const muter = await subscriber();
    await mute(muter.id, [["KEYWORD", "paper 10 of"]]);
    const plain = await subscriber();
    expect(await runDigest(options(day))).toMatchObject({ papers: 10, failed: 0 });
    const muted = titlesIn((await mailTo(muter.email)).text);
    const full = titlesIn((await mailTo(plain.email)).text);
    expect(full).toHaveLength(10);
    expect(full[0]).toMatch(/^Paper 10 of /);
    expect(full.some((title) => title.startsWith("Paper 0 of "))).toBe(false);
    expect(muted).toEqual([...full.slice(1), full[9]!.replace(/^Paper 1 of/, "Paper 0 of")]);
  });

  it("a dry run writes and sends nothing", async () => {
    const day = await featuredDay(1);
    const reader = await subscriber();
    expect(await runDigest(options(day, { dryRun: true }))).toMatchObject({ sent: 1, dryRun: true });
    expect(sink.countFor(reader.email)).toBe(0);
    expect(await prisma.digestDelivery.count({ where: { userId: reader.id } })).toBe(0);
  });
});
