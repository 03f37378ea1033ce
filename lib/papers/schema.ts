import { z } from "zod";
import { MAX_QUERY_LENGTH } from "@/lib/papers/limits";

/** A paper as a card in a list shows it. */
export interface PaperSummary {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  publishedAt: Date;
  upvoteCount: number;
  commentCount: number;
  githubRepo: string | null;
  projectPage: string | null;
  thumbnailUrl: string | null;
  /** arXiv categories, primary first; empty when no source gave them. */
  categories: string[];
  /** What Hugging Face's daily list adds, when a paper came from it (null / empty otherwise). */
  githubStars: number | null;
  aiSummary: string | null;
  aiKeywords: string[];
  organization: string | null;
  /** The day it was featured on ("YYYY-MM-DD"), if it was. */
  day: string | null;
  submittedAt: Date | null;
  submittedBy: { username: string | null; name: string | null } | null;
}

/** A paper page's paper: the card's fields plus arXiv's bibliographic details, each null when unknown. */
export interface PaperDetail extends PaperSummary {
  /** Latest arXiv version seen (3 for "v3"). */
  version: number | null;
  revisedAt: Date | null;
  arxivComment: string | null;
  doi: string | null;
  journalRef: string | null;
  /** Licence URL. */
  license: string | null;
  /** When arXiv showed the paper withdrawn by its authors (its page says so; lists leave it out). */
  withdrawnAt: Date | null;
}

/** One day of the daily list, with the nearest days around it that have papers. */
export interface DailyList {
  /** "YYYY-MM-DD" */
  day: string;
  /** The arXiv category the list is filtered by, or null for all. */
  category: string | null;
  /** One page of the day's papers, most upvoted first. */
  papers: PaperSummary[];
  /** All papers of the day, and the page shown (1-based) of `pageCount`. */
  total: number;
  page: number;
  pageCount: number;
  /** The nearest days with papers (in `category`, when filtered). */
  previousDay: string | null;
  nextDay: string | null;
}

/**
 * Papers per page of every list (a day, a week, a month, trending): a busy day's hundreds of papers are paged,
 * not sent whole. 24 fill a grid of 2, 3 or 4 columns evenly and keep a full page near 100 KiB (a card is about
 * 3.6 KB with its share of React's payload; 93–103 KiB measured at 100k papers), which the page cache serves
 * at just over half a static file's rate (`npm run bench`).
 */
export const LIST_PAGE_SIZE = 24;

export interface Page<T> {
  items: T[];
  total: number;
  /** 1-based */
  page: number;
  pageSize: number;
  pageCount: number;
}

export interface SearchHit extends PaperSummary {
  /** Title and an abstract excerpt with matches between \u0001 and \u0002 markers (never HTML). */
  titleHighlight: string;
  abstractHighlight: string;
}

/** Marks the start and end of a highlighted match in search excerpts. */
export const HIGHLIGHT_START = "\u0001";
export const HIGHLIGHT_END = "\u0002";

export { MAX_QUERY_LENGTH };
export const MAX_PAGE = 1000;

/** `?page=` of a listing: 1-based, bounded; anything else is rejected. */
export const pageParam = z.coerce.number().int().min(1).max(MAX_PAGE).default(1);

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** Whether `text` has a control character (NUL, tab, newline…), which no search or handle needs. */
export function hasControlCharacters(text: string): boolean {
  return new RegExp(CONTROL_CHARACTERS.source).test(text);
}

/**
 * `?q=` of the search page. Control characters become spaces (PostgreSQL refuses NUL in text, so
 * "a%00b" failed the whole page): the reader still gets results for the words around them.
 */
export const searchQueryParam = z
  .string()
  .transform((value) => value.replace(CONTROL_CHARACTERS, " ").trim())
  .pipe(z.string().max(MAX_QUERY_LENGTH))
  .default("");
