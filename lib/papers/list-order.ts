import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The order of every list of featured papers (a day, a week, a month, the API, the digest): most upvoted
 * first, ties by time submitted, then by id so pages and digests never shuffle. Not `server-only`: the
 * digest worker runs outside Next.js.
 */
export const listOrder: Prisma.DailyPaperOrderByWithRelationInput[] = [
  { paper: { upvoteCount: "desc" } },
  { submittedAt: "asc" },
  { paperId: "asc" },
];
