import "server-only";
import { prisma } from "@/lib/db/client";

/** The most recent mail kept because no SMTP server is configured, newest first. */
export async function getRecentOutboxMessages(limit = 50) {
  return prisma.outboxMessage.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, to: true, subject: true, text: true, createdAt: true },
  });
}
