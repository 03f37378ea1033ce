import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { arxivDayStart } from "@/lib/dates/arxiv-calendar";
import type { ArxivRecord, HfDailyRecord, ImportCounts } from "@/lib/ingest/records";
import { parseArxivId } from "@/lib/papers/arxiv-id";
import { dayToDate, parseDay, toDayString } from "@/lib/dates/days";
import { announceOutsideChange } from "@/lib/page-cache/revalidate";
import { importedUsernameCandidates } from "@/lib/users/handles";

/**
 * Writes parsed records into Paper (and DailyPaper, User for Hugging Face), idempotently and in any order.
 *
 * Who owns which field, so that two sources give the same rows whichever comes first:
 * - the export API owns arXiv's metadata (title, abstract, authors, categories, publishedAt, revisedAt,
 *   comment, DOI, journal ref, withdrawal; licence when it gives one) and sets `arxivFetchedAt`, unless it
 *   describes an older version than one seen;
 * - a listing feed writes that metadata only while `arxivFetchedAt` is null (and never over a newer version's),
 *   or when it announces a newer version, which also makes the paper due for the export API again;
 *   fills a missing licence, and owns `announcedOn`/`announceType` (the latest announcement wins);
 * - Hugging Face owns aiSummary, aiKeywords, githubRepo, githubStars, projectPage, organization,
 *   thumbnailUrl and its mirror fields (hfUpvotes, hfCommentCount, hfAuthorParticipating, mediaUrls,
 *   hfHiddenAuthors); while `arxivFetchedAt` is null it supplies the submission date (better than a feed's
 *   announcement-day stand-in) and, for papers no feed announced, the text;
 * - `version` is the highest any source reported; `hiddenAt`, counters and daily placement are never touched
 *   except that an HF item puts a paper that is on no day's list yet (and that no admin removed from one)
 *   on HF's day.
 *
 * Each call is one transaction (serialised with other imports by an advisory lock): existing rows are read
 * in one query, new ones created with createMany, and only changed rows updated, so storing the same
 * records again writes nothing.
 */

const paperFields = {
  id: true,
  title: true,
  abstract: true,
  authors: true,
  authorAffiliations: true,
  publishedAt: true,
  categories: true,
  version: true,
  revisedAt: true,
  arxivComment: true,
  doi: true,
  journalRef: true,
  license: true,
  aiSummary: true,
  aiKeywords: true,
  githubRepo: true,
  githubStars: true,
  projectPage: true,
  organization: true,
  thumbnailUrl: true,
  arxivFetchedAt: true,
  announcedOn: true,
  announceType: true,
  withdrawnAt: true,
  hfUpvotes: true,
  hfCommentCount: true,
  hfAuthorParticipating: true,
  mediaUrls: true,
  hfHiddenAuthors: true,
} satisfies Prisma.PaperSelect;

type PaperState = Prisma.PaperGetPayload<{ select: typeof paperFields }>;
type Field = Exclude<keyof PaperState, "id">;
const FIELDS = Object.keys(paperFields).filter((key) => key !== "id") as Field[];

type Tx = Prisma.TransactionClient;

/** Long enough for a large listing on a busy machine; a stuck import still ends. */
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 120_000 };

/** How the announce types of one day rank, when a paper is announced twice the same day. */
const ANNOUNCE_RANK: Record<string, number> = { new: 4, cross: 3, replace: 2, "replace-cross": 1 };

export const SKIPPED_REPLACE_REASON = "a new version of a paper not imported here";

function emptyCounts(): ImportCounts {
  return { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, errors: [], skippedItems: [] };
}

/**
 * Stores records from arXiv: `source` "api" (the export API, authoritative) or "feed" (a listing feed).
 * A feed's replace/replace-cross item for a paper not here is skipped. Throws, having written nothing,
 * when the database refuses a write.
 */
