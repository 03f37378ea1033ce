import "server-only";
import { prisma } from "@/lib/db";
import type { PaperSummary } from "@/lib/papers/schema";
import { summarySelect, toSummary } from "@/lib/papers/summary";

/** Which of `paperIds` `userId` has upvoted. */
export async function getUpvotedIds(userId: string, paperIds: string[]): Promise<Set<string>> {
  if (!paperIds.length) return new Set();
  const rows = await prisma.upvote.findMany({
    where: { userId, paperId: { in: paperIds } },
    select: { paperId: true },
  });
  return new Set(rows.map((r) => r.paperId));
}

/** A user's reading list: the papers they upvoted, most recent vote first. */
export async function getUpvotedPapers(userId: string, limit = 100): Promise<PaperSummary[]> {
  const rows = await prisma.upvote.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { paper: { select: summarySelect } },
  });
  return rows.map((row) => toSummary(row.paper));
}
