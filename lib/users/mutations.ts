import "server-only";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProfileInput } from "@/lib/users/schema";

/**
 * Saves a reader's display name, handle and privacy choice. The handle's uniqueness is the database's (the
 * unique index), so two readers racing for one name cannot both get it.
 * @returns the papers this reader submitted or commented on (their cached pages show the reader's name)
 * @throws AppError CONFLICT when another reader has the handle
 */
export async function updateProfile(userId: string, profile: ProfileInput): Promise<string[]> {
  try {
    await prisma.user.update({
      where: { id: userId },
      data: { name: profile.name, username: profile.username, profilePrivate: profile.profilePrivate },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `The handle “${profile.username}” is taken. Choose another.`, { cause: error });
    }
    throw error;
  }
  const [submitted, commented] = await Promise.all([
    prisma.dailyPaper.findMany({ where: { submittedById: userId }, select: { paperId: true } }),
    prisma.comment.findMany({ where: { userId }, distinct: ["paperId"], select: { paperId: true } }),
  ]);
  return [...new Set([...submitted, ...commented].map((row) => row.paperId))];
}
