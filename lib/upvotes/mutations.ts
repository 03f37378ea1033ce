import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

/** Whether `error` is PostgreSQL refusing the vote's row because its paper does not exist. */
function isMissingPaper(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") return true;
  return error instanceof Error && /Upvote_paperId_fkey/.test(error.message);
}

/**
 * Sets whether `userId` upvotes `paperId`. Idempotent: the primary key allows one row per user and paper,
 * a repeated "on" inserts nothing and a repeated "off" deletes nothing; the trigger on "Upvote" keeps the
 * paper's count exact. Returns the count after the change. Two round trips (votes come in bursts): the
 * foreign key, not a lookup first, refuses an unknown paper.
 */
export async function setUpvote(
  userId: string,
  paperId: string,
  upvoted: boolean,
): Promise<{ upvoted: boolean; count: number }> {
  try {
    if (upvoted) {
      await prisma.upvote.createMany({ data: [{ userId, paperId }], skipDuplicates: true });
    } else {
      await prisma.upvote.deleteMany({ where: { userId, paperId } });
    }
  } catch (error) {
    if (isMissingPaper(error)) throw new AppError("NOT_FOUND", "This paper does not exist.");
    throw error;
  }
  const paper = await prisma.paper.findUnique({ where: { id: paperId }, select: { upvoteCount: true } });
  if (!paper) throw new AppError("NOT_FOUND", "This paper does not exist.");
  return { upvoted, count: paper.upvoteCount };
}
