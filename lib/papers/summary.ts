import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toDayString } from "@/lib/papers/dates";
import type { PaperSummary } from "@/lib/papers/schema";

/** The columns every paper listing reads: select `{ paper: { select: summarySelect } }` and map with `toSummary`. */
export const summarySelect = {
  id: true,
  title: true,
  abstract: true,
  authors: true,
  publishedAt: true,
  upvoteCount: true,
  commentCount: true,
  githubRepo: true,
  projectPage: true,
  thumbnailUrl: true,
  daily: {
    select: { day: true, submittedAt: true, submittedBy: { select: { username: true, name: true } } },
  },
} satisfies Prisma.PaperSelect;

export type SummaryRow = Prisma.PaperGetPayload<{ select: typeof summarySelect }>;

export function toSummary({ daily, ...paper }: SummaryRow): PaperSummary {
  return {
    ...paper,
    day: daily ? toDayString(daily.day) : null,
    submittedAt: daily?.submittedAt ?? null,
    submittedBy: daily?.submittedBy ?? null,
  };
}

/** Within a day (or range), most upvoted first, ties by time submitted. */
export const listOrder: Prisma.DailyPaperOrderByWithRelationInput[] = [
  { paper: { upvoteCount: "desc" } },
  { submittedAt: "asc" },
  { paperId: "asc" },
];
