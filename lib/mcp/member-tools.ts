import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { toDailyPaperItem } from "@/lib/api/shapes";
import {
  getCollectionEntries,
  getCollectionsSharedWith,
  getOwnCollections,
  getReadableCollection,
} from "@/lib/collections/data";
import { VISIBILITY_LABELS, type CollectionSummary } from "@/lib/collections/schema";
import { appUrl } from "@/lib/env";
import { escapeText, fenced } from "@/lib/markdown/pages";
import { answer, DEFAULT_TOOL_LIMIT, paperList, READ_ONLY, toolError } from "@/lib/mcp/tools";
import { papersChanged } from "@/lib/page-cache/invalidate";
import { parseArxivId } from "@/lib/papers/arxiv-id";
import { withDetails } from "@/lib/papers/data";
import { consumeAllowance, rateLimit, tryAgainIn } from "@/lib/rate-limits";
import { getForYou } from "@/lib/recommend/data";
import { FOR_YOU_MAX } from "@/lib/recommend/limits";
import type { TokenMember } from "@/lib/tokens/bearer";
import { voteAsMember } from "@/lib/upvotes/mutations";

/**
 * The tools of a member's personal access token (lib/tokens/), beside the public ones (tools.ts): their For
 * you, their collections and those shared with them, and — only for a token that may vote — upvoting. Each
 * reads or writes through the same functions as the site (getForYou, the collections' `readableBy`, the vote's
 * one statement and its limit and invalidation), so an agent sees and counts exactly what the member would.
 */

const COLLECTION_ID = /^[a-z0-9]{1,40}$/;
const paperId = z.string().min(1).max(64).describe("The paper's arXiv id, e.g. 2501.12948.");

