import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DigestPaper } from "@/lib/digest/render";
import { dayToDate, type DayRange } from "@/lib/papers/dates";

/** How many papers a digest lists at most. */
export const DIGEST_SIZE = 10;

/** The most upvoted papers featured within `range`. */
export async function getDigestPapers(
  prisma: PrismaClient,
  range: DayRange,
  limit = DIGEST_SIZE,
): Promise<DigestPaper[]> {
  const rows = await prisma.dailyPaper.findMany({
    where: { day: { gte: dayToDate(range.from), lte: dayToDate(range.to) } },
    orderBy: [{ paper: { upvoteCount: "desc" } }, { submittedAt: "asc" }],
    take: limit,
    select: { paper: { select: { id: true, title: true, abstract: true, authors: true, upvoteCount: true } } },
  });
  return rows.map((row) => row.paper);
}

export interface Subscriber {
  userId: string;
  email: string;
  minUpvotes: number;
  unsubscribeToken: string;
}

/**
 * The verified subscribers of a period, in batches ordered by user id (keyset paging), so a run holds
 * one batch in memory however many subscribers there are.
 */
export async function* subscriberBatches(
  prisma: PrismaClient,
  digest: "DAILY" | "WEEKLY",
  batchSize = 500,
): AsyncGenerator<Subscriber[]> {
  let after = "";
  for (;;) {
    const rows = await prisma.emailPreference.findMany({
      where: { digest, userId: { gt: after }, user: { email: { not: null }, emailVerified: { not: null } } },
      orderBy: { userId: "asc" },
      take: batchSize,
      select: { userId: true, minUpvotes: true, unsubscribeToken: true, user: { select: { email: true } } },
    });
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      userId: r.userId,
      email: r.user.email!,
      minUpvotes: r.minUpvotes,
      unsubscribeToken: r.unsubscribeToken,
    }));
    after = rows[rows.length - 1]!.userId;
    if (rows.length < batchSize) return;
  }
}

/** A user's latest permanent digest failure, for their settings page. */
export async function getLastDigestFailure(prisma: PrismaClient, userId: string) {
  return prisma.digestDelivery.findFirst({
    where: { userId, status: "FAILED" },
    orderBy: { createdAt: "desc" },
    select: { periodKey: true, lastError: true, createdAt: true },
  });
}
