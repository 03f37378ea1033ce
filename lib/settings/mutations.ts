import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/client";
import type { EmailPreferences } from "@/lib/settings/data";

function newUnsubscribeToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Saves a user's digest choice, creating their preferences (and secret unsubscribe token) the first time. */
export async function saveEmailPreferences(userId: string, preferences: EmailPreferences): Promise<void> {
  await prisma.emailPreference.upsert({
    where: { userId },
    create: { userId, ...preferences, unsubscribeToken: newUnsubscribeToken() },
    update: preferences,
  });
}

/** Turns the digest off for the owner of `token`. Returns false when no one owns it. */
export async function unsubscribeByToken(token: string): Promise<boolean> {
  const { count } = await prisma.emailPreference.updateMany({
    where: { unsubscribeToken: token },
    data: { digest: "OFF" },
  });
  return count > 0;
}

/**
 * Deletes a user with their sessions, accounts, preferences, deliveries and upvotes (cascades). The
 * upvote trigger lowers each paper's count as the votes go, so counts stay exact.
 * @returns the papers whose counts changed
 */
export async function deleteUser(userId: string): Promise<string[]> {
  const votedPapers = await prisma.upvote.findMany({ where: { userId }, select: { paperId: true } });
  await prisma.user.delete({ where: { id: userId } });
  return votedPapers.map((v) => v.paperId);
}
