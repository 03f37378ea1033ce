/**
 * `npm run bench:digest` — sends one daily digest to 2,000 and then 10,000 subscribers through a real SMTP
 * server on loopback, and prints messages per second and the peak memory of the sending process for
 * each, with their ratio: memory should stay flat as subscribers grow (subscribers are streamed in
 * batches, never loaded at once).
 *
 * Its database is its own: `dailypapers_bench_digest` on the DATABASE_URL server (recreated each run), or
 * a throw-away embedded database when DATABASE_URL is unset.
 *   flags: --subscribers 10000
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { z } from "zod";
import { runDigest } from "@/lib/digest/deliver";
import { digestPeriod } from "@/lib/digest/period";
import { startScratchDatabase } from "@/tools/embedded-db/process";
import { AppError } from "@/lib/errors";
import { createMailTransport } from "@/lib/mail/create-transport";
import { deployMigrations } from "@/tools/migrate";
import { today } from "@/lib/dates/days";
import { createPrismaClient } from "@/lib/db/create-client";
import { seedDemoData } from "@/prisma/seed/demo";
import { runScript } from "@/tools/run-script";
import { startSmtpSink } from "@/tests/support/smtp-sink";

async function benchDatabase(): Promise<{ url: string; release(): Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    const scratch = await startScratchDatabase();
    return { url: scratch.url, release: () => scratch.release() };
  }
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS "dailypapers_bench_digest" WITH (FORCE)');
  await admin.query('CREATE DATABASE "dailypapers_bench_digest"');
  await admin.end();
  const url = new URL(server);
  url.pathname = "/dailypapers_bench_digest";
  return { url: url.toString(), release: async () => {} };
}

async function addSubscribers(url: string, from: number, to: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids = Array.from({ length: to - from }, (_, i) => `bench_${from + i}`);
    await client.query(
      `INSERT INTO "User" (id, email, "emailVerified", "updatedAt") SELECT id, id || '@example.test', now(), now() FROM unnest($1::text[]) AS id`,
      [ids],
    );
    await client.query(
      `INSERT INTO "EmailPreference" ("userId", digest, "minUpvotes", "unsubscribeToken", "updatedAt")
       SELECT id, 'DAILY', 0, token, now() FROM unnest($1::text[], $2::text[]) AS t(id, token)`,
      [ids, ids.map(() => randomBytes(32).toString("base64url"))],
    );
  } finally {
    await client.end();
  }
}

await runScript(async () => {
  const { values } = parseArgs({ options: { subscribers: { type: "string" } } });
  const flags = z
    .object({ subscribers: z.coerce.number().int().min(100).max(1_000_000).default(10_000) })
    .safeParse(values);
  if (!flags.success) throw new AppError("USAGE", "Usage: npm run bench:digest -- [--subscribers 10000]");
  const sizes = [Math.round(flags.data.subscribers / 5), flags.data.subscribers];

  const db = await benchDatabase();
  const sink = await startSmtpSink();
  const prisma = createPrismaClient(db.url, 10);
  try {
    await deployMigrations(db.url);
    await seedDemoData(prisma);
    const spec = digestPeriod("daily", today());
    console.log(
      `Database: ${process.env.DATABASE_URL ? "PostgreSQL server" : "embedded PostgreSQL (scratch)"}; SMTP: ${sink.url}\n`,
    );
    console.log(
      ["subscribers", "seconds", "messages/s", "peak RSS MiB", "RSS growth MiB"].map((h) => h.padStart(15)).join(""),
    );

    const results: { size: number; peak: number; growth: number }[] = [];
    let present = 0;
    for (const size of sizes) {
      await addSubscribers(db.url, present, size);
      present = size;
      await prisma.digestDelivery.deleteMany({});
      const deliveredBefore = sink.delivered.length;
      global.gc?.();
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const transport = createMailTransport(sink.url, prisma);
      const started = performance.now();
      const summary = await runDigest({
        prisma,
        transport,
        spec,
        siteUrl: "https://papers.example.org",
        from: "Daily Papers <papers@example.org>",
      });
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      transport.close();
      const delivered = sink.delivered.length - deliveredBefore;
      if (summary.sent !== size || delivered !== size) {
        throw new AppError(
          "BENCH_MISMATCH",
          `expected ${size} messages, sent ${summary.sent}, the server received ${delivered}`,
        );
      }
      const mib = (bytes: number) => bytes / 1024 / 1024;
      results.push({ size, peak: mib(peak), growth: mib(peak - baseline) });
      console.log(
        [
          String(size),
          seconds.toFixed(1),
          (size / seconds).toFixed(0),
          mib(peak).toFixed(0),
          mib(peak - baseline).toFixed(1),
        ]
          .map((c) => c.padStart(15))
          .join(""),
      );
    }
    const [small, large] = results as [(typeof results)[0], (typeof results)[0]];
    console.log(
      `\n${large.size / small.size}× the subscribers: peak RSS ×${(large.peak / small.peak).toFixed(2)} (${small.peak.toFixed(0)} → ${large.peak.toFixed(0)} MiB)`,
    );
  } finally {
    await prisma.$disconnect();
    await sink.stop();
    await db.release();
  }
});
