import "server-only";
import { prisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { PaperSummary } from "@/lib/papers/schema";
import { summarySelect, toSummary } from "@/lib/papers/summary";
import { listedPaper } from "@/lib/papers/visibility";
import { candidateIndex } from "@/lib/recommend/candidates";
import { likedVectors } from "@/lib/recommend/liked";
import { FOR_YOU_SIZE } from "@/lib/recommend/limits";
import { rankCandidates } from "@/lib/recommend/rank";
import { hasSignal, memberSignals } from "@/lib/recommend/signals";

export interface Recommendation {
  paper: PaperSummary;
  /** Why it is listed: "Like “…” you upvoted", "By … you follow", "In cs.CL you follow", … */
  reason: string;
}

export interface ForYou {
  /** False for a member who upvoted, saved and follows nothing yet: their page says how to start. */
  hasSignal: boolean;
  items: Recommendation[];
}

/**
 * Member `userId`'s For you: up to `limit` recent papers ranked from their upvotes, saved papers and follows
 * (lib/recommend/rank.ts), each with its reason. Their signals are read fresh; the candidates' vectors come
 * from the in-memory index (candidates.ts); the papers are read again as lists read them, so one hidden or
 * withdrawn since the index was built is left out.
 */
export async function getForYou(userId: string, limit = FOR_YOU_SIZE, db: PrismaClient = prisma): Promise<ForYou> {
  const signals = await memberSignals(db, userId);
  if (!hasSignal(signals)) return { hasSignal: false, items: [] };
  const index = await candidateIndex(db);
  const ranked = rankCandidates(index, signals, await likedVectors(db, index, signals.liked), limit);
  if (!ranked.length) return { hasSignal: true, items: [] };
  const rows = await db.paper.findMany({
    where: { id: { in: ranked.map((r) => r.id) }, ...listedPaper() },
    select: summarySelect,
  });
  const byId = new Map(rows.map((row) => [row.id, toSummary(row)]));
  const items = ranked.flatMap(({ id, reason }) => {
    const paper = byId.get(id);
    return paper ? [{ paper, reason }] : [];
  });
  return { hasSignal: true, items };
}
