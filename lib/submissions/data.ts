import "server-only";
import { prisma } from "@/lib/db/client";
import { loadEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toDayString } from "@/lib/dates/days";
import { ANNOUNCEMENT_PAGE_SIZE, submitWindowStart, type Announcement } from "@/lib/submissions/schema";

/** What an announcement lists: new papers and cross-lists; replacements are version bumps, not news. */
const LISTED_TYPES = ["new", "cross"];

/** The categories "New on arXiv" offers as chips: those the feeds import (ARXIV_CATEGORIES). */
export function announcementCategories(): string[] {
  return loadEnv()
    .ARXIV_CATEGORIES.split(",")
    .map((category) => category.trim())
    .filter(Boolean);
}

/**
 * One page of the latest arXiv announcement imported here (the greatest `Paper.announcedOn`): its new
 * papers first, then cross-lists, each by id; optionally only those in `category`. Hidden papers never
 * show. `announcedOn` is null when no listing feed was imported yet.
 */
export async function getLatestAnnouncement({
  category,
  page,
  pageSize = ANNOUNCEMENT_PAGE_SIZE,
  now = new Date(),
}: {
  category: string | null;
  page: number;
  pageSize?: number;
  /** Decides which papers are past the submission window. */
  now?: Date;
}): Promise<Announcement> {
  const windowDays = loadEnv().SUBMIT_WINDOW_DAYS;
  const visible = { hiddenAt: null, announceType: { in: LISTED_TYPES } } satisfies Prisma.PaperWhereInput;
  const latest = await prisma.paper.aggregate({
    where: { ...visible, announcedOn: { not: null } },
    _max: { announcedOn: true },
  });
  const announcedOn = latest._max.announcedOn;
  if (!announcedOn) return { announcedOn: null, papers: [], windowDays, total: 0, page, pageCount: 0 };

  const where: Prisma.PaperWhereInput = {
    ...visible,
    announcedOn,
    ...(category ? { categories: { has: category } } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.paper.findMany({
      where,
      orderBy: [{ announceType: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        title: true,
        authors: true,
        categories: true,
        announceType: true,
        abstract: true,
        publishedAt: true,
        daily: { select: { day: true } },
      },
    }),
    prisma.paper.count({ where }),
  ]);
  return {
    announcedOn: toDayString(announcedOn),
    papers: rows.map(({ daily, publishedAt, ...paper }) => ({
      ...paper,
      onListDay: daily ? toDayString(daily.day) : null,
      tooOld: publishedAt < submitWindowStart(now, windowDays),
    })),
    windowDays,
    total,
    page,
    pageCount: Math.ceil(total / pageSize),
  };
}

/** Whether paper `id` is here and visible (not hidden): search sends such ids straight to the paper. */
export async function isVisiblePaper(id: string): Promise<boolean> {
  const paper = await prisma.paper.findUnique({ where: { id }, select: { hiddenAt: true } });
  return paper !== null && paper.hiddenAt === null;
}

/** The submit page's view of a member: whether they may submit, and their latest submissions. */
export async function getSubmitterOverview(userId: string, limit = 10) {
  const [user, submissions] = await Promise.all([
    prisma.user.findUnique({ where: { id: userId }, select: { submitBlockedAt: true } }),
    prisma.dailyPaper.findMany({
      where: { submittedById: userId, paper: { hiddenAt: null } },
      orderBy: { submittedAt: "desc" },
      take: limit,
      select: { day: true, paper: { select: { id: true, title: true } } },
    }),
  ]);
  return {
    blocked: Boolean(user?.submitBlockedAt),
    submissions: submissions.map((s) => ({ id: s.paper.id, title: s.paper.title, day: toDayString(s.day) })),
  };
}
