import "server-only";
import { prisma } from "@/lib/db";
import type { DailyList, PaperSummary } from "@/lib/papers/schema";

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The papers featured on `day` (a UTC calendar day), most upvoted first, ties by time submitted.
 */
export async function getDailyList(day: Date): Promise<DailyList> {
  const rows = await prisma.dailyPaper.findMany({
    where: { day },
    orderBy: [{ paper: { upvoteCount: "desc" } }, { submittedAt: "asc" }],
    select: {
      submittedAt: true,
      submittedBy: { select: { username: true, name: true } },
      paper: {
        select: {
          id: true,
          title: true,
          abstract: true,
          authors: true,
          publishedAt: true,
          upvoteCount: true,
          commentCount: true,
          githubRepo: true,
        },
      },
    },
  });
  const papers: PaperSummary[] = rows.map((row) => ({
    ...row.paper,
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt,
  }));
  return { day: isoDay(day), papers };
}

/** The latest day that has papers, or null when the daily list is empty. */
export async function getLatestDailyList(): Promise<DailyList | null> {
  const latest = await prisma.dailyPaper.findFirst({ orderBy: { day: "desc" }, select: { day: true } });
  return latest ? getDailyList(latest.day) : null;
}
