import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dayToDate, type DayRange } from "@/lib/dates/days";
import { listOrder } from "@/lib/papers/list-order";
import { visibleFeatured } from "@/lib/papers/visibility";

/** How many papers a digest lists at most. */
export const DIGEST_SIZE = 10;
/** How many of the period's top papers a run reads: more than it lists, so a member's mutes leave it full. */
export const DIGEST_CANDIDATES = 3 * DIGEST_SIZE;

/** A paper as a digest lists it. */
export interface DigestPaper {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  upvoteCount: number;
}

/** The most upvoted papers featured within `range`, in the feed's order (hidden papers never go out). */
export async function getDigestPapers(
  prisma: PrismaClient,
  range: DayRange,
  limit = DIGEST_SIZE,
): Promise<DigestPaper[]> {
  const rows = await prisma.dailyPaper.findMany({
    where: { day: { gte: dayToDate(range.from), lte: dayToDate(range.to) }, ...visibleFeatured() },
    orderBy: listOrder,
    take: limit,
    select: { paper: { select: { id: true, title: true, abstract: true, authors: true, upvoteCount: true } } },
  });
  return rows.map((row) => row.paper);
}

/** A verified reader who gets this period's digest. */
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
