import "server-only";
import { prisma } from "@/lib/db";

/** A reader's public profile by username, or null. */
export async function getUserByUsername(username: string) {
  return prisma.user.findUnique({ where: { username }, select: { id: true, name: true, username: true } });
}
