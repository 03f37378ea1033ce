import { z } from "zod";

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
  /** The day it was featured on ("YYYY-MM-DD"), if it was. */
  day: string | null;
  submittedAt: Date | null;
  submittedBy: { username: string | null; name: string | null } | null;
}

/** A paper page's paper. */
export type PaperDetail = PaperSummary;

/** One day of the daily list, with the nearest days around it that have papers. */
export interface DailyList {
  /** "YYYY-MM-DD" */
  day: string;
  /** One page of the day's papers, most upvoted first. */
  papers: PaperSummary[];
  /** All papers of the day, and the page shown (1-based) of `pageCount`. */
  total: number;
  page: number;
  pageCount: number;
  previousDay: string | null;
  nextDay: string | null;
}

/** Papers per page of a day: a busy day (hundreds of papers) is paged, not sent whole. */
export const DAY_PAGE_SIZE = 50;

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

export const MAX_QUERY_LENGTH = 250;
export const MAX_PAGE = 1000;

/** `?page=` of a listing: 1-based, bounded; anything else is rejected. */
export const pageParam = z.coerce.number().int().min(1).max(MAX_PAGE).default(1);

/** `?q=` of a search. */
export const searchQueryParam = z.string().trim().max(MAX_QUERY_LENGTH).default("");
