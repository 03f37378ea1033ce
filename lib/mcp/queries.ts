import "server-only";
import { dailyPapersQuerySchema, paperSearchQuerySchema, type DailyPapersQuery } from "@/lib/api/schema";
import { parseDay } from "@/lib/dates/days";
import { CATEGORY_MESSAGE, parseCategory } from "@/lib/papers/categories";
import type { SearchFilter } from "@/lib/papers/search";
import { firstIssueMessage } from "@/lib/validation";

/**
 * The MCP tools' arguments as the JSON API's queries: each tool's arguments are checked by the schemas of
 * the API endpoint it mirrors (lib/api/schema.ts), so a bad date or category is refused with the same
 * sentence in both. Values the tool's own input schema already typed are passed on as query-string text.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** What `daily_papers` takes (its input schema's shape, lib/mcp/tools.ts). */
export interface DailyPapersArgs {
  date?: string;
  week?: string;
  month?: string;
  category?: string;
  limit: number;
}

/** `daily_papers`'s arguments as `/api/daily_papers`'s query: a day, week or month (at most one), or the newest. */
export function dailyPapersQuery(args: DailyPapersArgs): Parsed<DailyPapersQuery> {
  return fromApiSchema({ ...definedText(args), limit: String(args.limit) });
}

/** `trending_papers`'s arguments as `/api/daily_papers?sort=trending`'s query. */
export function trendingPapersQuery(args: { category?: string; limit: number }): Parsed<DailyPapersQuery> {
  return fromApiSchema({ ...definedText(args), sort: "trending", limit: String(args.limit) });
}

function fromApiSchema(query: Record<string, string>): Parsed<DailyPapersQuery> {
  const parsed = dailyPapersQuerySchema.safeParse(query);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: firstIssueMessage(parsed.error) };
}

/** What `search_papers` takes. */
export interface SearchPapersArgs {
  query: string;
  category?: string;
  from?: string;
  to?: string;
  limit: number;
}

/** `search_papers`'s arguments as `/api/papers/search`'s query and a filter (category, arXiv dates). */
export function searchPapersQuery(
  args: SearchPapersArgs,
  now: Date = new Date(),
): Parsed<{ q: string; limit: number; filter: SearchFilter }> {
  const search = paperSearchQuerySchema.safeParse({ q: args.query, limit: String(args.limit) });
  if (!search.success) return { ok: false, message: firstIssueMessage(search.error) };
  const category = args.category === undefined ? null : parseCategory(args.category);
  if (category === null && args.category !== undefined) return { ok: false, message: CATEGORY_MESSAGE };
  const from = args.from === undefined ? undefined : parseDay(args.from, now);
  const to = args.to === undefined ? undefined : parseDay(args.to, now);
  if (from === null || to === null)
    return { ok: false, message: "from and to must be real days from 1991 on, written YYYY-MM-DD" };
  if (from && to && from > to) return { ok: false, message: "from must not be after to" };
  return { ok: true, value: { ...search.data, filter: { category, from, to } } };
}

/** The arguments given as text (optional ones left out when absent), as the query string would carry them. */
function definedText(args: object): Record<string, string> {
  return Object.fromEntries(
    Object.entries(args).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : [])),
  );
}
