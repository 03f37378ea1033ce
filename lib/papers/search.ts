import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays, dayToDate } from "@/lib/dates/days";
import { FRAGMENT_DELIMITER } from "@/lib/papers/highlights";
import type { Page, PaperSummary, SearchHit } from "@/lib/papers/schema";
import { toSummary, type SummaryRow } from "@/lib/papers/summary";
import { visiblePaperSql } from "@/lib/papers/visibility";

/**
 * How many matches a search counts and ranks. Past it the page says "more than 1,000", as web search
 * engines do: counting or ranking all of 20,000 matches would read 20,000 rows of a 100,000-paper table on
 * every search, however few of them the reader looks at.
 */
export const SEARCH_RESULT_CAP = 1000;

/**
 * How many results are listed when more than the cap match. They then come most upvoted first, by walking
 * the upvote index: to its 1,000th match, a word in 1% of 100,000 titles would walk all 100,000 papers; to
 * its 200th, 20,000. Readers seldom go past the first pages.
 */
export const SEARCH_LISTED_PAST_CAP = 200;

/** One page of search results. */
export interface SearchResults extends Page<SearchHit> {
  /** More papers match than the cap: `total` is the cap. */
  totalCapped: boolean;
  /** How many results the pages list: `total`, or SEARCH_LISTED_PAST_CAP when it is capped. */
  listed: number;
}

/** The counts, then (when the page has any) one hit per row: its summary's columns and highlights. */
type HitRow = { titles: number; others: number } & (
  | { id: null }
  | (Omit<SummaryRow, "daily"> & {
      day: Date | null;
      submittedAt: Date | null;
      submitterId: string | null;
      submitterUsername: string | null;
      submitterName: string | null;
      titleHighlight?: string;
      abstractHighlight?: string;
    })
);

/**
 * Full-text search over title, authors and abstract, with highlighted excerpts. `query` is free text as
 * typed (quotes, OR and -word work). `cap` and `listedPastCap` are for tests, which cannot afford a
 * thousand matches.
 *
 * The order, and why each part stays cheap however many papers match:
 * 1. A title equal to the query (in any case), through the index on lower(title).
 * 2. Papers whose title matches, found through the title-only vector's small GIN index. When they fit
 *    under the cap they are all ranked: query words close together in the title first (ts_rank_cd on the
 *    title), then the most upvoted. Past the cap, the most upvoted first.
 * 3. Papers that match through their authors or abstract only: ranked on the whole weighted text
 *    (authors above abstract) when every match fits under the cap, else the most upvoted first.
 * Counting and ranking read at most the cap's worth of rows. "Most upvoted first" walks the upvote index
 * and stops when the page is full, which is soon: there are then over a thousand matches, so they are
 * common among the popular papers too.
 */
export async function searchPapers(
  query: string,
  page: number,
  pageSize = 20,
  options: SearchOptions = {},
): Promise<SearchResults> {
  const { rows, ...counts } = await findMatches(query, page, pageSize, options, true);
  const items = rows.map(({ titleHighlight, abstractHighlight, ...row }) => ({
    ...toSummary(row),
    titleHighlight: titleHighlight ?? "",
    abstractHighlight: abstractHighlight ?? "",
  }));
  return { items, ...counts, page, pageSize, pageCount: Math.ceil(counts.listed / pageSize) };
}

/**
 * The first `limit` results of `searchPapers`, in its order, without highlighted excerpts (the JSON API has
 * no place for them): ts_headline reads each result's whole abstract again, a third of a search's time
 * in the database.
 */
export async function searchPaperSummaries(
  query: string,
  limit: number,
  filter: SearchFilter = {},
): Promise<PaperSummary[]> {
  const { rows } = await findMatches(query, 1, limit, { filter }, false);
  return rows.map(({ titleHighlight: _t, abstractHighlight: _a, ...row }) => toSummary(row));
}

interface SearchOptions {
  cap?: number;
  listedPastCap?: number;
  filter?: SearchFilter;
}

/**
 * Which papers a search may find beyond the listed ones: one arXiv category, and arXiv dates from `from` to
 * `to` (UTC days, inclusive). Applied before the cap, so a narrow filter still finds its matches.
 */
