import "server-only";
import { prisma } from "@/lib/db/client";
import type { InviteRow } from "@/lib/invites/schema";

/** The invitations, newest first (up to `limit`), with who sent each. */
export async function getInvites(limit = 200): Promise<InviteRow[]> {
  const rows = await prisma.invite.findMany({
    orderBy: [{ createdAt: "desc" }, { email: "asc" }],
    take: limit,
    select: {
      email: true,
      createdAt: true,
      usedAt: true,
      revokedAt: true,
      invitedBy: { select: { username: true, email: true } },
    },
  });
  return rows.map(({ invitedBy, ...row }) => ({
    ...row,
    invitedBy: invitedBy ? (invitedBy.username ? `@${invitedBy.username}` : invitedBy.email) : null,
  }));
}
