import "server-only";
import { prisma, sqlRows } from "@/lib/db/client";
import type { PaperSummary } from "@/lib/papers/schema";
import { summarySelect, toSummary } from "@/lib/papers/summary";
import { listedPaper } from "@/lib/papers/visibility";

/**
 * For a page of papers and one reader: which of `paperIds` `userId` upvoted, and every one's count as it is
 * now, in one query.
 */
export async function getUpvoteState(
  userId: string,
  paperIds: string[],
): Promise<{ upvoted: Set<string>; counts: Map<string, number> }> {
  if (!paperIds.length) return { upvoted: new Set(), counts: new Map() };
  const rows = await prisma.paper.findMany({
    where: { id: { in: paperIds } },
    select: { id: true, upvoteCount: true, upvotes: { where: { userId }, select: { userId: true } } },
  });
  return {
    upvoted: new Set(rows.filter((row) => row.upvotes.length > 0).map((row) => row.id)),
    counts: new Map(rows.map((row) => [row.id, row.upvoteCount])),
  };
}

/** The current counts of `paperIds` (one query). */
export async function getUpvoteCounts(paperIds: string[]): Promise<Map<string, number>> {
  if (!paperIds.length) return new Map();
  const rows = await prisma.paper.findMany({
    where: { id: { in: paperIds } },
    select: { id: true, upvoteCount: true },
  });
  return new Map(rows.map((row) => [row.id, row.upvoteCount]));
}

/**
 * A user's reading list: the papers they upvoted, most recent vote first. A list like the others: hidden and
 * withdrawn papers are left out (a withdrawn one takes no vote, so its card would offer a dead button).
 */
export async function getUpvotedPapers(userId: string, limit = 100): Promise<PaperSummary[]> {
  const rows = await prisma.upvote.findMany({
    where: { userId, paper: listedPaper() },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { paper: { select: summarySelect } },
  });
  return rows.map((row) => toSummary(row.paper));
}

/** How many papers of `userId`'s reading list lists show (hidden and withdrawn ones left out). */
export async function countUpvotedPapers(userId: string): Promise<number> {
  return prisma.upvote.count({ where: { userId, paper: listedPaper() } });
}

/** The user whose unexpired session is `sessionToken`, or null. */
export async function getSessionUserId(sessionToken: string): Promise<string | null> {
  const rows = await sqlRows<{ userId: string }>(
    `SELECT "userId" FROM "Session" WHERE "sessionToken" = $1 AND expires > now()`,
    [sessionToken],
  );
  return rows[0]?.userId ?? null;
}
