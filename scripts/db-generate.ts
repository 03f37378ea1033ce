/**
 * `npm run db:generate -- --papers 100000 --users 10000 --upvotes 1000000 --days 365 [--seed 42]`:
 * fills the database (DATABASE_URL, or the embedded one) with a deterministic synthetic data set for
 * benchmarks: users, papers featured on the daily lists of the `--days` UTC days before today, and
 * heavy-tailed upvotes. The rows are a pure function of the flags, the seed and the current UTC day
 * (tools/synthetic/generate.ts); nothing is ever dated today or later.
 *
 * Reruns: delete-then-insert. Every synthetic row is recognisable (user ids `syn_user_<n>`, paper ids
 * "YYMM.NNNNN" ids from before arXiv used five-digit numbers, see SYNTHETIC_PAPER_ID_PATTERN), so a run first deletes
 * the previous synthetic users and papers (with their daily-list entries, upvotes and comments) and then
 * inserts the new set; real papers and users are left alone and their counters stay exact.
 *
 * Speed: rows go in with batched `INSERT ... SELECT * FROM unnest($1::text[], ...)` statements over plain
 * `pg`. Upvotes are inserted
 * with the `paper_upvote_count` row trigger disabled inside one transaction, and the papers' "upvoteCount"
 * is then set exactly from a single grouped count before the trigger is re-enabled and the transaction
 * commits. The run ends with VACUUM ANALYZE of the four tables, so the planner (and index-only scans) see
 * the new data.
 */
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import pg from "pg";
import { z } from "zod";
import { openDatabase } from "@/tools/database-url";
import { loadEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { deployMigrations } from "@/tools/migrate";
import {
  createPlan,
  MAX_PAPERS,
  MAX_UPVOTES,
  MAX_USERS,
  maxUpvotes,
  SYNTHETIC_PAPER_ID_PATTERN,
  SYNTHETIC_USER_ID_PREFIX,
  syntheticDailyPaper,
  syntheticPaper,
  syntheticUser,
  syntheticUserId,
  UpvoteStream,
  upvoteKey,
  type SyntheticOptions,
  type SyntheticPlan,
  type SyntheticUpvote,
} from "@/tools/synthetic/generate";
import { DAY_MS, startOfUtcDay } from "@/lib/dates/days";
import { firstIssueMessage } from "@/lib/validation";
import { runScript } from "@/tools/run-script";

const USAGE =
  "Usage: npm run db:generate -- --papers <n> --users <n> --upvotes <n> --days <n> [--seed <n>] (e.g. --papers 100000 --users 10000 --upvotes 1000000 --days 365)";

const USER_BATCH = 10_000;
const PAPER_BATCH = 5_000;
const DAILY_BATCH = 20_000;
const UPVOTE_BATCH = 20_000;
/** Separates author names (and categories) in one text value; `string_to_array` splits it back into text[]. */
const AUTHOR_SEPARATOR = "\u001f";
/** LIKE pattern of synthetic user ids (`_` escaped). */
const SYNTHETIC_USER_LIKE = `${SYNTHETIC_USER_ID_PREFIX.replaceAll("_", "\\_")}%`;

const number = new Intl.NumberFormat("en-US");

// ---------------------------------------------------------------------------------------------------
// Flags

function wholeNumber(flag: string, min: number, max: number) {
  return z
    .string({ error: `--${flag} is required` })
    .regex(/^\d+$/, `--${flag} must be a whole number`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `--${flag} must be at least ${number.format(min)}`)
        .max(max, `--${flag} must be at most ${number.format(max)}`),
    );
}

