import "server-only";
import { addDays, dayToDate, today } from "@/lib/dates/days";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { listedPaperCondition } from "@/lib/papers/visibility";
import { buildVocabulary, paperTerms, vectorize, type SparseVector, type Vocabulary } from "@/lib/recommend/text";

/**
 * For you's candidates: the papers of the last `CANDIDATE_DAYS` days, featured on a daily list or announced
 * on arXiv (New on arXiv), listed (not hidden, not withdrawn), each with its tf-idf vector. Built in one
 * query and kept in this process's memory for `INDEX_FRESH_MS`; after that the next request is answered from
 * the old index while a new one is built beside it, so no member waits for a rebuild but the first. What must
 * be exact per request — a paper hidden or withdrawn since, the member's own votes and mutes — is checked
 * again on every request (data.ts), so an index a few minutes old only misses the newest papers.
 */

/** How far back candidates go: a month of papers, the reading a member may still catch up on. */
export const CANDIDATE_DAYS = 30;

/** How long an index is used before it is rebuilt (in the background, the old one serving meanwhile). */
export const INDEX_FRESH_MS = 5 * 60_000;

export interface Candidate {
  id: string;
  title: string;
  /** Lower-cased title and abstract, where followed and muted keywords are looked for. */
  text: string;
  authors: string[];
  categories: string[];
  upvotes: number;
  vector: SparseVector;
}

export interface CandidateIndex {
  /** The first day of the window ("YYYY-MM-DD"). */
  since: string;
  candidates: Candidate[];
  byId: Map<string, number>;
  vocabulary: Vocabulary;
  /**
   * Vectors of liked papers outside the window, over this index's vocabulary, as members' requests read them
   * (liked.ts): popular papers are liked by many, so most requests find theirs here. Bounded by `OUTSIDE_MAX`.
   */
  outside: Map<string, { title: string; vector: SparseVector }>;
  /**
   * Two zeroed arrays of the vocabulary's length that ranking (synchronous) borrows and zeroes again: a member's
   * profile, and a candidate spread out to find its closest liked paper. Not allocated per request.
   */
  buffers: { profile: Float32Array; scratch: Float32Array };
  builtAt: number;
}

/** How many liked papers outside the window an index keeps the vectors of (a few hundred bytes each). */
export const OUTSIDE_MAX = 50_000;

/** A client that can run a raw query: the app's Prisma client, or a benchmark's own. */
export type Database = Pick<PrismaClient, "$queryRawUnsafe">;

interface CandidateRow {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  categories: string[];
  upvoteCount: number;
}

const CANDIDATES_SQL = `
SELECT p.id, p.title, p.abstract, p.authors, p.categories, p."upvoteCount"
FROM "Paper" p
WHERE ${listedPaperCondition("p")}
  AND p.id IN (
    SELECT d."paperId" FROM "DailyPaper" d WHERE d.day >= $1::date
    UNION
    SELECT a.id FROM "Paper" a WHERE a."announcedOn" >= $1::date
  )
ORDER BY p.id`;

/** Reads the window starting at `since` and builds its index. */
export async function buildCandidateIndex(db: Database, since: string, now = Date.now()): Promise<CandidateIndex> {
  const rows = await db.$queryRawUnsafe<CandidateRow[]>(CANDIDATES_SQL, dayToDate(since));
  const documents = rows.map((row) => paperTerms(row.title, row.abstract));
  const vocabulary = buildVocabulary(documents);
  const candidates = rows.map((row, i): Candidate => {
    return {
      id: row.id,
      title: row.title,
      text: `${row.title} ${row.abstract}`.toLowerCase().replace(/\s+/g, " "),
      authors: row.authors,
      categories: row.categories,
      upvotes: row.upvoteCount,
      vector: vectorize(documents[i]!, vocabulary),
    };
  });
  return {
    since,
    candidates,
    byId: new Map(candidates.map((candidate, i) => [candidate.id, i])),
    vocabulary,
    outside: new Map(),
    buffers: {
      profile: new Float32Array(vocabulary.idf.length),
      scratch: new Float32Array(vocabulary.idf.length),
    },
    builtAt: now,
  };
}

interface CacheEntry {
  index: CandidateIndex | null;
  building: Promise<CandidateIndex> | null;
}

/** One cache per database client (the app has one; a benchmark or a test may bring its own). */
const caches = new WeakMap<Database, Map<string, CacheEntry>>();

/**
 * The candidate index of today's window for `db`: built on first use, then served from memory, rebuilt in
 * the background once it is older than `INDEX_FRESH_MS`. A new day starts a new window (and drops the old).
 */
export async function candidateIndex(db: Database, now = new Date()): Promise<CandidateIndex> {
  const since = addDays(today(now), -CANDIDATE_DAYS);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let entry = cache.get(since);
  if (!entry) {
    cache.clear();
    cache.set(since, (entry = { index: null, building: null }));
  }
  const current = entry;
  const rebuild = () => {
    current.building ??= buildCandidateIndex(db, since, now.getTime())
      .then((index) => (current.index = index))
      .finally(() => (current.building = null));
    return current.building;
  };
  if (!current.index) return rebuild();
  if (now.getTime() - current.index.builtAt > INDEX_FRESH_MS) {
    // A failed background rebuild leaves the old index serving; the next request tries again.
    rebuild().catch((error: unknown) => console.error("For you: rebuilding the candidate index failed", error));
  }
  return current.index;
}

/** Forgets every cached index of `db`: for tests, which change the papers between requests. */
export function forgetCandidateIndex(db: Database): void {
  caches.delete(db);
}
