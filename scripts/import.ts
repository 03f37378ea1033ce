/**
 * `npm run import -- arxiv-feed [--categories cs.AI,cs.CL] | arxiv-ids <id…> | hf-daily [--date YYYY-MM-DD]`,
 * each with `--from-file PATH` to read a recorded response instead of the network. Shows a progress bar,
 * prints one summary line ("arxiv-feed cs.AI+cs.CL: 926 new, 3 updated, 0 unchanged, 569 skipped, 0 failed")
 * and the failures with their reasons, and exits non-zero when anything failed.
 */
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { openDatabase } from "@/tools/database-url";
import { loadEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import {
  importArxivFeed,
  importArxivIds,
  importHfDaily,
  type ImportOptions,
  type ImportOutcome,
} from "@/lib/ingest/imports";
import { SKIPPED_REPLACE_REASON } from "@/lib/ingest/store";
import { deployMigrations } from "@/tools/migrate";
import { parseDay } from "@/lib/dates/days";
import { createPrismaClient } from "@/lib/db/create-client";
import { runScript } from "@/tools/run-script";

const usage =
  "Usage: npm run import -- arxiv-feed [--categories cs.AI,cs.CL] | arxiv-ids <id…> | hf-daily [--date YYYY-MM-DD]  [--from-file PATH]";
const CATEGORY = /^[a-zA-Z-]+(\.[a-zA-Z-]+)?$/;
// More lines than this of failures would bury the summary; the run row keeps them all.
const MAX_LISTED = 20;

await runScript(async () => {
  let parsed: ReturnType<typeof readArgs>;
  try {
    parsed = readArgs();
  } catch (error) {
    throw new AppError("USAGE", `${error instanceof Error ? error.message : String(error)}. ${usage}`);
  }
  const { command, positionals, values } = parsed;
  const categories = values.categories
    ?.flatMap((value) => value.split(/[,+]/))
    .map((value) => value.trim())
    .filter(Boolean);
  if (categories?.some((category) => !CATEGORY.test(category))) {
    throw new AppError("USAGE", `--categories: not arXiv categories: ${values.categories?.join(",")}. ${usage}`);
  }
  if (values.date !== undefined && !parseDay(values.date)) {
    throw new AppError("USAGE", `--date: must be a real date, YYYY-MM-DD. ${usage}`);
  }
  if (command === "arxiv-ids" && positionals.length === 0 && !values["from-file"]) {
    throw new AppError("USAGE", `arxiv-ids needs at least one id. ${usage}`);
  }
  if (command !== "arxiv-ids" && positionals.length > 0) {
    throw new AppError("USAGE", `unexpected argument ${positionals[0]}. ${usage}`);
  }

  const env = loadEnv();
  const db = await openDatabase(env);
  const prisma = createPrismaClient(db.url, 4);
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${command} [{bar}] {percentage}%`, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const options: ImportOptions = {
    fromFile: values["from-file"],
    onProgress: (done, total) => {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
  };
  try {
    await deployMigrations(db.url);
    let outcome: ImportOutcome;
    if (command === "arxiv-feed") outcome = await importArxivFeed(prisma, { ...options, categories });
    else if (command === "arxiv-ids") outcome = await importArxivIds(prisma, positionals, options);
    else outcome = await importHfDaily(prisma, { ...options, date: values.date });
    if (started) bar.stop();
    for (const line of report(command, outcome)) console.log(line);
    if (outcome.status === "FAILED" || outcome.counts.failed > 0) process.exitCode = 1;
  } finally {
    if (started) bar.stop();
    await prisma.$disconnect();
    await db.release();
  }
});

function readArgs() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      categories: { type: "string", multiple: true },
      date: { type: "string" },
      "from-file": { type: "string" },
    },
  });
  const [command, ...rest] = positionals;
  if (command !== "arxiv-feed" && command !== "arxiv-ids" && command !== "hf-daily") {
    throw new Error(command ? `unknown source ${command}` : "which source?");
  }
  if (values.categories && command !== "arxiv-feed") throw new Error("--categories is for arxiv-feed");
  if (values.date && command !== "hf-daily") throw new Error("--date is for hf-daily");
  return { command, positionals: rest, values };
}

/** The summary line, then each failure (and each notable skip) with its reason. */
function report(command: string, outcome: ImportOutcome): string[] {
  const { counts } = outcome;
  const tally = `${counts.created} new, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.skipped} skipped, ${counts.failed} failed`;
  const note = outcome.message ? ` — ${outcome.status === "FAILED" ? "FAILED: " : ""}${outcome.message}` : "";
  const lines = [`${command} ${outcome.target}: ${tally}${note}`];
  const items = [
    ...counts.errors.map((item) => `  failed ${item.id}: ${item.reason}`),
    ...(counts.skippedItems ?? [])
      .filter((item) => item.reason !== SKIPPED_REPLACE_REASON)
      .map((item) => `  skipped ${item.id}: ${item.reason}`),
  ];
  lines.push(...items.slice(0, MAX_LISTED));
  if (items.length > MAX_LISTED)
    lines.push(`  … and ${items.length - MAX_LISTED} more (see the import run ${outcome.runId})`);
  return lines;
}
