import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Sets whether `userId` upvotes `paperId`. Idempotent: the primary key allows one row per user and paper,
 * a repeated "on" inserts nothing and a repeated "off" deletes nothing; the trigger on "Upvote" keeps the
 * paper's count exact. Returns the count after the change.
 */
export async function setUpvote(
  userId: string,
  paperId: string,
  upvoted: boolean,
): Promise<{ upvoted: boolean; count: number }> {
  const paper = await prisma.paper.findUnique({ where: { id: paperId }, select: { id: true } });
  if (!paper) throw new AppError("NOT_FOUND", "This paper does not exist.");
  if (upvoted) {
    await prisma.upvote.createMany({ data: [{ userId, paperId }], skipDuplicates: true });
  } else {
    await prisma.upvote.deleteMany({ where: { userId, paperId } });
  }
  const { upvoteCount } = await prisma.paper.findUniqueOrThrow({
    where: { id: paperId },
    select: { upvoteCount: true },
  });
  return { upvoted, count: upvoteCount };
}
