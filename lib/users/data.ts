import "server-only";
import { prisma } from "@/lib/db/client";

export interface PublicProfile {
  id: string;
  name: string | null;
  username: string | null;
  /** The reader keeps their reading list to themselves. */
  profilePrivate: boolean;
}

/** A reader's public profile by username, or null. */
export async function getUserByUsername(username: string): Promise<PublicProfile | null> {
  return prisma.user.findUnique({
    where: { username },
    select: { id: true, name: true, username: true, profilePrivate: true },
  });
}

/** What the profile section of Settings shows for `userId`. */
export async function getProfileSettings(
  userId: string,
): Promise<{ name: string | null; username: string | null; profilePrivate: boolean }> {
  const row = await prisma.user.findUnique({
    where: { id: userId },
    select: { name: true, username: true, profilePrivate: true },
  });
  return row ?? { name: null, username: null, profilePrivate: false };
}
