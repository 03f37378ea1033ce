import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import type { ImportSource, ImportStatus, PrismaClient } from "@/lib/generated/prisma/client";
import { loadEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseArxivApi } from "@/lib/ingest/arxiv-api";
import { parseArxivListing } from "@/lib/ingest/arxiv-listing";
import { IngestParseError } from "@/lib/ingest/arxiv-text";
import {
  expectedEmptyReason,
  isAnnouncementDay,
  latestAnnouncementEvening,
  weekdayOf,
} from "@/lib/dates/arxiv-calendar";
import { parseHfDaily } from "@/lib/ingest/hf-daily";
import { IMPORT_HEARTBEAT_MS, IMPORT_STALE_AFTER_MS, interruptedMessage } from "@/lib/ingest/run-status";
import { politeGet, UpstreamError, type GetResult, type HttpOptions } from "@/lib/ingest/http";
import type { ArxivRecord, ImportCounts, ParseResult, RejectedItem } from "@/lib/ingest/records";
import { SKIPPED_REPLACE_REASON, storeArxivRecords, storeHfDaily } from "@/lib/ingest/store";
import { parseArxivId } from "@/lib/papers/arxiv-id";
import { parseDay, toDayString } from "@/lib/dates/days";

/**
 * The importers: each pulls one source (or reads a recorded response with `fromFile`), parses it, stores
 * it, and records an ImportRun (RUNNING → SUCCEEDED / EMPTY / PARTIAL / FAILED). A run never writes half
 * of a response: everything is fetched and parsed before anything is stored, and storing is one
 * transaction, so a cut-off body, an HTTP error, an arXiv error document or an outage leaves the database
 * as it was and the run FAILED with the reason.
 */

/** How one import run ended (the ImportRun row it recorded, and what it found). */
export interface ImportOutcome {
  runId: string;
  status: "SUCCEEDED" | "EMPTY" | "PARTIAL" | "FAILED";
  counts: ImportCounts;
  /** One sentence on the run as a whole, when there is something to say. */
  message?: string;
  /** The bare ids the source returned (for `importArxivIds`: those arXiv knows). */
  foundIds: string[];
  /** What was asked ("cs.AI+cs.CL", the ids, the date), as the run records it. */
  target: string;
  /** `importArxivIds` with `publishedSince`: the ids arXiv returned but that were submitted before it. */
  tooOld?: { id: string; publishedAt: Date }[];
}

export interface ImportOptions {
  /** Read this recorded response instead of calling the source. */
  fromFile?: string;
  /** Timeouts, retries and spacing of the HTTP calls (tests shorten them). */
  http?: HttpOptions;
  /** The time the announcement calendar is read at (tests pin it). */
  now?: Date;
  /** Called as the run advances: `done` of `total` steps. */
  onProgress?: (done: number, total: number) => void;
}

/** At most this many ids per export API request (arXiv's guidance for id_list). */
export const API_BATCH_SIZE = 100;

/**
 * Imports the latest announcement of arXiv's listing feed for `categories` (default ARXIV_CATEGORIES),
 * all in one request (`<ARXIV_RSS_URL>/rss/cs.AI+cs.CL`), conditionally: an unchanged feed is a 304 and
 * an EMPTY run. An empty feed on an evening arXiv does not announce is EMPTY too, with the reason; on an
 * announcement day it is FAILED, to be pulled again.
 */
export async function importArxivFeed(
  prisma: PrismaClient,
  options: ImportOptions & { categories?: string[] } = {},
): Promise<ImportOutcome> {
  const env = loadEnv();
  const categories = options.categories?.length ? options.categories : env.ARXIV_CATEGORIES.split(",");
  const joined = categories.map((c) => c.trim()).join("+");
  const url = `${env.ARXIV_RSS_URL.replace(/\/+$/, "")}/rss/${joined}`;
  // A recorded feed covers whatever it was recorded for, not the configured categories.
  const target = options.fromFile && !options.categories?.length ? path.basename(options.fromFile) : joined;
  const progress = options.onProgress ?? (() => {});
  return recordRun(
    prisma,
    "ARXIV_FEED",
    target,
    async () => {
      progress(0, 3);
      const response = await getOrRead(prisma, url, "arxiv", options, parseArxivListing);
      if (response.kind === "not-modified") return unchangedRun(response, progress);
      progress(1, 3);
      const parsed = readOrThrow(response.body, parseArxivListing, "arXiv's listing feed");
      progress(2, 3);
      if (parsed.records.length === 0 && parsed.rejected.length === 0) {
        progress(3, 3);
        return emptyFeed(options, parsed.announcedOn);
      }
      const counts = await storeArxivRecords(prisma, parsed.records, "feed");
      await response.remember();
      progress(3, 3);
      return withRejected(counts, parsed.rejected, parsed.records);
    },
    options.now,
  );
}