/** Registers `member`'s tools on `server`. */
export function registerMemberTools(server: McpServer, member: TokenMember): void {
  server.registerTool(
    "for_you",
    {
      title: "Papers for you",
      description:
        "The papers of the past month picked for the token's member from their upvotes, saved papers and " +
        "follows, best first, each with the reason it is listed.",
      inputSchema: {
        limit: z
          .number()
          .int()
          .min(1)
          .max(FOR_YOU_MAX)
          .default(DEFAULT_TOOL_LIMIT)
          .describe(`How many papers, 1–${FOR_YOU_MAX} (default ${DEFAULT_TOOL_LIMIT}).`),
      },
      annotations: READ_ONLY,
    },
    ({ limit }) => answer({ ok: true, value: limit }, (value) => forYou(member.userId, value)),
  );

  server.registerTool(
    "list_collections",
    {
      title: "List collections",
      description:
        "The token's member's collections (private, shared or public) and those other members share with them: " +
        "each one's id, name, visibility, number of papers and address. Read one with get_collection.",
      inputSchema: {},
      annotations: READ_ONLY,
    },
    () => answer({ ok: true, value: member.userId }, listCollections),
  );

  server.registerTool(
    "get_collection",
    {
      title: "Get a collection",
      description:
        "One collection by its id (from list_collections or its address, /collections/<id>): its name, " +
        "description and papers in its owner's order, with their notes. The member's own, those shared with " +
        "them, and public ones.",
      inputSchema: { id: z.string().min(1).max(64).describe("The collection's id, e.g. cmabc123def456.") },
      annotations: READ_ONLY,
    },
    ({ id }) => answer({ ok: true, value: id }, (value) => collection(value, member.userId)),
  );

  if (!member.mayVote) return;
  const voting = { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;
  server.registerTool(
    "upvote_paper",
    {
      title: "Upvote a paper",
      description:
        "Upvotes a paper as the token's member, as the button on the site does; upvoting twice changes nothing. " +
        "Answers the paper's upvotes now.",
      inputSchema: { id: paperId },
      annotations: voting,
    },
    ({ id }) => answer({ ok: true, value: id }, (value) => vote(member.userId, value, true)),
  );
  server.registerTool(
    "remove_upvote",
    {
      title: "Remove an upvote",
      description: "Takes the token's member's upvote of a paper back. Answers the paper's upvotes now.",
      inputSchema: { id: paperId },
      annotations: voting,
    },
    ({ id }) => answer({ ok: true, value: id }, (value) => vote(member.userId, value, false)),
  );
}

async function forYou(userId: string, limit: number): Promise<CallToolResult> {
  // Each call ranks a month of papers: counted like GET /api/recommendations.
  const allowance = await consumeAllowance(rateLimit("recommendations"), userId);
  if (!allowance.allowed)
    return toolError(`Too many requests for recommendations. ${tryAgainIn(allowance.retryAfterSeconds)}`);
  const { hasSignal, items } = await getForYou(userId, limit);
  if (!hasSignal) {
    return {
      content: [
        {
          type: "text",
          text:
            "# Papers for you\n\nNothing to go on yet: upvote papers, save them to collections or follow authors, " +
            "categories or keywords, and the papers picked for you appear here.\n",
        },
      ],
      structuredContent: { papers: [] },
    };
  }
  const papers = await withDetails(items.map((item) => item.paper));
  const reasons = new Map(items.map((item) => [item.paper.id, item.reason]));
  const origin = appUrl();
  return {
    ...paperList(
      "Papers for you",
      papers,
      papers.map((paper) => `_Why:_ ${escapeText(reasons.get(paper.id) ?? "")}`),
    ),
    structuredContent: {
      papers: papers.map((paper) => ({ ...toDailyPaperItem(paper, origin), reason: reasons.get(paper.id) ?? "" })),
    },
  };
}

function collectionUrl(origin: string, id: string): string {
  return `${origin}/collections/${id}`;
}

function collectionJson(row: CollectionSummary, origin: string) {
  return {
    id: row.id,
    name: row.name,
    visibility: row.visibility,
    papers: row.itemCount,
    updatedAt: row.updatedAt.toISOString(),
    url: collectionUrl(origin, row.id),
  };
}

function collectionLine(row: CollectionSummary, origin: string, owner?: string): string {
  const papers = `${row.itemCount} ${row.itemCount === 1 ? "paper" : "papers"}`;
  const whose = owner ? ` · shared by ${escapeText(owner)}` : ` · ${VISIBILITY_LABELS[row.visibility].split(":")[0]}`;
  return `- **${escapeText(row.name)}** (id \`${row.id}\`)${whose} · ${papers} · ${collectionUrl(origin, row.id)}`;
}

async function listCollections(userId: string): Promise<CallToolResult> {
  const [own, shared] = await Promise.all([getOwnCollections(userId), getCollectionsSharedWith(userId)]);
  const origin = appUrl();
  const ownerName = (owner: { username: string | null; name: string | null }) =>
    owner.name ?? owner.username ?? "a member";
  const sections = [
    "# Your collections",
    own.length ? own.map((row) => collectionLine(row, origin)).join("\n") : "None yet.",
    "# Shared with you",
    shared.length ? shared.map((row) => collectionLine(row, origin, ownerName(row.owner))).join("\n") : "None.",
  ];
  return {
    content: [{ type: "text", text: `${sections.join("\n\n")}\n` }],
    structuredContent: {
      own: own.map((row) => collectionJson(row, origin)),
      sharedWithYou: shared.map((row) => ({
        ...collectionJson(row, origin),
        owner: { username: row.owner.username, name: row.owner.name },
      })),
    },
  };
}

async function collection(id: string, userId: string): Promise<CallToolResult> {
  // Read as the site reads it (lib/collections/data.ts): one the member may not read does not exist.
  const header = COLLECTION_ID.test(id) ? await getReadableCollection(id, userId) : null;
  if (!header) return toolError(`No collection ${id} that you may read.`);
  const entries = await getCollectionEntries(header.id);
  const papers = await withDetails(entries.map((entry) => entry.paper));
  const notes = new Map(entries.map((entry) => [entry.paper.id, entry.note]));
  const origin = appUrl();
  const owner = header.owner.name ?? header.owner.username ?? "a member";
  const heading = `${header.name} — a collection by ${owner}`;
  const list = paperList(
    heading,
    papers,
    papers.map((paper) => {
      const note = notes.get(paper.id);
      // A member's text: as text, on one line, so it adds no heading or entry of its own.
      return note ? `**Note:** ${escapeText(note.replace(/\s*\n\s*/g, " "))}` : null;
    }),
  );
  const first = list.content[0];
  const intro = [
    `- **Visibility:** ${VISIBILITY_LABELS[header.visibility]}`,
    `- **Papers:** ${header.itemCount}${header.itemCount > papers.length ? ` (the first ${papers.length} here)` : ""}`,
    `- **Page:** ${collectionUrl(origin, header.id)}`,
    header.description ? `\n${fenced(header.description)}` : null,
  ]
    .filter((line): line is string => line !== null)
    .join("\n");
  const text = first?.type === "text" ? first.text.replace(/^(# [^\n]*\n)/, `$1\n${intro}\n`) : intro;
  return {
    content: [{ type: "text", text }],
    structuredContent: {
      collection: {
        id: header.id,
        name: header.name,
        description: header.description,
        visibility: header.visibility,
        owner: { username: header.owner.username, name: header.owner.name },
        papers: header.itemCount,
        updatedAt: header.updatedAt.toISOString(),
        url: collectionUrl(origin, header.id),
      },
      papers: papers.map((paper) => ({ ...toDailyPaperItem(paper, origin), note: notes.get(paper.id) ?? "" })),
    },
  };
}

async function vote(userId: string, rawId: string, upvoted: boolean): Promise<CallToolResult> {
  const id = parseArxivId(rawId);
  if (!id) return toolError("not an arXiv id: expected e.g. 2501.12948 or hep-th/9901001");
  // The site's own vote: its per-member limit, its statement, its invalidation ("counted").
  const allowance = await consumeAllowance(rateLimit("upvote"), userId);
  if (!allowance.allowed) return toolError(`You are voting very fast. ${tryAgainIn(allowance.retryAfterSeconds)}`);
  const outcome = await voteAsMember(userId, id, upvoted);
  if (!outcome.signedIn) return toolError("This token's member no longer exists.");
  papersChanged([id], "counted");
  const count = `${outcome.count} ${outcome.count === 1 ? "upvote" : "upvotes"}`;
  return {
    content: [
      {
        type: "text",
        text: upvoted ? `You upvote ${id}; it has ${count} now.` : `You no longer upvote ${id}; it has ${count} now.`,
      },
    ],
    structuredContent: { paperId: id, upvoted, count: outcome.count },
  };
}
