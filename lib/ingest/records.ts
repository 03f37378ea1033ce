import "server-only";
/**
 * What the importers read from their sources, before it is stored: one shape per kind of record, the
 * same whichever format (arXiv's old Atom, its late-2025 one without `rel` on links, its current one, the
 * listing feeds' RSS or Atom) it came in. Parsers produce these; `store.ts` writes them.
 */

/** A paper as arXiv describes it. Fields a source did not give are undefined (never guessed). */
export interface ArxivRecord {
  /** Bare id, no version ("2501.12948", "hep-th/9901001"). */
  id: string;
  /** The version this record describes (2 for "v2"). */
  version?: number;
  /** Whitespace collapsed; LaTeX kept as arXiv writes it. */
  title: string;
  abstract: string;
  authors: string[];
  /** Each author's affiliations ("" for none), parallel to `authors`; undefined when the source named none. */
  affiliations?: string[];
  /** arXiv shows this version withdrawn by its authors (its comment or abstract says so). */
  withdrawn?: boolean;
  /** Primary first, no duplicates. */
  categories: string[];
  /** First version's submission time (export API `<published>`); listing feeds do not give it. */
  publishedAt?: Date;
  /** This version's time (export API `<updated>`). */
  revisedAt?: Date;
  comment?: string;
  doi?: string;
  journalRef?: string;
  /** Licence URL. */
  license?: string;
  /** Listing feeds only: "new", "cross", "replace", "replace-cross". */
  announceType?: string;
  /** Listing feeds only: the announcement day, "YYYY-MM-DD" (America/New_York). */
  announcedOn?: string;
}

/** One item of Hugging Face's daily list. */
export interface HfDailyRecord {
  paper: ArxivRecord & {
    aiSummary?: string;
    aiKeywords?: string[];
    /** Only http(s) URLs survive parsing. */
    githubRepo?: string;
    githubStars?: number;
    projectPage?: string;
    organization?: string;
    thumbnailUrl?: string;
    /** HF's own upvotes and comment count, and whether an author takes part in its discussion. */
    hfUpvotes?: number;
    hfCommentCount?: number;
    hfAuthorParticipating?: boolean;
    /** Images and videos HF shows with the paper (http(s) only). */
    mediaUrls?: string[];
    /** Positions (0-based) of the authors HF marks `hidden`. */
    hfHiddenAuthors?: number[];
  };
  /** The day of HF's list it is on, "YYYY-MM-DD". */
  day: string;
  /** When it was put on the list. */
  submittedAt: Date;
  /** HF's submitter, if any: stored as a member of this site with that handle. */
  submitter?: { username: string; fullname?: string };
}

/** What a parser makes of one response. */
export type ParseResult<T> =
  /** Records, plus those that could not be read (with why). */
  | { kind: "records"; records: T[]; rejected: RejectedItem[]; announcedOn?: string }
  /** The source answered with an error document (arXiv's "Feed error" channel, an `<entry><title>Error`). */
  | { kind: "source-error"; message: string };

export interface RejectedItem {
  /** The item's id when it could be read, else its position ("item 12"). */
  id: string;
  reason: string;
}

/** What one import wrote: counts and per-item failures, as an ImportRun row records them. */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  /** Why each failed item failed. */
  errors: RejectedItem[];
  /** Why each skipped item was skipped (a feed's new version of a paper not here): not failures. */
  skippedItems?: RejectedItem[];
}
