import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { DEFAULT_SEARCH_LIMIT, MAX_LIST_LIMIT, MAX_SEARCH_LIMIT } from "@/lib/api/schema";
import { listDailyPapers, searchApiPapers } from "@/lib/api/data";
import { toDailyPaperItem, toPaperJson } from "@/lib/api/shapes";
import { getDiscussion } from "@/lib/comments/data";
import { isDatabaseOutage } from "@/lib/db/health";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { paperListMarkdown, paperMarkdown } from "@/lib/markdown/pages";
import { dailyPapersQuery, searchPapersQuery, trendingPapersQuery, type Parsed } from "@/lib/mcp/queries";
import { parseArxivId } from "@/lib/papers/arxiv-id";
import { getPaper } from "@/lib/papers/data";
import type { PaperDetail } from "@/lib/papers/schema";
import { MAX_QUERY_LENGTH } from "@/lib/papers/schema";

/**
 * The MCP server's tools, all read-only: the JSON API's reads (lib/api/data.ts, which never list a hidden
 * paper) under names an agent understands. Each answers Markdown as its text (what agents read best) and the
 * JSON API's shape as its structured content; a bad argument or an unknown paper is an error result with a
 * sentence, as MCP asks of tool failures, never an exception.
 */

/** Papers a list tool gives when the agent does not say: a page of abstracts is enough context to start. */
export const DEFAULT_TOOL_LIMIT = 10;

const DAY_FORMAT = /^\d{4}-\d{2}-\d{2}$/;
const day = (what: string) => z.string().regex(DAY_FORMAT, "a day is written YYYY-MM-DD").describe(what);
const category = z
  .string()
  .max(32)
  .describe("Only papers in this arXiv category, e.g. cs.CL, cs.LG, hep-th, astro-ph.CO.");
const limit = (max: number, fallback: number) =>
  z.number().int().min(1).max(max).default(fallback).describe(`How many papers, 1–${max} (default ${fallback}).`);

export const READ_ONLY = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
} as const;

/** Registers the tools on `server`. */
export function registerPaperTools(server: McpServer): void {
  server.registerTool(
    "search_papers",
    {
      title: "Search papers",
      description:
        "Full-text search over the titles, authors and abstracts of the papers this site knows, best matches " +
        'first. The query is free text: "quoted phrases", OR and -word work. Optionally only one arXiv category ' +
        "and only papers published on arXiv from/to a day (inclusive).",
      inputSchema: {
        query: z
          .string()
          .min(1)
          .max(MAX_QUERY_LENGTH)
          .describe("What to look for, e.g. reinforcement learning reasoning."),
        category: category.optional(),
        from: day("Only papers published on arXiv on or after this day (YYYY-MM-DD).").optional(),
        to: day("Only papers published on arXiv on or before this day (YYYY-MM-DD).").optional(),
        limit: limit(MAX_SEARCH_LIMIT, Math.min(DEFAULT_SEARCH_LIMIT, DEFAULT_TOOL_LIMIT)),
      },
      annotations: READ_ONLY,
    },
    (args) =>
      answer(searchPapersQuery(args), async ({ q, limit, filter }) =>
        paperList(`Papers matching “${q}”`, await searchApiPapers(q, limit, filter)),
      ),
  );

  server.registerTool(
    "get_paper",
    {
      title: "Get a paper",
      description:
        "One paper by its arXiv id (2501.12948, 2501.12948v2 or hep-th/9901001; the version is ignored): its " +
        "title, authors, dates, links, upvotes, abstract, AI summary when known and first comments, as Markdown, " +
        "with its details as structured content.",
      inputSchema: { id: z.string().min(1).max(64).describe("The paper's arXiv id, e.g. 2501.12948.") },
      annotations: READ_ONLY,
    },
    ({ id }) => answer(parsedPaperId(id), paperDetails),
  );

  server.registerTool(
    "daily_papers",
    {
      title: "Daily papers",
      description:
        "The papers featured on this site's daily list: of one day (date), one ISO week (week) or one month " +
        "(month) — at most one of them — most upvoted first; without any, the newest featured first. " +
        "Optionally only one arXiv category.",
      inputSchema: {
        date: day("A day the papers were featured, YYYY-MM-DD.").optional(),
        week: z.string().max(8).describe("An ISO week, e.g. 2025-W09.").optional(),
        month: z.string().max(7).describe("A month, e.g. 2025-05.").optional(),
        category: category.optional(),
        limit: limit(MAX_LIST_LIMIT, DEFAULT_TOOL_LIMIT),
      },
      annotations: READ_ONLY,
    },
    (args) =>
      answer(dailyPapersQuery(args), async (query) => paperList(dailyHeading(args), await listDailyPapers(query))),
  );

  server.registerTool(
    "trending_papers",
    {
      title: "Trending papers",
      description:
        "The papers trending on this site: those featured in the past 7 days, ranked by upvotes decayed by age. " +
        "Optionally only one arXiv category.",
      inputSchema: { category: category.optional(), limit: limit(MAX_LIST_LIMIT, DEFAULT_TOOL_LIMIT) },
      annotations: READ_ONLY,
    },
    (args) =>
      answer(trendingPapersQuery(args), async (query) =>
        paperList(args.category ? `Trending in ${args.category}` : "Trending papers", await listDailyPapers(query)),
      ),
  );
}

/** A tool's answer: the error result for arguments that did not parse, else the work's, or an error result for a failure. */
export async function answer<T>(
  parsed: Parsed<T>,
  work: (value: T) => Promise<CallToolResult>,
): Promise<CallToolResult> {
  if (!parsed.ok) return toolError(parsed.message);
  try {
    return await work(parsed.value);
  } catch (error) {
    // The outage was logged once by lib/db/health.ts; a bug is logged here. Neither reaches the agent as more than a sentence.
    if (isDatabaseOutage(error)) return toolError("The database is unavailable; try again in a minute.");
    // A refusal with its own sentence (a withdrawn paper takes no vote) is the agent's to read, not a bug.
    if (error instanceof AppError) return toolError(error.message);
    console.error("MCP tool failed", error);
    return toolError("The server could not answer this call; try again later.");
  }
}

export function toolError(message: string): CallToolResult {
  return { isError: true, content: [{ type: "text", text: message }] };
}

function parsedPaperId(raw: string): Parsed<string> {
  const id = parseArxivId(raw);
  return id
    ? { ok: true, value: id }
    : { ok: false, message: "not an arXiv id: expected e.g. 2501.12948 or hep-th/9901001" };
}

async function paperDetails(id: string): Promise<CallToolResult> {
  const [paper, discussion] = await Promise.all([getPaper(id), getDiscussion(id)]);
  if (!paper) return toolError(`No paper ${id} here.`);
  const origin = appUrl();
  return {
    content: [{ type: "text", text: paperMarkdown(paper, discussion?.comments ?? [], origin) }],
    structuredContent: { paper: toPaperJson(paper, origin) },
  };
}

/** A list of papers as a tool's answer; `notes` are Markdown said of each (lib/markdown/pages.ts). */
export function paperList(
  heading: string,
  papers: PaperDetail[],
  notes?: readonly (string | null | undefined)[],
): CallToolResult {
  const origin = appUrl();
  return {
    content: [{ type: "text", text: paperListMarkdown(heading, papers, origin, notes) }],
    structuredContent: { papers: papers.map((paper) => toDailyPaperItem(paper, origin)) },
  };
}

function dailyHeading({ date, week, month }: { date?: string; week?: string; month?: string }): string {
  const period = date ?? week ?? month;
  return period ? `Daily papers of ${period}, most upvoted first` : "Daily papers, newest featured first";
}
