import "server-only";
import { prisma } from "@/lib/db/client";
import type { TokenSummary } from "@/lib/tokens/schema";

/** `userId`'s tokens, newest first, as their settings list them. */
export async function getAccessTokens(userId: string): Promise<TokenSummary[]> {
  return prisma.accessToken.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, mayVote: true, createdAt: true, lastUsedAt: true },
  });
}

/** The token whose secret hashes to `secretHash`, with its member, or null. */
export async function findTokenByHash(
  secretHash: string,
): Promise<{ id: string; userId: string; mayVote: boolean; lastUsedAt: Date | null } | null> {
  return prisma.accessToken.findUnique({
    where: { secretHash },
    select: { id: true, userId: true, mayVote: true, lastUsedAt: true },
  });
}