/**
 * Fetches `ids` from the arXiv export API (`?id_list=`, batches of up to 100, `max_results` set) and
 * stores them. Ids that are not arXiv ids, ids arXiv refuses (HTTP 400: a batch is halved until the
 * refused id is alone) and ids arXiv does not know are `skipped` with the reason; `foundIds` lists those
 * arXiv returned. Only the asked ids are stored, whatever else the answer holds. With `publishedSince`, a
 * paper first submitted before it is not stored either (`tooOld`). With `fromFile`, the records of that
 * response (only `ids`' when some are given).
 */
export async function importArxivIds(
  prisma: PrismaClient,
  ids: string[],
  options: ImportOptions & { publishedSince?: Date } = {},
): Promise<ImportOutcome> {
  const env = loadEnv();
  const wanted: string[] = [];
  const invalid: RejectedItem[] = [];
  for (const raw of ids) {
    const id = parseArxivId(raw);
    if (!id) invalid.push({ id: raw, reason: "not an arXiv id" });
    else if (!wanted.includes(id)) wanted.push(id);
  }
  const target = describeIds(options.fromFile && wanted.length === 0 ? ["(all in file)"] : wanted);
  const progress = options.onProgress ?? (() => {});
  return recordRun(
    prisma,
    "ARXIV_API",
    target,
    async () => {
      const batches = options.fromFile ? [wanted] : chunk(wanted, API_BATCH_SIZE);
      const records: ArxivRecord[] = [];
      const rejected: RejectedItem[] = [];
      const refused: RejectedItem[] = [];
      for (let done = 0; done < batches.length; done++) {
        progress(done, batches.length + 1);
        const batch = batches[done] ?? [];
        const url = `${env.ARXIV_API_URL}?${new URLSearchParams({
          id_list: batch.join(","),
          start: "0",
          max_results: String(batch.length),
        }).toString()}`;
        let response: GetResult;
        try {
          response = await getOrRead(prisma, url, "arxiv", options, parseArxivApi);
        } catch (error) {
          if (!(error instanceof ArxivRefusedRequest)) throw error;
          // arXiv refuses the whole request for one id it cannot read: find it by halving the batch.
          if (batch.length > 1) {
            const half = Math.ceil(batch.length / 2);
            batches.splice(done + 1, 0, batch.slice(0, half), batch.slice(half));
          } else {
            refused.push({ id: batch[0] ?? "?", reason: `arXiv does not know this id (${error.arxivMessage})` });
          }
          continue;
        }
        if (response.kind === "not-modified")
          throw new Error("the export API answered 304 to an unconditional request");
        const parsed = readOrThrow(response.body, parseArxivApi, "arXiv's export API response");
        records.push(...parsed.records);
        rejected.push(...parsed.rejected);
      }
      progress(batches.length, batches.length + 1);
      // An answer may hold papers never asked for (arXiv's own quirks, a file of other ids): not ours to store.
      const asked = (id: string) => wanted.length === 0 || wanted.includes(id);
      const answered = records.filter((record) => asked(record.id));
      const tooOld = options.publishedSince
        ? answered.filter((record) => record.publishedAt && record.publishedAt < options.publishedSince!)
        : [];
      const kept = answered.filter((record) => !tooOld.includes(record));
      const counts = kept.length > 0 ? await storeArxivRecords(prisma, kept, "api") : emptyCounts();
      const failedHere = rejected.filter((item) => asked(item.id) || !parseArxivId(item.id));
      const found = new Set(answered.map((record) => record.id));
      const unknown = wanted.filter(
        (id) => !found.has(id) && ![...failedHere, ...refused].some((item) => item.id === id),
      );
      const skipped = [
        ...invalid,
        ...refused,
        ...tooOld.map((record) => ({
          id: record.id,
          reason: `first submitted to arXiv on ${toDayString(record.publishedAt!)}, before ${toDayString(options.publishedSince!)}`,
        })),
        ...unknown.map((id) => ({
          id,
          reason: options.fromFile ? "not in the file" : "arXiv has no paper with this id",
        })),
      ];
      counts.skipped += skipped.length;
      counts.skippedItems = [...(counts.skippedItems ?? []), ...skipped];
      const result = withRejected(counts, failedHere, kept);
      progress(batches.length + 1, batches.length + 1);
      const withOld = {
        ...result,
        tooOld: tooOld.map((record) => ({ id: record.id, publishedAt: record.publishedAt! })),
      };
      if (kept.length === 0 && failedHere.length === 0) {
        return {
          ...withOld,
          status: "EMPTY",
          message:
            wanted.length === 0
              ? "no arXiv ids to import"
              : tooOld.length > 0
                ? "every paper arXiv returned is older than asked for"
                : "arXiv knows none of these ids",
        };
      }
      return withOld;
    },
    options.now,
  );
}