export async function storeArxivRecords(
  prisma: PrismaClient,
  records: ArxivRecord[],
  source: "feed" | "api",
): Promise<ImportCounts> {
  const counts = emptyCounts();
  if (records.length === 0) return counts;
  const stored = await prisma.$transaction(async (tx) => {
    await lockImports(tx);
    const now = new Date();
    const plan = await startPlan(
      tx,
      records.map((record) => record.id),
    );
    for (const record of records) {
      const invalid = invalidArxivRecord(record, source);
      if (invalid) {
        fail(counts, record.id, invalid);
        continue;
      }
      const before = plan.states.get(record.id);
      if (!before) {
        if (source === "feed" && record.announceType?.startsWith("replace")) {
          counts.skipped += 1;
          counts.skippedItems?.push({ id: record.id, reason: SKIPPED_REPLACE_REASON });
          continue;
        }
        plan.states.set(record.id, newPaperFromArxiv(record, source, now));
        counts.created += 1;
        continue;
      }
      const after = source === "api" ? mergeFromApi(before, record, now) : mergeFromFeed(before, record);
      plan.states.set(record.id, after);
      if (changedFields(before, after).length > 0) counts.updated += 1;
      else counts.unchanged += 1;
    }
    await writePlan(tx, plan);
    return counts;
  }, TRANSACTION_OPTIONS);
  // The running app's cached lists and pages drop what this import changed (see lib/page-cache/revalidate.ts).
  if (stored.created + stored.updated > 0) await announceOutsideChange();
  return stored;
}

/**
 * Stores Hugging Face's daily list: papers (HF's fields, and arXiv's while the export API has not been
 * read), each on HF's day unless it is already on a day's list, with its submitter as a member (username =
 * the HF handle when free, else `<handle>-hf`). Throws, having written nothing, when the database refuses
 * a write.
 */
export async function storeHfDaily(prisma: PrismaClient, records: HfDailyRecord[]): Promise<ImportCounts> {
  const counts = emptyCounts();
  if (records.length === 0) return counts;
  const stored = await prisma.$transaction(async (tx) => {
    await lockImports(tx);
    const plan = await startPlan(
      tx,
      records.map((record) => record.paper.id),
    );
    const ids = [...new Set(records.map((record) => record.paper.id))];
    const onAList = await tx.dailyPaper.findMany({ where: { paperId: { in: ids } }, select: { paperId: true } });
    // A paper an admin took off a day's list is not put back by the next pull of HF's list.
    const removed = await tx.adminAction.findMany({
      where: { action: "remove-from-day", targetId: { in: ids } },
      select: { targetId: true },
    });
    const placed = new Set([...onAList.map((row) => row.paperId), ...removed.map((row) => row.targetId)]);
    const valid = records.filter((record) => {
      const invalid = invalidArxivRecord(record.paper, "hf") ?? invalidHfRecord(record);
      if (invalid) fail(counts, record.paper.id, invalid);
      return !invalid;
    });
    const submitters = await submitterIds(
      tx,
      valid.flatMap((record) => (record.submitter ? [record.submitter] : [])),
    );
    const placements: Prisma.DailyPaperCreateManyInput[] = [];

    for (const record of valid) {
      const id = record.paper.id;
      const before = plan.states.get(id);
      const after = before ? mergeFromHf(before, record) : newPaperFromHf(record);
      plan.states.set(id, after);
      let placedNow = false;
      if (!placed.has(id)) {
        placed.add(id);
        placedNow = true;
        placements.push({
          paperId: id,
          day: dayToDate(record.day),
          submittedAt: record.submittedAt,
          submittedById: record.submitter ? (submitters.get(record.submitter.username) ?? null) : null,
        });
      }
      if (!before) counts.created += 1;
      else if (placedNow || changedFields(before, after).length > 0) counts.updated += 1;
      else counts.unchanged += 1;
    }
    await writePlan(tx, plan);
    if (placements.length > 0) await tx.dailyPaper.createMany({ data: placements });
    return counts;
  }, TRANSACTION_OPTIONS);
  // The running app's cached lists and pages drop what this import changed (see lib/page-cache/revalidate.ts).
  if (stored.created + stored.updated > 0) await announceOutsideChange();
  return stored;
}

