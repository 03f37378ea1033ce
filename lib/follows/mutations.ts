import "server-only";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Topic, TopicList } from "@/lib/follows/schema";
import { MEMBER_CAPS } from "@/lib/rate-limits";

/** The table each list is kept in (constants, never user input). */
const TABLES: Record<TopicList, '"Follow"' | '"Mute"'> = { follow: '"Follow"', mute: '"Mute"' };

/** What a member is told when a list is full. */
export function capMessage(list: TopicList): string {
  return list === "follow"
    ? `You follow ${MEMBER_CAPS.follows} topics, the most one member may. Remove one to follow another.`
    : `You mute ${MEMBER_CAPS.mutes} topics, the most one member may. Remove one to mute another.`;
}

/**
 * Puts `topic` on `userId`'s follows or mutes. Idempotent: a topic already there stays as it was (answer
 * `added: false`). Refused with CONFLICT when the list is full (`MEMBER_CAPS`); the member's row is locked
 * for the count, so two adds at once cannot both take the last place.
 */
export async function addTopic(userId: string, list: TopicList, topic: Topic): Promise<{ added: boolean }> {
  const table = TABLES[list];
  const cap = list === "follow" ? MEMBER_CAPS.follows : MEMBER_CAPS.mutes;
  return prisma.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT 1 FROM "User" WHERE id = $1 FOR UPDATE`, userId);
    const [row] = await tx.$queryRawUnsafe<{ present: boolean; count: bigint }[]>(
      `SELECT EXISTS (SELECT 1 FROM ${table} WHERE "userId" = $1 AND kind = $2::"TopicKind" AND value = $3) AS present,
              (SELECT count(*) FROM ${table} WHERE "userId" = $1) AS count`,
      userId,
      topic.kind,
      topic.value,
    );
    if (row?.present) return { added: false };
    if (Number(row?.count ?? 0) >= cap) throw new AppError("CONFLICT", capMessage(list));
    await tx.$executeRawUnsafe(
      `INSERT INTO ${table} ("userId", kind, value) VALUES ($1, $2::"TopicKind", $3) ON CONFLICT DO NOTHING`,
      userId,
      topic.kind,
      topic.value,
    );
    return { added: true };
  });
}

/** Takes `topic` off `userId`'s follows or mutes. Idempotent: a topic not there is no error (`removed: false`). */
export async function removeTopic(userId: string, list: TopicList, topic: Topic): Promise<{ removed: boolean }> {
  const removed = await prisma.$executeRawUnsafe(
    `DELETE FROM ${TABLES[list]} WHERE "userId" = $1 AND kind = $2::"TopicKind" AND value = $3`,
    userId,
    topic.kind,
    topic.value,
  );
  return { removed: removed > 0 };
}
