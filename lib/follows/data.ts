import "server-only";
import { prisma } from "@/lib/db/client";
import type { Topic, TopicsByKind } from "@/lib/follows/schema";
import { listedPaper } from "@/lib/papers/visibility";

/** Follows and mutes of one member, each by kind in the order they were added. */
export interface MemberTopics {
  follows: TopicsByKind;
  mutes: TopicsByKind;
}

function byKind(rows: { kind: Topic["kind"]; value: string }[]): TopicsByKind {
  const topics: TopicsByKind = { AUTHOR: [], CATEGORY: [], KEYWORD: [] };
  for (const row of rows) topics[row.kind].push(row.value);
  return topics;
}

/** What `userId` follows and mutes, for their settings. */
export async function getMemberTopics(userId: string): Promise<MemberTopics> {
  const query = { where: { userId }, orderBy: { createdAt: "asc" as const }, select: { kind: true, value: true } };
  const [follows, mutes] = await Promise.all([prisma.follow.findMany(query), prisma.mute.findMany(query)]);
  return { follows: byKind(follows), mutes: byKind(mutes) };
}

/**
 * Whether any listed paper here has `topic`'s author or category (a keyword is not looked for: that would
 * read every abstract). Null for a keyword. Through the indexes on `authors` and `categories`.
 */
export async function topicHasPapers(topic: Topic): Promise<boolean | null> {
  if (topic.kind === "KEYWORD") return null;
  const has = topic.kind === "AUTHOR" ? { authors: { has: topic.value } } : { categories: { has: topic.value } };
  const paper = await prisma.paper.findFirst({ where: { ...has, ...listedPaper() }, select: { id: true } });
  return paper !== null;
}
