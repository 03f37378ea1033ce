/**
 * A digest run SIGKILLed midway (`npm run digest` as a child process, a real SMTP server on loopback), then
 * run again at once: the re-run takes the dead run's claims as soon as their leases lapse, unrenewed (well
 * within a minute of the crash), every subscriber ends up with exactly one message but for at most `concurrency`
 * duplicates (the messages between the server's "250" and the row marked SENT), and `npm run digest`
 * exits non-zero when it had to defer sends (issue 10, "Faults" 4).
 *
 * Part of the Vitest suite, not the chaos suite: it needs no web server, and most of its time is the wait for
 * the dead run's leases to lapse, which other files use.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployMigrations } from "@/tools/migrate";
import { createFreshDatabase, type FreshDatabase } from "@/tests/support/databases";
import { startSmtpSink, type SmtpSink } from "@/tests/support/smtp-sink";
import { exitOf, spawnDigestRun } from "@/tests/support/digest-process";

const SUBSCRIBERS = 400;
/** runDigest's default: lanes of sending, and so the most messages a crash can leave unmarked. */
const CONCURRENCY = 8;

const tag = randomUUID().slice(0, 8);
let sink: SmtpSink;
// A database of its own: a digest run mails every daily subscriber in the database.
let db: FreshDatabase;

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Prints a test's figures. */
function report(name: string, values: Record<string, unknown>): void {
  console.log(
    `[digest] ${name}: ${Object.entries(values)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join("  ")}`,
  );
}

function digestProcess(day: string) {
  return spawnDigestRun(day, { databaseUrl: db.url, smtpUrl: sink.url });
}

/** A day of its own (far in the past) with two featured papers, and `count` verified daily subscribers. */
async function digestDay(day: string, count: number): Promise<string[]> {
  for (let i = 0; i < 2; i++) {
    const id = `killed-${tag}-${day}-${i}`;
    await query(
      `insert into "Paper" (id, title, abstract, authors, "publishedAt", "upvoteCount", "updatedAt")
       values ($1, $2, 'An abstract.', array['A. Author'], $3::timestamptz, 5, now())`,
      [id, `Digest paper ${i}`, `${day}T00:00:00Z`],
    );
    await query(`insert into "DailyPaper" ("paperId", day) values ($1, $2::date)`, [id, day]);
  }
  const ids = Array.from({ length: count }, (_, i) => `killed_digest_${tag}_${day}_${String(i).padStart(4, "0")}`);
  await query(
    `insert into "User" (id, email, "emailVerified", "updatedAt")
     select u, u || '@example.test', now(), now() from unnest($1::text[]) as u`,
    [ids],
  );
  await query(
    `insert into "EmailPreference" ("userId", digest, "minUpvotes", "unsubscribeToken", "updatedAt")
     select u, 'DAILY', 0, md5(u || random()::text), now() from unnest($1::text[]) as u`,
    [ids],
  );
  return ids;
}

beforeAll(async () => {
  db = await createFreshDatabase();
  await deployMigrations(db.url);
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink?.stop();
  await db?.drop();
});

describe("a digest run killed midway", () => {
  it(
    "a re-run takes the dead run's claims within a minute; at most `concurrency` duplicates",
    { timeout: 90_000 },
    async () => {
      const day = "2003-03-03";
      const users = await digestDay(day, SUBSCRIBERS);
      const emails = new Set(users.map((u) => `${u}@example.test`));
      const ours = () => sink.delivered.filter((r) => emails.has(r)).length;

      const first = digestProcess(day);
      const firstExit = exitOf(first);
      while (ours() < SUBSCRIBERS / 3) {
        if (first.exitCode !== null)
          throw new Error(`the first run ended before it could be killed:\n${(await firstExit).output}`);
        await sleep(5);
      }
      first.kill("SIGKILL");
      const killedAt = Date.now();
      expect((await firstExit).signal).toBe("SIGKILL");
      const deliveredAtKill = ours();
      // Only the killed run has touched these rows: its id is the one they carry.
      const [deadRun] = await query<{ id: string }>(
        `select distinct "runId" as id from "DigestDelivery" where "userId" = any($1)`,
        [users],
      );
      const orphaned = await query<{ userId: string }>(
        `select "userId" from "DigestDelivery" where "userId" = any($1) and status = 'PENDING' and "claimedAt" is not null`,
        [users],
      );

      const second = await exitOf(digestProcess(day));
      const rerunDone = Date.now();
      expect(second.code, second.output).toBe(0);

      const counts = new Map<string, number>();
      for (const r of sink.delivered) if (emails.has(r)) counts.set(r, (counts.get(r) ?? 0) + 1);
      const missing = [...emails].filter((e) => !counts.has(e));
      const duplicates = [...counts.values()].reduce((sum, n) => sum + (n - 1), 0);
      const rows = await query<{ status: string; runId: string | null; userId: string }>(
        `select status, "runId", "userId" from "DigestDelivery" where "userId" = any($1)`,
        [users],
      );
      const takenOver = rows.filter((r) => orphaned.some((o) => o.userId === r.userId) && r.runId !== deadRun?.id);

      report("digest run killed midway", {
        subscribers: SUBSCRIBERS,
        deliveredBeforeKill: deliveredAtKill,
        claimsOrphanedByKill: orphaned.length,
        claimsTakenOver: takenOver.length,
        rerunFinishedAfterKillS: ((rerunDone - killedAt) / 1000).toFixed(1),
        duplicates,
        duplicateBound: CONCURRENCY,
        missing: missing.length,
      });

      expect(missing).toEqual([]);
      expect(duplicates).toBeLessThanOrEqual(CONCURRENCY);
      expect(rows.every((r) => r.status === "SENT")).toBe(true);
      expect(takenOver).toHaveLength(orphaned.length);
      // Released within a minute of the crash: the re-run, started at once, has sent them all by then.
      expect(rerunDone - killedAt).toBeLessThan(60_000);
    },
  );

  // Two `npm run digest` processes one after the other: each starts Node, tsx and Prisma, which took 25 s
  // apiece on a busy two-core machine (beside the build and the other test files).
  it("`npm run digest` exits non-zero when a send was deferred, so cron knows", { timeout: 120_000 }, async () => {
    const day = "2003-03-04";
    const [user] = await digestDay(day, 1);
    const email = `${user}@example.test`;
    sink.setReply((_, recipient) => (recipient === email ? { code: 451, message: "Try again later" } : "accept"));
    try {
      const run = await exitOf(digestProcess(day));
      report("digest with a deferred send", { exitCode: run.code });
      expect(run.code).not.toBe(0);
      expect(run.output).toContain("deferred 1");
    } finally {
      sink.setReply(undefined);
    }
    // The next run sends it and exits 0.
    const again = await exitOf(digestProcess(day));
    expect(again.code, again.output).toBe(0);
    expect(sink.countFor(email)).toBe(1);
  });
});
