import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toDayString } from "@/lib/dates/days";
import type { PaperDetail, PaperSummary } from "@/lib/papers/schema";

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
  categories: true,
  githubStars: true,
  aiSummary: true,
  aiKeywords: true,
  organization: true,
  daily: {
    select: { day: true, submittedAt: true, submittedBy: { select: { username: true, name: true } } },
  },
} satisfies Prisma.PaperSelect;

export type SummaryRow = Prisma.PaperGetPayload<{ select: typeof summarySelect }>;

/** A row as the app carries it: the featuring's day, time and submitter flattened onto the paper. */
export function toSummary<Row extends SummaryRow>({
  daily,
  ...paper
}: Row): Omit<Row, "daily"> & Pick<PaperSummary, "day" | "submittedAt" | "submittedBy"> {
  return {
    ...paper,
    day: daily ? toDayString(daily.day) : null,
    submittedAt: daily?.submittedAt ?? null,
    submittedBy: daily?.submittedBy ?? null,
  };
}

/** arXiv's bibliographic details and whether the paper was withdrawn: what a page adds to a card. */
export const bibliographySelect = {
  version: true,
  revisedAt: true,
  arxivComment: true,
  doi: true,
  journalRef: true,
  license: true,
  withdrawnAt: true,
} satisfies Prisma.PaperSelect;

/** A paper page reads the summary's columns and the bibliographic ones. */
export const detailSelect = { ...summarySelect, ...bibliographySelect } satisfies Prisma.PaperSelect;

export type DetailRow = Prisma.PaperGetPayload<{ select: typeof detailSelect }>;

export function toDetail(row: DetailRow): PaperDetail {
  return toSummary(row);
}
