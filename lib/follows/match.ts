import "server-only";

/**
 * The one rule for whether a followed or muted topic matches a paper, as SQL over a topic row aliased
 * `topic` (columns `kind`, `value`) and a paper row aliased `paper` (`paperMatchColumnsSql`) (aliases are constants, never user
 * input): an author among the paper's authors exactly as arXiv spells the name (the GIN index on `authors`),
 * a category among its categories, a keyword (stored lower-cased, white space collapsed) anywhere in its
 * title or abstract, case-insensitively. The viewer's `muted` and the digest's own section both use it.
 */
export function topicMatchesPaperSql(topic: "m" | "t", paper: "p"): string {
  return `(
    (${topic}.kind = 'AUTHOR' AND ${paper}.authors @> ARRAY[${topic}.value])
    OR (${topic}.kind = 'CATEGORY' AND ${paper}.categories @> ARRAY[${topic}.value])
    OR (${topic}.kind = 'KEYWORD' AND strpos(${paper}.text, ${topic}.value) > 0)
  )`;
}

/**
 * The columns `topicMatchesPaperSql` reads from `"Paper"` aliased `paper`, `text` among them. Select them in
 * a subquery kept apart (`OFFSET 0`), so that each paper's text is made once, not once per topic.
 */
export function paperMatchColumnsSql(paper: "p"): string {
  return `${paper}.id, ${paper}.authors, ${paper}.categories, ${paperTextSql(paper)} AS text`;
}

/**
 * A paper's title and abstract as keywords are matched against: lower-cased. Their white space is one space
 * already: every importer stores them through `cleanText` (lib/ingest/arxiv-text.ts), as keywords are stored.
 */
function paperTextSql(paper: "p"): string {
  return `lower(${paper}.title || ' ' || ${paper}.abstract)`;
}