const flagsSchema = z
  .object({
    papers: wholeNumber("papers", 1, MAX_PAPERS),
    users: wholeNumber("users", 1, MAX_USERS),
    upvotes: wholeNumber("upvotes", 0, MAX_UPVOTES),
    days: wholeNumber("days", 1, 3650),
    seed: wholeNumber("seed", 0, 2 ** 32 - 1).optional(),
  })
  .superRefine((flags, ctx) => {
    const most = maxUpvotes(flags.users, flags.papers);
    if (flags.upvotes > most) {
      ctx.addIssue({
        code: "custom",
        path: ["upvotes"],
        message: `--upvotes must be at most ${number.format(most)} (a quarter of users × papers) for ${number.format(flags.users)} users and ${number.format(flags.papers)} papers`,
      });
    }
  });

type Flags = Omit<SyntheticOptions, "end">;

/** The parsed flags, null for --help; an AppError with a one-line message for anything wrong. */
function parseFlags(args: string[]): Flags | null {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        papers: { type: "string" },
        users: { type: "string" },
        upvotes: { type: "string" },
        days: { type: "string" },
        seed: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    const message = error instanceof Error ? (error.message.split(". ")[0] ?? error.message) : String(error);
    throw new AppError("BAD_FLAGS", `${message.replace(/\.$/, "")}. ${USAGE}`);
  }
  if (values.help) return null;
  const result = flagsSchema.safeParse(values);
  if (!result.success) {
    throw new AppError("BAD_FLAGS", `${firstIssueMessage(result.error, "Invalid flags")}. ${USAGE}`);
  }
  const { seed, ...rest } = result.data;
  return { ...rest, seed: seed ?? 42 };
}

// ---------------------------------------------------------------------------------------------------
// Phases

interface PhaseResult {
  name: string;
  rows: number;
  ms: number;
  note?: string;
}

const interactive = Boolean(process.stderr.isTTY);

