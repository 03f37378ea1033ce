"use server";

import type { ActionResult } from "@/lib/actions/result";
import { authAction } from "@/lib/actions/safe-action";
import { topicHasPapers } from "@/lib/follows/data";
import { addTopic, removeTopic } from "@/lib/follows/mutations";
import { topicChangeSchema, type Topic, type TopicList } from "@/lib/follows/schema";
import { rateLimit, tryAgainIn } from "@/lib/rate-limits";

const options = {
  schema: topicChangeSchema,
  rateLimit: () => rateLimit("follow"),
  signedOutMessage: "Sign in to follow and mute.",
  rateLimitedMessage: (seconds: number) => `That is a lot of changes at once. ${tryAgainIn(seconds)}`,
};

/** The sentence a member reads once a topic is on their list. */
async function addedNote(list: TopicList, topic: Topic): Promise<string> {
  const name = topic.kind === "KEYWORD" ? `“${topic.value}”` : topic.value;
  if (list === "mute") return `Muted ${name}: its papers leave your lists and digest.`;
  if ((await topicHasPapers(topic)) === false) {
    return topic.kind === "AUTHOR"
      ? `No papers by ${topic.value} here yet — you'll hear when one arrives.`
      : `No papers in ${topic.value} here yet — you'll hear when one arrives.`;
  }
  return `Following ${name}.`;
}

const add = authAction(options, async ({ user, input }) => {
  const { list, ...topic } = input;
  const { added } = await addTopic(user.id, list, topic);
  return { added, note: await addedNote(list, topic) };
});

const remove = authAction(options, async ({ user, input }) => {
  const { list, ...topic } = input;
  return removeTopic(user.id, list, topic);
});

/**
 * Follows or mutes an author, a category or a keyword for the signed-in member (`list`, `kind`, `value`, as
 * an object or a form). Idempotent; refused when the member's list is full. Answers a sentence to show.
 */
export async function addTopicAction(input: unknown): Promise<ActionResult<{ added: boolean; note: string }>> {
  return add(input);
}

/** Stops following or unmutes a topic of the signed-in member. Idempotent. */
export async function removeTopicAction(input: unknown): Promise<ActionResult<{ removed: boolean }>> {
  return remove(input);
}
