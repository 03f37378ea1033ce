import "server-only";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { MEMBER_CAPS } from "@/lib/rate-limits";
import { hashTokenSecret, newTokenSecret } from "@/lib/tokens/secret";
import type { TokenSummary } from "@/lib/tokens/schema";

/** What a member is told when they have as many tokens as they may. */
export const TOKEN_CAP_MESSAGE = `You have ${MEMBER_CAPS.accessTokens} tokens, the most one member may. Revoke one you no longer use to make another.`;

/**
 * Makes a token for `userId`: answers its secret (to be shown once) and its summary; only the secret's hash is
 * stored. Refused with CONFLICT past `MEMBER_CAPS.accessTokens`; the member's row is locked for the count, so
 * two at once cannot both take the last place.
 */
export async function createAccessToken(
  userId: string,
  input: { name: string; mayVote: boolean },
): Promise<{ secret: string; token: TokenSummary }> {
  const secret = newTokenSecret();
  const token = await prisma.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT 1 FROM "User" WHERE id = $1 FOR UPDATE`, userId);
    const count = await tx.accessToken.count({ where: { userId } });
    if (count >= MEMBER_CAPS.accessTokens) throw new AppError("CONFLICT", TOKEN_CAP_MESSAGE);
    return tx.accessToken.create({
      data: { userId, name: input.name, mayVote: input.mayVote, secretHash: hashTokenSecret(secret) },
      select: { id: true, name: true, mayVote: true, createdAt: true, lastUsedAt: true },
    });
  });
  return { secret, token };
}

/**
 * Revokes (deletes) token `tokenId` of `userId`: the next request with it is refused. A token that is not
 * theirs, or already gone, is NOT_FOUND, the same for both so that ids of others' tokens tell nothing.
 */
export async function revokeAccessToken(userId: string, tokenId: string): Promise<void> {
  const { count } = await prisma.accessToken.deleteMany({ where: { id: tokenId, userId } });
  if (count === 0) throw new AppError("NOT_FOUND", "That token does not exist; it may already be revoked.");
}

/** How stale a token's "last used" may get before a request writes it again. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Notes that token `tokenId` was used at `now`, unless it was within the last minute: one write a minute per
 * token at most, however many requests it sends. The condition is in the statement, so of concurrent requests
 * only one writes.
 */
export async function noteTokenUsed(tokenId: string, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  await prisma.accessToken.updateMany({
    where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: cutoff } }] },
    data: { lastUsedAt: now },
  });
}
