import "server-only";
import { prisma } from "@/lib/db/client";
import { cleanAuthorName } from "@/lib/papers/author-name";
import type { PaperSummary } from "@/lib/papers/schema";
import { summarySelect, toSummary } from "@/lib/papers/summary";
import { visiblePaper } from "@/lib/papers/visibility";

/** An author's page lists this many of their papers, the most recent first. */
export const AUTHOR_PAGE_PAPERS = 100;
export { MAX_AUTHOR_NAME } from "@/lib/papers/author-name";

/**
 * The author a `/authors/<name>` segment names, as the papers spell it: decoded, with its spaces trimmed; null
 * when it cannot be one (a broken escape, empty, too long, or holding control characters).
 */
export function authorNameOf(segment: string): string | null {
  try {
    return cleanAuthorName(decodeURIComponent(segment));
  } catch {
    return null;
  }
}

/**
 * The papers here whose authors include `name` exactly (as arXiv spells it), visible ones only: the most
 * recent `AUTHOR_PAGE_PAPERS`, and how many there are.
 */
export async function getAuthorPapers(name: string): Promise<{ papers: PaperSummary[]; total: number }> {
  const where = { authors: { has: name }, ...visiblePaper() };
  const [rows, total] = await Promise.all([
    prisma.paper.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: AUTHOR_PAGE_PAPERS,
      select: summarySelect,
    }),
    prisma.paper.count({ where }),
  ]);
  return { papers: rows.map(toSummary), total };
}
