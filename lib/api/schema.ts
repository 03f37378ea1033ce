import "server-only";
import { z } from "zod";
import { categoryParam } from "@/lib/papers/categories";
import { parseDay, parseIsoWeek, parseMonth, type DayRange } from "@/lib/dates/days";
import { hasControlCharacters, MAX_QUERY_LENGTH } from "@/lib/papers/schema";
import { FOR_YOU_MAX, FOR_YOU_SIZE } from "@/lib/recommend/limits";

/**
 * Query parameters of the public JSON API (`/api/daily_papers`, `/api/papers/search`), named as Hugging
 * Face's Daily Papers API names them. Every message names its parameter: the API answers 400 with the first.
 */

export const MAX_API_PAGE = 10_000;
export const MAX_LIST_LIMIT = 100;
export const DEFAULT_LIST_LIMIT = 50;
export const MAX_SEARCH_LIMIT = 120;
export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SUBMITTER_LENGTH = 64;

/** A whole number from `min` to `max`, given as a query-string value. */
function intParam(name: string, min: number, max: number) {
  const message = `${name} must be a whole number from ${min} to ${max}`;
  return z
    .string({ error: message })
    .trim()
    .regex(/^[+-]?\d{1,9}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message));
}

/** A query-string value that `parse` turns into a value or rejects with null. */
function parsedParam<T>(parse: (raw: string) => T | null, message: string) {
  return z
    .string({ error: message })
    .trim()
    .transform((raw, ctx) => {
      const value = parse(raw);
      if (value === null) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return value;
    });
}

// The parsers also refuse years arXiv cannot have (before 1991, after next year): year 0 crashed the
// query, and "0001-01" silently became 1901.
const dateParam = parsedParam(parseDay, "date must be a real day from 1991 on, written YYYY-MM-DD");
const weekParam = parsedParam(parseIsoWeek, "week must be an ISO week from 1991 on, written YYYY-Www, e.g. 2025-W09");
const monthParam = parsedParam(parseMonth, "month must be a month from 1991 on, written YYYY-MM");

/** Free text from the query string: PostgreSQL refuses NUL in text, so control characters are a 400. */
function textParam(name: string, maxLength: number, emptyMessage: string) {
  return z
    .string({ error: emptyMessage })
    .refine((value) => !hasControlCharacters(value), `${name} must not contain control characters`)
    .transform((value) => value.trim())
    .pipe(z.string().min(1, emptyMessage).max(maxLength, `${name} must be at most ${maxLength} characters`));
}

/** Which featured papers a listing covers: one day, a week or month, or (null) all of them. */
export type FeaturedPeriod = { kind: "day"; day: string } | { kind: "range"; range: DayRange } | null;

export interface DailyPapersQuery {
  period: FeaturedPeriod;
  /** Username of the submitter, or null for everyone's. */
  submitter: string | null;
  /** Only papers in this arXiv category ("cs.CL"), or null for all. */
  category: string | null;
  sort: "publishedAt" | "trending";
  /** 0-based */
  page: number;
  limit: number;
}

/** `GET /api/daily_papers?date|week|month&submitter&category&sort&p&limit`. */
export const dailyPapersQuerySchema = z
  .object({
    date: dateParam.optional(),
    week: weekParam.optional(),
    month: monthParam.optional(),
    submitter: textParam("submitter", MAX_SUBMITTER_LENGTH, "submitter must not be empty").optional(),
    category: categoryParam,
    sort: z.enum(["publishedAt", "trending"], { error: "sort must be publishedAt or trending" }).default("publishedAt"),
    p: intParam("p", 0, MAX_API_PAGE).default(0),
    limit: intParam("limit", 1, MAX_LIST_LIMIT).default(DEFAULT_LIST_LIMIT),
  })
  .refine((q) => [q.date, q.week, q.month].filter((v) => v !== undefined).length <= 1, {
    error: "give at most one of date, week and month",
  })
  .refine((q) => q.sort !== "trending" || (!q.date && !q.week && !q.month && !q.submitter), {
    error: "sort=trending cannot be combined with date, week, month or submitter",
  })
  .transform((q): DailyPapersQuery => {
    const range = q.week ?? q.month;
    return {
      period: q.date ? { kind: "day", day: q.date } : range ? { kind: "range", range } : null,
      submitter: q.submitter ?? null,
      category: q.category,
      sort: q.sort,
      page: q.p,
      limit: q.limit,
    };
  });

/** `GET /api/papers/search?q&limit`. */
export const paperSearchQuerySchema = z.object({
  q: textParam("q", MAX_QUERY_LENGTH, "q is required"),
  limit: intParam("limit", 1, MAX_SEARCH_LIMIT).default(DEFAULT_SEARCH_LIMIT),
});

export type PaperSearchQuery = z.infer<typeof paperSearchQuerySchema>;

/** `GET /api/recommendations?limit`: how many of the member's For you papers (lib/recommend/). */
export const recommendationsQuerySchema = z.object({
  limit: intParam("limit", 1, FOR_YOU_MAX).default(FOR_YOU_SIZE),
});

/** A URL's query string as the plain object the schemas above parse (the last of repeated keys wins). */
export function queryObject(searchParams: URLSearchParams): Record<string, string> {
  return Object.fromEntries(searchParams);
}

/** What the API answers a 400 with when a failed parse has no issue to quote (the fallback of `firstIssueMessage`). */
export const INVALID_QUERY_MESSAGE = "invalid query parameters";