/** Runs one phase with its own progress bar; `work` reports progress through `advance` and returns rows written. */
async function runPhase(
  name: string,
  total: number,
  work: (advance: (rows: number) => void) => Promise<{ rows: number; note?: string }>,
): Promise<PhaseResult> {
  const bar = new cliProgress.SingleBar(
    {
      format: `${name.padEnd(10)} [{bar}] {percentage}% | {value}/{total} rows | {duration_formatted} | eta {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 20,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(total, 0);
  try {
    const { rows, note } = await work((n) => bar.increment(n));
    bar.update(Math.min(rows, total));
    const result: PhaseResult = { name, rows, ms: performance.now() - started, ...(note ? { note } : {}) };
    bar.stop();
    if (!interactive) console.log(`${name}: ${number.format(rows)} rows in ${seconds(result.ms)}`);
    return result;
  } catch (error) {
    bar.stop();
    throw error;
  }
}

/** A phase without a meaningful row total (cleanup, statistics): timed, announced, no bar. */
async function runStep(
  name: string,
  label: string,
  work: () => Promise<{ rows: number; note?: string }>,
): Promise<PhaseResult> {
  process.stderr.write(`${label}...`);
  const started = performance.now();
  const { rows, note } = await work();
  const ms = performance.now() - started;
  process.stderr.write(` done (${seconds(ms)})\n`);
  return { name, rows, ms, ...(note ? { note } : {}) };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function isoAt(ms: number | undefined): string {
  return new Date(ms ?? 0).toISOString();
}

async function inTransaction<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** Deletes the previous synthetic data set, keeping the counters of real papers exact. */
async function deletePrevious(client: pg.Client): Promise<{ rows: number; note: string }> {
  const counts = await inTransaction(client, async () => {
    // Upvotes on synthetic papers: their counters are about to disappear with the papers, so skip the trigger.
    await client.query('ALTER TABLE "Upvote" DISABLE TRIGGER paper_upvote_count');
    const upvotes = await client.query('DELETE FROM "Upvote" WHERE "paperId" ~ $1', [SYNTHETIC_PAPER_ID_PATTERN]);
    await client.query('ALTER TABLE "Upvote" ENABLE TRIGGER paper_upvote_count');
    // Synthetic users' votes on real papers (the generator makes none): trigger on, so real counters stay exact.
    const stray = await client.query('DELETE FROM "Upvote" WHERE "userId" LIKE $1', [SYNTHETIC_USER_LIKE]);
    // Cascades to their daily-list entries and comments.
    const papers = await client.query('DELETE FROM "Paper" WHERE id ~ $1', [SYNTHETIC_PAPER_ID_PATTERN]);
    const users = await client.query('DELETE FROM "User" WHERE id LIKE $1', [SYNTHETIC_USER_LIKE]);
    return {
      upvotes: (upvotes.rowCount ?? 0) + (stray.rowCount ?? 0),
      papers: papers.rowCount ?? 0,
      users: users.rowCount ?? 0,
    };
  });
  const rows = counts.upvotes + counts.papers + counts.users;
  // The new rows reuse the deleted ones' keys: without a vacuum every unique check would wade through the
  // dead index entries (it makes a rerun several times slower).
  if (rows > 0) await client.query('VACUUM "Upvote", "DailyPaper", "Paper", "User"');
  return {
    rows,
    note: `${number.format(counts.papers)} papers, ${number.format(counts.users)} users, ${number.format(counts.upvotes)} upvotes`,
  };
}

async function insertUsers(client: pg.Client, plan: SyntheticPlan, advance: (n: number) => void): Promise<number> {
  const total = plan.options.users;
  return inTransaction(client, async () => {
    for (let from = 1; from <= total; from += USER_BATCH) {
      const to = Math.min(total, from + USER_BATCH - 1);
      const ids: string[] = [];
      const names: string[] = [];
      const usernames: string[] = [];
      const emails: string[] = [];
      const created: string[] = [];
      for (let n = from; n <= to; n++) {
        const user = syntheticUser(plan, n);
        ids.push(user.id);
        names.push(user.name);
        usernames.push(user.username);
        emails.push(user.email);
        created.push(user.createdAt.toISOString());
      }
      try {
        await client.query(
          `INSERT INTO "User" (id, name, username, email, "createdAt", "updatedAt")
           SELECT id, name, username, email, created, created
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS t(id, name, username, email, created)`,
          [ids, names, usernames, emails, created],
        );
      } catch (error) {
        if (error instanceof pg.DatabaseError && error.code === "23505") {
          throw new AppError(
            "SYNTHETIC_USER_CONFLICT",
            `A real user already has a synthetic user's username or email (${error.detail ?? error.message}); rename that user or use another database.`,
            { cause: error },
          );
        }
        throw error;
      }
      advance(ids.length);
    }
    return total;
  });
}

async function insertPapers(client: pg.Client, plan: SyntheticPlan, advance: (n: number) => void): Promise<number> {
  const total = plan.options.papers;
  return inTransaction(client, async () => {
    for (let from = 0; from < total; from += PAPER_BATCH) {
      const to = Math.min(total, from + PAPER_BATCH);
      const ids: string[] = [];
      const titles: string[] = [];
      const abstracts: string[] = [];
      const authors: string[] = [];
      const published: string[] = [];
      const github: (string | null)[] = [];
      const project: (string | null)[] = [];
      const categories: string[] = [];
      const created: string[] = [];
      for (let i = from; i < to; i++) {
        const paper = syntheticPaper(plan, i);
        ids.push(paper.id);
        titles.push(paper.title);
        abstracts.push(paper.abstract);
        authors.push(paper.authors.join(AUTHOR_SEPARATOR));
        published.push(paper.publishedAt.toISOString());
        github.push(paper.githubRepo);
        project.push(paper.projectPage);
        categories.push(paper.categories.join(AUTHOR_SEPARATOR));
        created.push(isoAt(plan.submittedAtMs[i]));
      }
      await client.query(
        `INSERT INTO "Paper" (id, title, abstract, authors, "publishedAt", "githubRepo", "projectPage", categories,
           "createdAt", "updatedAt")
         SELECT id, title, abstract, string_to_array(authors, $9), published, github, project,
           string_to_array(categories, $9), created, created
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[],
           $8::timestamptz[], $10::text[])
           AS t(id, title, abstract, authors, published, github, project, created, categories)`,
        [ids, titles, abstracts, authors, published, github, project, created, AUTHOR_SEPARATOR, categories],
      );
      advance(ids.length);
    }
    return total;
  });
}

