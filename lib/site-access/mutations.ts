import "server-only";
import { prisma } from "@/lib/db/client";
import { feedKeyFor } from "@/lib/site-access/feed-keys";
import { forgetFeedKey } from "@/lib/site-access/members";

/**
 * Gives the member a new private feed key: every address given out before stops working — on this server at
 * once, on the others within the few seconds they remember a key (lib/site-access/members.ts).
 */
export async function rotateFeedKey(userId: string): Promise<void> {
  const before = await prisma.user.findUnique({ where: { id: userId }, select: { feedKeyVersion: true } });
  await prisma.user.update({ where: { id: userId }, data: { feedKeyVersion: { increment: 1 } } });
  const old = before ? feedKeyFor(userId, before.feedKeyVersion) : null;
  if (old) forgetFeedKey(old);
}