export interface SearchFilter {
  category?: string | null;
  from?: string;
  to?: string;
}

/** The listed papers (`p`) that `filter` lets through, as SQL. */
function searchableSql({ category = null, from, to }: SearchFilter): Prisma.Sql {
  const conditions = [visiblePaperSql(category)];
  if (from) conditions.push(Prisma.sql`p."publishedAt" >= ${dayToDate(from)}`);
  if (to) conditions.push(Prisma.sql`p."publishedAt" < ${dayToDate(addDays(to, 1))}`);
  return Prisma.join(conditions, " AND ");
}

/** A result's summary row, and its highlights when they were asked for. */
type MatchRow = SummaryRow & { titleHighlight?: string; abstractHighlight?: string };

async function findMatches(
  query: string,
  page: number,
  pageSize: number,
  { cap = SEARCH_RESULT_CAP, listedPastCap = SEARCH_LISTED_PAST_CAP, filter = {} }: SearchOptions,
  highlights: boolean,
): Promise<{ rows: MatchRow[]; total: number; totalCapped: boolean; listed: number }> {
  const offset = (page - 1) * pageSize;
  // Where the page ends: rows past the cap are never ordered, nor past the listed ones when it is exceeded
  // (the walks only run then). A page past them is empty but still carries the count.
  const end = Math.max(Math.min(offset + pageSize, cap), offset);
  const walkEnd = Math.max(Math.min(end, listedPastCap), offset);
  // The title as typed, even in quotes, whatever the spacing.
  const title = query.replaceAll('"', " ").trim().replace(/\s+/g, " ");
  const searchable = searchableSql(filter);
  const rows = await prisma.$queryRaw<HitRow[]>`
    WITH ${matchesSql(query, title, cap, searchable)},
    ordered AS (${orderedSql(cap, end, walkEnd, searchable)}),
    page AS (SELECT id, part, ord FROM ordered ORDER BY part, ord OFFSET ${offset} LIMIT ${end - offset})
    SELECT c.titles, c.others, page.id, ${SUMMARY_COLUMNS}${highlights ? HEADLINE_COLUMNS : Prisma.empty}
    FROM counts c CROSS JOIN q LEFT JOIN page ON true LEFT JOIN "Paper" p ON p.id = page.id
      LEFT JOIN "DailyPaper" d ON d."paperId" = p.id LEFT JOIN "User" u ON u.id = d."submittedById"
    ORDER BY page.part, page.ord`;

  const { titles = 0, others = 0 } = rows[0] ?? {};
  const total = Math.min(titles + others, cap);
  const totalCapped = titles + others > cap;
  const listed = totalCapped ? Math.min(listedPastCap, cap) : total;
  const matches = rows.flatMap((row) => (row.id === null ? [] : [toMatchRow(row)]));
  return { rows: matches.slice(0, Math.max(listed - offset, 0)), total, totalCapped, listed };
}

/**
 * The highlighted title and abstract excerpt: matches between the \u0001 and \u0002 markers the page turns into
 * <mark>, fragments between FRAGMENT_DELIMITERs, which lib/papers/highlights.ts cuts at whole formulas.
 */
const HEADLINE_COLUMNS = Prisma.sql`,
  ts_headline('english', p.title, q.query, ${`StartSel=\u0001, StopSel=\u0002, HighlightAll=true`}) AS "titleHighlight",
  ts_headline('english', p.abstract, q.query,
    ${`StartSel=\u0001, StopSel=\u0002, MaxWords=45, MinWords=20, MaxFragments=2, FragmentDelimiter="${FRAGMENT_DELIMITER}"`}) AS "abstractHighlight"`;

/**
 * The columns of `summarySelect`, read in the search's own query: Prisma's findMany with the featuring and
 * its submitter costs some 6 ms of the server's CPU for 20 papers, a fifth of what a search page costs it.
 */
const SUMMARY_COLUMNS = Prisma.sql`p.title, p.abstract, p.authors, p."publishedAt", p."upvoteCount", p."commentCount",
  p."githubRepo", p."projectPage", p."thumbnailUrl", p.categories, p."githubStars", p."aiSummary", p."aiKeywords",
  p.organization, d.day, d."submittedAt", u.id AS "submitterId", u.username AS "submitterUsername",
  u.name AS "submitterName"`;