/** Imports run one at a time, so two of them never race to create the same paper or member. */
async function lockImports(tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('daily-papers:ingest-store'))::text AS locked`;
}

interface Plan {
  /** What the database holds now, by id (read once). */
  existing: Map<string, PaperState>;
  /** What it should hold after this call. */
  states: Map<string, PaperState>;
}

async function startPlan(tx: Tx, ids: string[]): Promise<Plan> {
  const rows = await tx.paper.findMany({ where: { id: { in: [...new Set(ids)] } }, select: paperFields });
  const existing = new Map(rows.map((row) => [row.id, row]));
  return { existing, states: new Map(existing) };
}

/** Creates the new papers in one statement and updates only the fields that changed on the others. */
async function writePlan(tx: Tx, plan: Plan): Promise<void> {
  const creates: PaperState[] = [];
  const updates: { id: string; data: Prisma.PaperUpdateInput }[] = [];
  for (const [id, state] of plan.states) {
    const before = plan.existing.get(id);
    if (!before) {
      creates.push(state);
      continue;
    }
    const changed = changedFields(before, state);
    if (changed.length > 0) updates.push({ id, data: Object.fromEntries(changed.map((f) => [f, state[f]])) });
  }
  for (const { id, data } of updates) await tx.paper.update({ where: { id }, data, select: { id: true } });
  if (creates.length > 0) await tx.paper.createMany({ data: creates });
}

function fail(counts: ImportCounts, id: string, reason: string): void {
  counts.failed += 1;
  counts.errors.push({ id, reason });
}

function invalidArxivRecord(record: ArxivRecord, source: "feed" | "api" | "hf"): string | undefined {
  if (parseArxivId(record.id) !== record.id) return "not a bare arXiv id";
  if (!record.title.trim()) return "no title";
  if (!record.abstract.trim()) return "no abstract";
  if (record.authors.length === 0) return "no authors";
  if (record.version !== undefined && !(Number.isInteger(record.version) && record.version > 0)) {
    return `impossible version ${record.version}`;
  }
  if (source !== "feed" && !validDate(record.publishedAt)) return "no valid submission date";
  if (source === "feed" && (!record.announcedOn || !parseDay(record.announcedOn))) return "no announcement day";
  if (record.revisedAt !== undefined && !validDate(record.revisedAt)) return "invalid revision date";
  return undefined;
}

function invalidHfRecord(record: HfDailyRecord): string | undefined {
  if (!parseDay(record.day)) return `invalid day "${record.day}"`;
  if (!validDate(record.submittedAt)) return "invalid submission time";
  return undefined;
}

function validDate(date: Date | undefined): date is Date {
  return date instanceof Date && !Number.isNaN(date.getTime());
}

function blankPaper(id: string): PaperState {
  return {
    id,
    title: "",
    abstract: "",
    authors: [],
    authorAffiliations: [],
    publishedAt: new Date(0),
    categories: [],
    version: null,
    revisedAt: null,
    arxivComment: null,
    doi: null,
    journalRef: null,
    license: null,
    aiSummary: null,
    aiKeywords: [],
    githubRepo: null,
    githubStars: null,
    projectPage: null,
    organization: null,
    thumbnailUrl: null,
    arxivFetchedAt: null,
    announcedOn: null,
    announceType: null,
    withdrawnAt: null,
    hfUpvotes: null,
    hfCommentCount: null,
    hfAuthorParticipating: null,
    mediaUrls: [],
    hfHiddenAuthors: [],
  };
}

function newPaperFromArxiv(record: ArxivRecord, source: "feed" | "api", now: Date): PaperState {
  const blank = blankPaper(record.id);
  if (source === "api") return mergeFromApi(blank, record, now);
  // A feed gives no submission date: the announcement day stands in until the export API fills it.
  const day = record.announcedOn ?? toDayString(now);
  return mergeFromFeed({ ...blank, publishedAt: arxivDayStart(day) }, record);
}

function newPaperFromHf(record: HfDailyRecord): PaperState {
  return mergeFromHf(blankPaper(record.paper.id), record);
}

function higherVersion(stored: number | null, incoming: number | undefined): number | null {
  if (incoming === undefined) return stored;
  return stored === null ? incoming : Math.max(stored, incoming);
}

/**
 * The export API's view replaces arXiv's metadata (a licence it does not give is kept), unless it describes
 * an older version than one already seen: arXiv's API can lag its listing by a few hours, and then the paper
 * stays due for a refresh. A withdrawn version marks the paper withdrawn, from that version's date.
 */
function mergeFromApi(state: PaperState, record: ArxivRecord, now: Date): PaperState {
  if (record.version !== undefined && state.version !== null && record.version < state.version) return state;
  const next: PaperState = {
    ...state,
    title: record.title,
    abstract: record.abstract,
    authors: record.authors,
    authorAffiliations: affiliationsFor(state, record),
    categories: record.categories.length > 0 ? record.categories : state.categories,
    publishedAt: record.publishedAt ?? state.publishedAt,
    revisedAt: record.revisedAt ?? null,
    arxivComment: record.comment ?? null,
    doi: record.doi ?? null,
    journalRef: record.journalRef ?? null,
    license: record.license ?? state.license,
    version: higherVersion(state.version, record.version),
    withdrawnAt: record.withdrawn ? (state.withdrawnAt ?? record.revisedAt ?? now) : null,
  };
  // Only a change (or the first fetch) moves the fetch time, so re-storing the same response writes nothing.
  if (state.arxivFetchedAt === null || changedFields(state, next).length > 0) next.arxivFetchedAt = now;
  return next;
}

/**
 * A record's affiliations, parallel to its authors; when it names none (the export API rarely does), those
 * a listing gave the same authors are kept.
 */
function affiliationsFor(state: PaperState, record: ArxivRecord): string[] {
  if (record.affiliations?.some((affiliation) => affiliation !== "")) return record.affiliations;
  const sameAuthors =
    state.authors.length === record.authors.length && state.authors.every((name, i) => name === record.authors[i]);
  return sameAuthors ? state.authorAffiliations : [];
}

/**
 * A listing item: arXiv's metadata only while the export API has not spoken, or when the item announces a
 * newer version than the one stored (a `replace`): then its text is the new version's, and the paper is due
 * for the export API again (`arxivFetchedAt` null), which brings that version's dates, comment, journal ref,
 * DOI, and any withdrawal.
 */
function mergeFromFeed(state: PaperState, record: ArxivRecord): PaperState {
  const next: PaperState = { ...state, version: higherVersion(state.version, record.version) };
  const atLeastAsNew = state.version === null || record.version === undefined || record.version >= state.version;
  const newerVersion = state.version !== null && record.version !== undefined && record.version > state.version;
  if ((state.arxivFetchedAt === null && atLeastAsNew) || newerVersion) {
    next.title = record.title;
    next.abstract = record.abstract;
    next.authors = record.authors;
    next.authorAffiliations = affiliationsFor(state, record);
    if (record.categories.length > 0) next.categories = record.categories;
    if (record.doi) next.doi = record.doi;
    if (record.journalRef) next.journalRef = record.journalRef;
    if (record.license) next.license = record.license;
    if (record.withdrawn) next.withdrawnAt ??= arxivDayStart(record.announcedOn ?? toDayString(new Date()));
    if (newerVersion) next.arxivFetchedAt = null;
  } else if (next.license === null && record.license) {
    next.license = record.license;
  }
  if (record.announcedOn && record.announceType && isLaterAnnouncement(state, record)) {
    next.announcedOn = dayToDate(record.announcedOn);
    next.announceType = record.announceType;
  }
  return next;
}

function isLaterAnnouncement(state: PaperState, record: ArxivRecord): boolean {
  if (!state.announcedOn || !record.announcedOn) return true;
  const stored = toDayString(state.announcedOn);
  if (record.announcedOn !== stored) return record.announcedOn > stored;
  return (ANNOUNCE_RANK[record.announceType ?? ""] ?? 0) > (ANNOUNCE_RANK[state.announceType ?? ""] ?? 0);
}

function mergeFromHf(state: PaperState, record: HfDailyRecord): PaperState {
  const { paper } = record;
  const next: PaperState = { ...state };
  if (state.arxivFetchedAt === null) {
    if (paper.publishedAt) next.publishedAt = paper.publishedAt;
    // A listing feed's text is arXiv's own; HF's copy only stands in for papers no feed announced.
    if (state.announcedOn === null) {
      next.title = paper.title;
      next.abstract = paper.abstract;
      next.authors = paper.authors;
    }
  }
  if (paper.aiSummary !== undefined) next.aiSummary = paper.aiSummary;
  if (paper.aiKeywords !== undefined) next.aiKeywords = paper.aiKeywords;
  if (paper.githubRepo !== undefined) next.githubRepo = paper.githubRepo;
  if (paper.githubStars !== undefined) next.githubStars = paper.githubStars;
  if (paper.projectPage !== undefined) next.projectPage = paper.projectPage;
  if (paper.organization !== undefined) next.organization = paper.organization;
  if (paper.thumbnailUrl !== undefined) next.thumbnailUrl = paper.thumbnailUrl;
  if (paper.hfUpvotes !== undefined) next.hfUpvotes = paper.hfUpvotes;
  if (paper.hfCommentCount !== undefined) next.hfCommentCount = paper.hfCommentCount;
  if (paper.hfAuthorParticipating !== undefined) next.hfAuthorParticipating = paper.hfAuthorParticipating;
  if (paper.mediaUrls !== undefined) next.mediaUrls = paper.mediaUrls;
  // Positions in HF's author list: they mean the same only while the stored list is HF's own.
  if (paper.hfHiddenAuthors !== undefined) {
    const sameAuthors =
      next.authors.length === paper.authors.length && next.authors.every((name, i) => name === paper.authors[i]);
    next.hfHiddenAuthors = sameAuthors ? paper.hfHiddenAuthors : [];
  }
  return next;
}

function changedFields(before: PaperState, after: PaperState): Field[] {
  return FIELDS.filter((field) => !sameValue(before[field], after[field]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** The provider name that links an imported member to their Hugging Face handle (an Account row). */
export const HF_PROVIDER = "huggingface";

/**
 * The member standing for each HF submitter, created on first sight: username = the handle when no one
 * here has it, else `<handle>-hf` (numbered further if that is taken too). No email: they cannot sign in
 * until they claim the account. Returns handle → user id.
 */
async function submitterIds(
  tx: Tx,
  submitters: { username: string; fullname?: string }[],
): Promise<Map<string, string>> {
  const byHandle = new Map(submitters.map((submitter) => [submitter.username, submitter]));
  const ids = new Map<string, string>();
  if (byHandle.size === 0) return ids;
  const linked = await tx.account.findMany({
    where: { provider: HF_PROVIDER, providerAccountId: { in: [...byHandle.keys()] } },
    select: { providerAccountId: true, userId: true },
  });
  for (const account of linked) ids.set(account.providerAccountId, account.userId);
  for (const [handle, submitter] of byHandle) {
    if (ids.has(handle)) continue;
    const username = await freeUsername(tx, handle);
    const user = await tx.user.create({
      data: {
        username,
        name: submitter.fullname ?? handle,
        accounts: { create: { type: "import", provider: HF_PROVIDER, providerAccountId: handle } },
      },
      select: { id: true },
    });
    ids.set(handle, user.id);
  }
  return ids;
}

async function freeUsername(tx: Tx, handle: string): Promise<string> {
  const candidates = importedUsernameCandidates(handle);
  const taken = new Set(
    (await tx.user.findMany({ where: { username: { in: candidates } }, select: { username: true } })).map(
      (user) => user.username,
    ),
  );
  const free = candidates.find((candidate) => !taken.has(candidate));
  if (!free) throw new Error(`No free username for the Hugging Face handle "${handle}".`);
  return free;
}
