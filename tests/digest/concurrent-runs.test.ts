/**
 * Several `npm run digest` for one period at once, as docs/digest.md tells operators they may run them: each
 * run a process of its own (as cron or two hosts would start them), a real SMTP server on loopback. Every
 * run must exit 0 and every subscriber get exactly one message (issue 20, item 9: one run died on
 * `23505 DigestDelivery_messageId_key` and the other re-sent what the dead one had in flight).
 *
 * The runs race only where their claims meet, so the set is large enough for a late starter to catch up
 * with the others' frontier (before the fix, 600 subscribers and 4 runs crashed 4 runs in 3 rounds; 150
 * did not always). Four runs at once meet every way two do, so only four are started (two at once as well cost
 * 40 s more). DIGEST_CONCURRENT_ROUNDS=<n> and DIGEST_CONCURRENT_SUBSCRIBERS=<n>
 * change the default 2 rounds of 600, to measure.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/db/create-client";
import { deployMigrations } from "@/tools/migrate";
import { createFreshDatabase, type FreshDatabase } from "@/tests/support/databases";
import { startSmtpSink, type SmtpSink } from "@/tests/support/smtp-sink";
import { exitOf, spawnDigestRun } from "@/tests/support/digest-process";

const SUBSCRIBERS = Number(process.env.DIGEST_CONCURRENT_SUBSCRIBERS ?? 600);
const ROUNDS = Number(process.env.DIGEST_CONCURRENT_ROUNDS ?? 2);
const tag = randomUUID().slice(0, 8);
let sink: SmtpSink;
// A database of its own: a digest run mails every daily subscriber in the database, and other files'
// subscribers (and their tests' counts) must not meet these runs.
let db: FreshDatabase;
let prisma: PrismaClient;
let dayCounter = 0;

/** `npm run digest -- --period daily --date <day>` as npm runs it, in a process of its own. */
function digestProcess(day: string) {
  return exitOf(spawnDigestRun(day, { databaseUrl: db.url, smtpUrl: sink.url }));
}

/** A day of its own (far in the past) with two featured papers and `count` verified daily subscribers. */
async function digestDay(count: number): Promise<{ day: string; emails: string[] }> {
  const day = `2004-${String(1 + (dayCounter % 12)).padStart(2, "0")}-${String(1 + Math.floor(dayCounter / 12)).padStart(2, "0")}`;
  dayCounter++;
  for (let i = 0; i < 2; i++) {
    const id = `concurrent-${tag}-${day}-${i}`;
    await prisma.paper.create({
      data: {
        id,
        title: `Concurrent paper ${i}`,
        abstract: "An abstract.",
        authors: ["A. Author"],
        publishedAt: new Date(`${day}T00:00:00Z`),
        upvoteCount: 5,
        daily: { create: { day: new Date(`${day}T00:00:00Z`) } },
      },
    });
  }
  const ids = Array.from({ length: count }, (_, i) => `concurrent_${tag}_${day}_${String(i).padStart(4, "0")}`);
  await prisma.$executeRaw`
    INSERT INTO "User" (id, email, "emailVerified", "updatedAt")
    SELECT u, u || '@example.test', now(), now() FROM unnest(${ids}::text[]) AS u`;
  await prisma.$executeRaw`
    INSERT INTO "EmailPreference" ("userId", digest, "minUpvotes", "unsubscribeToken", "updatedAt")
    SELECT u, 'DAILY', 0, md5(u || random()::text), now() FROM unnest(${ids}::text[]) AS u`;
  return { day, emails: ids.map((id) => `${id}@example.test`) };
}

/** One round: `runs` digest processes for one fresh period at once; what the subscribers received. */
async function round(runs: number) {
  const { day, emails } = await digestDay(SUBSCRIBERS);
  const exits = await Promise.all(Array.from({ length: runs }, () => digestProcess(day)));
  const wanted = new Set(emails);
  const counts = new Map<string, number>();
  for (const r of sink.delivered) if (wanted.has(r)) counts.set(r, (counts.get(r) ?? 0) + 1);
  return {
    exits,
    failedRuns: exits.filter((e) => e.code !== 0),
    missing: emails.filter((e) => !counts.has(e)),
    duplicates: [...counts.values()].reduce((sum, n) => sum + n - 1, 0),
  };
}

beforeAll(async () => {
  db = await createFreshDatabase();
  await deployMigrations(db.url);
  prisma = createPrismaClient(db.url, 2);
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink.stop();
  await prisma.$disconnect();
  await db.drop();
});

const RUNS = 4;

describe("several `npm run digest` for one period at once", () => {
  it(
    `${RUNS} runs at once all exit 0, and every subscriber gets exactly one message`,
    async () => {
      const tally = { rounds: 0, crashedRuns: 0, roundsWithDuplicates: 0, duplicates: 0, missing: 0 };
      const failures: string[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const result = await round(RUNS);
        tally.rounds++;
        tally.crashedRuns += result.failedRuns.length;
        tally.duplicates += result.duplicates;
        tally.missing += result.missing.length;
        if (result.duplicates > 0) tally.roundsWithDuplicates++;
        for (const failed of result.failedRuns) failures.push(`exit ${failed.code}:\n${failed.output.slice(-2000)}`);
      }
      console.log(`[digest] ${RUNS} runs at once, ${SUBSCRIBERS} subscribers: ${JSON.stringify(tally)}`);
      expect(failures).toEqual([]);
      expect(tally).toMatchObject({ duplicates: 0, missing: 0 });
    },
    120_000 + ROUNDS * RUNS * 20_000,
  );
});