/**
 * Fills in up to `limit` papers a listing feed left incomplete (`arxivFetchedAt` null: no submission
 * date, comment or DOI yet) from the export API, newest first. Undefined when there is nothing to do.
 */
export async function refreshIncompletePapers(
  prisma: PrismaClient,
  limit: number,
  options: ImportOptions = {},
): Promise<ImportOutcome | undefined> {
  const papers = await prisma.paper.findMany({
    where: { arxivFetchedAt: null, hiddenAt: null },
    select: { id: true },
    // Newest change first: a paper a listing just announced, or whose newer version it just announced.
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: limit,
  });
  if (papers.length === 0) return undefined;
  return importArxivIds(
    prisma,
    papers.map((paper) => paper.id),
    options,
  );
}

/**
 * Imports Hugging Face's daily list of `date` (default: today, UTC) from `<HF_API_URL>/api/daily_papers`:
 * papers with HF's extras, placed on that day with HF's submitters. An empty list is EMPTY.
 */
export async function importHfDaily(
  prisma: PrismaClient,
  options: ImportOptions & { date?: string } = {},
): Promise<ImportOutcome> {
  const env = loadEnv();
  const date = options.date ?? toDayString(options.now ?? new Date());
  if (!parseDay(date)) throw new AppError("INVALID_INPUT", `Not a date: ${date} (use YYYY-MM-DD).`);
  const url = `${env.HF_API_URL.replace(/\/+$/, "")}/api/daily_papers?date=${date}`;
  const progress = options.onProgress ?? (() => {});
  return recordRun(
    prisma,
    "HF_DAILY",
    date,
    async () => {
      progress(0, 3);
      const response = await getOrRead(prisma, url, "huggingface", options);
      if (response.kind === "not-modified") return unchangedRun(response, progress);
      progress(1, 3);
      let json: unknown;
      try {
        json = JSON.parse(response.body);
      } catch (error) {
        throw new IngestParseError(
          `Hugging Face's response is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
        );
      }
      const parsed = parseHfDaily(json);
      if (parsed.kind === "source-error") throw new AppError("UPSTREAM_FAILED", parsed.message);
      progress(2, 3);
      if (parsed.records.length === 0 && parsed.rejected.length === 0) {
        progress(3, 3);
        return { status: "EMPTY", message: `Hugging Face has no papers on its list for ${date} (yet)`, ...nothing() };
      }
      const counts = await storeHfDaily(prisma, parsed.records);
      await response.remember();
      progress(3, 3);
      return withRejected(
        counts,
        parsed.rejected,
        parsed.records.map((record) => record.paper),
      );
    },
    options.now,
  );
}

// ---------------------------------------------------------------------------------------------------------

interface RunResult {
  status: ImportOutcome["status"];
  counts: ImportCounts;
  message?: string;
  foundIds: string[];
  tooOld?: { id: string; publishedAt: Date }[];
}

/**
 * Records every RUNNING run whose heartbeat stopped as FAILED, interrupted, ending at its last heartbeat.
 * Called as each run starts, so a killed import does not stay RUNNING on /admin. Returns how many.
 */
export async function recordInterruptedRuns(prisma: PrismaClient, now: Date = new Date()): Promise<number> {
  const stale = await prisma.importRun.findMany({
    where: { status: "RUNNING", heartbeatAt: { lt: new Date(now.getTime() - IMPORT_STALE_AFTER_MS) } },
    select: { id: true, heartbeatAt: true },
  });
  for (const run of stale) {
    // Only if it is still RUNNING: a run that finished meanwhile keeps its own outcome.
    await prisma.importRun.updateMany({
      where: { id: run.id, status: "RUNNING" },
      data: { status: "FAILED", finishedAt: run.heartbeatAt, message: interruptedMessage(run.heartbeatAt) },
    });
  }
  return stale.length;
}

/**
 * Records the run around `work`: RUNNING first (with a heartbeat renewed while it works), then how it
 * ended. A failure is a FAILED run, not a throw.
 */
async function recordRun(
  prisma: PrismaClient,
  source: ImportSource,
  target: string,
  work: () => Promise<RunResult>,
  now?: Date,
): Promise<ImportOutcome> {
  await recordInterruptedRuns(prisma, now);
  const run = await prisma.importRun.create({ data: { source, target }, select: { id: true } });
  const heartbeat = setInterval(() => {
    prisma.importRun
      .update({ where: { id: run.id }, data: { heartbeatAt: new Date() }, select: { id: true } })
      .catch((error: unknown) => console.error(`[import] heartbeat of run ${run.id} failed`, error));
  }, IMPORT_HEARTBEAT_MS);
  heartbeat.unref();
  let result: RunResult;
  let bug: Error | undefined;
  try {
    result = await work();
  } catch (error) {
    if (!(error instanceof AppError)) bug = error instanceof Error ? error : new Error(String(error));
    const message =
      error instanceof AppError
        ? error.message
        : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    result = { status: "FAILED", message, ...nothing() };
  } finally {
    clearInterval(heartbeat);
  }
  await prisma.importRun.update({
    where: { id: run.id },
    data: {
      status: result.status satisfies ImportStatus,
      finishedAt: new Date(),
      heartbeatAt: new Date(),
      created: result.counts.created,
      updated: result.counts.updated,
      unchanged: result.counts.unchanged,
      skipped: result.counts.skipped,
      failed: result.counts.failed,
      message: result.message ?? null,
      errors: runErrors(result.counts).map((item) => ({ id: item.id, reason: item.reason })),
    },
  });
  // A bug (not an upstream's failure) is recorded on the run and still surfaces to whoever called.
  if (bug) throw bug;
  return { runId: run.id, target, ...result };
}

/** What the run row keeps per item: every failure, and skips other than a feed's routine version bumps. */
function runErrors(counts: ImportCounts): RejectedItem[] {
  const notable = (counts.skippedItems ?? []).filter((item) => item.reason !== SKIPPED_REPLACE_REASON);
  return [...counts.errors, ...notable.map((item) => ({ id: item.id, reason: `skipped: ${item.reason}` }))].slice(
    0,
    500,
  );
}

/**
 * The response body: from `fromFile`, or a polite GET (conditional for feeds). An HTTP error whose body is
 * an error document (arXiv's HTTP 400 error entry, a "Feed error" channel) fails with that document's words.
 */
async function getOrRead(
  prisma: PrismaClient,
  url: string,
  upstream: "arxiv" | "huggingface",
  options: ImportOptions,
  parseErrorDocument?: (body: string) => ParseResult<unknown>,
): Promise<GetResult> {
  if (options.fromFile) {
    let body: string;
    try {
      body = await fs.readFile(options.fromFile, "utf8");
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new AppError("INVALID_INPUT", `Cannot read ${options.fromFile}${code ? ` (${code})` : ""}.`);
    }
    return { kind: "ok", status: 200, body, remember: async () => {} };
  }
  try {
    return await politeGet(prisma, url, {
      ...options.http,
      upstream,
      conditional: !url.includes("id_list="),
    });
  } catch (error) {
    if (error instanceof UpstreamError && error.details.body && parseErrorDocument) {
      const document = tryParse(error.details.body, parseErrorDocument);
      if (document?.kind === "source-error") {
        // A 400 with arXiv's error entry is arXiv refusing what was asked (a malformed id), not an outage.
        if (error.details.status === 400) throw new ArxivRefusedRequest(document.message);
        throw new AppError("UPSTREAM_FAILED", `${document.message} (HTTP ${error.details.status}).`);
      }
    }
    throw error;
  }
}

/** arXiv answered HTTP 400 with its error entry: the request (an id in it) is what it refuses. */
class ArxivRefusedRequest extends AppError {
  constructor(readonly arxivMessage: string) {
    super("INVALID_INPUT", `${arxivMessage} (HTTP 400).`);
    this.name = "ArxivRefusedRequest";
  }
}

function tryParse<T>(body: string, parse: (body: string) => ParseResult<T>): ParseResult<T> | undefined {
  try {
    return parse(body);
  } catch {
    return undefined;
  }
}

/** Parses `body`; an unreadable body or an error document fails the run with the reason. */
function readOrThrow<T>(
  body: string,
  parse: (body: string) => ParseResult<T>,
  what: string,
): Extract<ParseResult<T>, { kind: "records" }> {
  let parsed: ParseResult<T>;
  try {
    parsed = parse(body);
  } catch (error) {
    if (error instanceof IngestParseError) {
      throw new AppError("UPSTREAM_FAILED", `${what} could not be read: ${error.message}`);
    }
    throw error;
  }
  if (parsed.kind === "source-error") throw new AppError("UPSTREAM_FAILED", parsed.message);
  return parsed;
}

/** An empty listing: expected (EMPTY, with the reason) on an evening arXiv does not announce, else FAILED. */
function emptyFeed(options: ImportOptions, feedDay: string | undefined): RunResult {
  if (options.fromFile)
    return { status: "EMPTY", message: `the feed in ${options.fromFile} lists no papers`, ...nothing() };
  const now = options.now ?? new Date();
  const expected = expectedEmptyReason(now);
  if (expected) return { status: "EMPTY", message: expected, ...nothing() };
  const evening = latestAnnouncementEvening(now);
  const day = isAnnouncementDay(evening) ? evening : undefined;
  return {
    status: "FAILED",
    message: `arXiv's feed lists no papers${feedDay ? ` for ${feedDay}` : ""}, although arXiv announces on ${day ? `${day} (${weekdayOf(day)})` : "this day"}; it will be pulled again`,
    ...nothing(),
  };
}

/** A conditional pull answered 304: the check is remembered, and the run is EMPTY, saying since when. */
async function unchangedRun(
  response: Extract<GetResult, { kind: "not-modified" }>,
  progress: NonNullable<ImportOptions["onProgress"]>,
): Promise<RunResult> {
  await response.remember();
  progress(3, 3);
  return {
    status: "EMPTY",
    message: `unchanged since the last pull at ${formatTime(response.lastCheckedAt)}`,
    ...nothing(),
  };
}

/** Adds the items a parser could not read as failures, and decides the status. */
function withRejected(counts: ImportCounts, rejected: RejectedItem[], records: { id: string }[]): RunResult {
  const all: ImportCounts = {
    ...counts,
    failed: counts.failed + rejected.length,
    errors: [...rejected, ...counts.errors],
  };
  const written = all.created + all.updated + all.unchanged;
  const status: RunResult["status"] =
    all.failed === 0 ? "SUCCEEDED" : written > 0 || all.skipped > 0 ? "PARTIAL" : "FAILED";
  const foundIds = [...new Set(records.map((record) => record.id))];
  return {
    status,
    counts: all,
    foundIds,
    message: status === "FAILED" ? `every item failed (${all.failed})` : undefined,
  };
}

function nothing(): { counts: ImportCounts; foundIds: string[] } {
  return { counts: emptyCounts(), foundIds: [] };
}

function emptyCounts(): ImportCounts {
  return { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, errors: [], skippedItems: [] };
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function describeIds(ids: string[]): string {
  if (ids.length <= 5) return ids.join(", ");
  return `${ids.slice(0, 5).join(", ")} and ${ids.length - 5} more`;
}

function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