/** A result row as the summary's row (the type checker holds it to SummaryRow), with its highlights if any. */
function toMatchRow({
  titles: _titles,
  others: _others,
  day,
  submittedAt,
  submitterId,
  submitterUsername,
  submitterName,
  ...paper
}: Extract<HitRow, { id: string }>): MatchRow {
  const submittedBy = submitterId ? { username: submitterUsername, name: submitterName } : null;
  return { ...paper, daily: day && submittedAt ? { day, submittedAt, submittedBy } : null };
}

/** A word as the search reads it: letters and digits, joined by the punctuation words hold (`state-of-the-art`). */
const SEARCH_WORD = /[\p{L}\p{N}\p{M}]+(?:[-_.'’/@][\p{L}\p{N}\p{M}]+)*/gu;

/** A quoted phrase (closed, or running to the end as websearch_to_tsquery reads it), or a run of other characters. */
const SEARCH_TOKEN = /([^\s"]*)"([^"]*)(?:"|$)|[^\s"]+/g;

/**
 * The query rewritten in the part of websearch_to_tsquery's syntax the search offers — words, `"phrases"`,
 * `-word`, `-"phrase"` and `or` — with every other character dropped. websearch_to_tsquery reads each `-`
 * before a word as one more NOT, and stacks the NOTs in a fixed 32-deep stack: 40 dashes (or `-(-(-(…`)
 * made it fail with "tsquery stack too small", a 500. Here a term is negated once at most, however many
 * dashes precede it, so no input can reach that limit; `&`, `|`, `!`, `:`, `*`, `<`, parentheses and
 * backslashes are not search syntax and go too.
 */
export function webSearchText(query: string): string {
  const terms: string[] = [];
  const words = (text: string) => text.match(SEARCH_WORD) ?? [];
  /** A run of characters outside quotes: its words, negated when a `-` comes before the first of them. */
  const bare = (chunk: string) => {
    const found = words(chunk);
    const first = found[0];
    if (first === undefined) return;
    const negated = chunk.slice(0, chunk.indexOf(first)).includes("-");
    if (found.length === 1 && !negated && first.toLowerCase() === "or") terms.push("or");
    else if (found.length === 1) terms.push(`${negated ? "-" : ""}${first}`);
    else terms.push(`${negated ? "-" : ""}"${found.join(" ")}"`);
  };
  for (const [token, prefix, phrase] of query.matchAll(SEARCH_TOKEN)) {
    if (phrase === undefined) {
      bare(token);
      continue;
    }
    const prefixWords = words(prefix ?? "");
    if (prefixWords.length) bare(prefix ?? "");
    const phraseWords = words(phrase);
    const negated = !prefixWords.length && (prefix ?? "").includes("-");
    if (phraseWords.length) terms.push(`${negated ? "-" : ""}"${phraseWords.join(" ")}"`);
  }
  return terms.join(" ");
}

/**
 * The CTEs that find and count the matches: `q` (the tsquery), `exact` (the exact titles), `title_hits`
 * and `other_hits` (up to the cap), `counts` (titles and others, each at most one past the cap).
 *
 * The tsquery is computed in a CTE, out of the planner's sight: it takes the matches for few and always
 * reaches them through the GIN indexes, where a guess from the words' statistics (often wrong for two
 * words that go together) could send it reading thousands of rows by another index.
 */
function matchesSql(query: string, title: string, cap: number, searchable: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    q AS MATERIALIZED (
      -- negates: the query has a -word, so a title match must be checked against the whole text too.
      SELECT query, query::text LIKE '%!%' AS negates FROM websearch_to_tsquery('english', ${webSearchText(query)}) AS query),
    exact AS MATERIALIZED (
      SELECT p.id, p."upvoteCount" FROM "Paper" p, q
      WHERE lower(p.title) = lower(${title}) AND p."titleVector" @@ q.query
        AND (NOT q.negates OR p."searchVector" @@ q.query) AND ${searchable}),
    -- Title matches in no particular order, one past the cap: enough to count them, and to rank them under it.
    title_hits AS MATERIALIZED (
      SELECT p.id, p."upvoteCount", ts_rank_cd(p."titleVector", q.query) AS rank FROM "Paper" p, q
      WHERE p."titleVector" @@ q.query AND (NOT q.negates OR p."searchVector" @@ q.query) AND ${searchable}
      LIMIT ${cap + 1}),
    -- The other matches, up to one past what the titles leave of the cap (none read when titles fill it).
    other_hits AS MATERIALIZED (
      SELECT p.id FROM "Paper" p, q
      WHERE (SELECT count(*) FROM title_hits) <= ${cap}
        AND p."searchVector" @@ q.query AND NOT p."titleVector" @@ q.query AND ${searchable}
      LIMIT ${cap + 1} - (SELECT count(*) FROM title_hits)),
    counts AS MATERIALIZED (
      SELECT (SELECT count(*) FROM title_hits)::int AS titles, (SELECT count(*) FROM other_hits)::int AS others)`;
}

/**
 * The matches up to `end` (`walkEnd` for the upvote walks, which run only past the cap), as rows (id, part,
 * ord): part 0 the exact titles, 1 the other title matches, 2 the rest, each numbered in its order. Of each pair of branches below, one runs, or none when the page
 * does not reach its part: the others are guarded by conditions on `counts`, which Postgres checks once.
 */
function orderedSql(cap: number, end: number, walkEnd: number, searchable: Prisma.Sql): Prisma.Sql {
  const fitsTitles = Prisma.sql`((SELECT titles FROM counts) <= ${cap})`;
  const fitsAll = Prisma.sql`((SELECT titles + others FROM counts) <= ${cap})`;
  const reachesOthers = (upTo: number) => Prisma.sql`(${upTo} > (SELECT titles FROM counts))`;
  // Row conditions the GIN indexes cannot answer (coalesce), so the walks are planned on the upvote index.
  const inTitle = Prisma.sql`coalesce(p."titleVector" @@ (SELECT query FROM q), false)`;
  const inText = Prisma.sql`coalesce(p."searchVector" @@ (SELECT query FROM q), false)`;
  return Prisma.sql`
    SELECT e.id, 0 AS part, row_number() OVER (ORDER BY e."upvoteCount" DESC, e.id) AS ord FROM exact e
    UNION ALL
    (SELECT h.id, 1, row_number() OVER (ORDER BY h.rank DESC, h."upvoteCount" DESC, h.id) AS ord
     FROM title_hits h WHERE ${fitsTitles} AND h.id NOT IN (SELECT id FROM exact)
     ORDER BY ord LIMIT ${end})
    UNION ALL
    ${upvoteWalkSql(1, walkEnd, searchable, Prisma.sql`NOT ${fitsTitles} AND ${inTitle} AND (NOT (SELECT negates FROM q) OR ${inText}) AND p.id NOT IN (SELECT id FROM exact)`)}
    UNION ALL
    (SELECT o.id, 2, row_number() OVER (ORDER BY ts_rank_cd(p."searchVector", q.query) DESC, p."upvoteCount" DESC, p.id) AS ord
     FROM other_hits o JOIN "Paper" p ON p.id = o.id, q WHERE ${reachesOthers(end)} AND ${fitsAll}
     ORDER BY ord LIMIT ${end})
    UNION ALL
    ${upvoteWalkSql(2, walkEnd, searchable, Prisma.sql`${reachesOthers(walkEnd)} AND ${fitsTitles} AND NOT ${fitsAll} AND ${inText} AND NOT ${inTitle}`)}`;
}

/**
 * The first `end` searchable papers (listed, and within the filter) meeting `condition`, most upvoted first, as part `part`: a walk down the
 * upvote index that stops as soon as it has them. row_number() OVER () numbers them in the walk's order
 * (equal counts in the index's order, which holds from one page to the next).
 */
function upvoteWalkSql(part: number, end: number, searchable: Prisma.Sql, condition: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    (SELECT w.id, ${part}::int, row_number() OVER () FROM (
       SELECT p.id FROM "Paper" p WHERE ${searchable} AND ${condition}
       ORDER BY p."upvoteCount" DESC LIMIT ${end}) w)`;
}
