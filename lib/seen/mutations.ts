import "server-only";
import { prisma, sqlRows } from "@/lib/db/client";
import { visiblePaper } from "@/lib/papers/visibility";

/**
 * Notes that `userId` opened the page of `paperId` (again: the time moves on). A paper that does not exist,
 * or that readers may not see, is not noted; the answer says whether it was.
 */
export async function markSeen(userId: string, paperId: string): Promise<boolean> {
  const paper = await prisma.paper.findFirst({ where: { id: paperId, ...visiblePaper() }, select: { id: true } });
  if (!paper) return false;
  const rows = await sqlRows<{ seen: number }>(
    `INSERT INTO "PaperSeen" ("userId", "paperId") VALUES ($1, $2)
     ON CONFLICT ("userId", "paperId") DO UPDATE SET "seenAt" = now()
     RETURNING 1 AS seen`,
    [userId, paperId],
  );
  return rows.length === 1;
}