async function insertDailyList(client: pg.Client, plan: SyntheticPlan, advance: (n: number) => void): Promise<number> {
  const total = plan.options.papers;
  return inTransaction(client, async () => {
    for (let from = 0; from < total; from += DAILY_BATCH) {
      const to = Math.min(total, from + DAILY_BATCH);
      const paperIds: string[] = [];
      const days: string[] = [];
      const submitted: string[] = [];
      const submitters: string[] = [];
      for (let i = from; i < to; i++) {
        const entry = syntheticDailyPaper(plan, i);
        paperIds.push(entry.paperId);
        days.push(entry.day);
        submitted.push(entry.submittedAt.toISOString());
        submitters.push(entry.submittedById);
      }
      await client.query(
        `INSERT INTO "DailyPaper" ("paperId", day, "submittedAt", "submittedById")
         SELECT * FROM unnest($1::text[], $2::date[], $3::timestamptz[], $4::text[])`,
        [paperIds, days, submitted, submitters],
      );
      advance(paperIds.length);
    }
    return total;
  });
}

/**
 * Inserts the first `upvotes` distinct (user, paper) pairs of the upvote stream: each batch draws as many
 * pairs as are still missing (distinct within the batch), and ON CONFLICT DO NOTHING drops pairs an earlier
 * batch already inserted, so the loop ends on exactly the target count. Trigger off, counters set at the end.
 */
async function insertUpvotes(
  client: pg.Client,
  plan: SyntheticPlan,
  advance: (n: number) => void,
): Promise<{ rows: number; note: string }> {
  const target = plan.options.upvotes;
  const papers = plan.options.papers;
  return inTransaction(client, async () => {
    await client.query('ALTER TABLE "Upvote" DISABLE TRIGGER paper_upvote_count');
    const stream = new UpvoteStream(plan);
    let inserted = 0;
    let drawn = 0;
    let statements = 0;
    let fruitless = 0;
    while (inserted < target) {
      const want = Math.min(UPVOTE_BATCH, target - inserted);
      const seen = new Set<number>();
      const userIds: string[] = [];
      const paperIds: string[] = [];
      const created: string[] = [];
      const batch: SyntheticUpvote[] = [];
      while (batch.length < want) {
        const vote = stream.next();
        drawn++;
        const key = upvoteKey(vote, papers);
        if (seen.has(key)) continue;
        seen.add(key);
        batch.push(vote);
      }
      // Sorted by (user, paper): neighbouring rows land on the same pages of the user-led indexes.
      batch.sort((a, b) => a.user - b.user || a.paper - b.paper);
      for (const vote of batch) {
        userIds.push(syntheticUserId(vote.user));
        paperIds.push(plan.paperIds[vote.paper] ?? "");
        created.push(new Date(vote.createdAtMs).toISOString());
      }
      const result = await client.query(
        `INSERT INTO "Upvote" ("userId", "paperId", "createdAt")
         SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[])
         ON CONFLICT DO NOTHING`,
        [userIds, paperIds, created],
      );
      statements++;
      const added = result.rowCount ?? 0;
      inserted += added;
      advance(added);
      fruitless = added === 0 ? fruitless + 1 : 0;
      if (fruitless >= 1000) {
        throw new Error(`Upvote generation stalled at ${inserted} of ${target} rows: no new pairs in 1000 batches.`);
      }
    }
    // Exact counters for every synthetic paper that got votes (the others were inserted with 0).
    const updated = await client.query(
      `UPDATE "Paper" AS p SET "upvoteCount" = c.n
       FROM (SELECT "paperId", count(*)::int AS n FROM "Upvote" WHERE "paperId" ~ $1 GROUP BY 1) AS c
       WHERE p.id = c."paperId" AND p."upvoteCount" <> c.n`,
      [SYNTHETIC_PAPER_ID_PATTERN],
    );
    await client.query('ALTER TABLE "Upvote" ENABLE TRIGGER paper_upvote_count');
    return {
      rows: inserted,
      note: `${number.format(drawn)} pairs drawn, ${number.format(statements)} statements, ${number.format(updated.rowCount ?? 0)} paper counters set`,
    };
  });
}

function printSummary(results: PhaseResult[], totalMs: number): void {
  const rows = results.map((r) => [
    r.name,
    number.format(r.rows),
    seconds(r.ms),
    r.ms > 0 && r.rows > 0 ? number.format(Math.round((r.rows * 1000) / r.ms)) : "-",
    r.note ?? "",
  ]);
  const header = ["phase", "rows", "time", "rows/s", ""];
  const table = [header, ...rows, ["total", "", seconds(totalMs), "", ""]];
  const widths = header.map((_, c) => Math.max(...table.map((row) => (row[c] ?? "").length)));
  for (const row of table) {
    const line = row
      .map((cell, c) => (c === 0 || c === 4 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join("  ");
    console.log(line.trimEnd());
  }
}

function describeTarget(url: string, embedded: boolean): string {
  if (embedded) return "the embedded database";
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
}

await runScript(async () => {
  const flags = parseFlags(process.argv.slice(2));
  if (!flags) {
    console.log(USAGE);
    return;
  }
  const env = loadEnv();
  const end = startOfUtcDay(new Date());
  const options: SyntheticOptions = { ...flags, end };
  const firstDay = new Date(end.getTime() - options.days * DAY_MS).toISOString().slice(0, 10);
  const lastDay = new Date(end.getTime() - DAY_MS).toISOString().slice(0, 10);

  const started = performance.now();
  const db = await openDatabase(env);
  const opened: PhaseResult = { name: "open", rows: 0, ms: performance.now() - started };
  try {
    console.log(
      `Generating ${number.format(options.papers)} papers, ${number.format(options.users)} users and ${number.format(options.upvotes)} upvotes ` +
        `(daily lists ${firstDay} to ${lastDay}, seed ${options.seed}) into ${describeTarget(db.url, db.embeddedDir !== undefined)}.`,
    );
    const results: PhaseResult[] = [opened];
    results.push(
      await runStep("migrate", "Applying pending migrations", async () => ({
        rows: 0,
        note: `${(await deployMigrations(db.url)).length} applied`,
      })),
    );
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query("SET statement_timeout = 0");
      const planStarted = performance.now();
      const plan = createPlan(options);
      results.push({ name: "plan", rows: 0, ms: performance.now() - planStarted });

      results.push(await runStep("cleanup", "Deleting the previous synthetic data", () => deletePrevious(client)));
      results.push(
        await runPhase("users", options.users, async (advance) => ({ rows: await insertUsers(client, plan, advance) })),
      );
      results.push(
        await runPhase("papers", options.papers, async (advance) => ({
          rows: await insertPapers(client, plan, advance),
        })),
      );
      results.push(
        await runPhase("daily list", options.papers, async (advance) => ({
          rows: await insertDailyList(client, plan, advance),
        })),
      );
      results.push(await runPhase("upvotes", options.upvotes, (advance) => insertUpvotes(client, plan, advance)));
      results.push(
        await runStep("analyze", "VACUUM ANALYZE", async () => {
          await client.query('VACUUM (ANALYZE) "Paper", "DailyPaper", "User", "Upvote"');
          return { rows: 0 };
        }),
      );

      console.log("");
      printSummary(results, performance.now() - started);
    } finally {
      await client.end();
    }
  } finally {
    await db.release();
  }
});
