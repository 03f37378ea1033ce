import { z } from "zod";
import { cleanAuthorName, MAX_AUTHOR_NAME } from "@/lib/papers/author-name";
import { CATEGORY_MESSAGE, parseCategory } from "@/lib/papers/categories";
import { NOT_IN_A_NAME } from "@/lib/text/unsafe-characters";

/** What a member may follow or mute: an author (as arXiv spells the name), an arXiv category, or a keyword. */
export const TOPIC_KINDS = ["AUTHOR", "CATEGORY", "KEYWORD"] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

/** The two lists a topic may be on: followed (the digest's own section) or muted (hidden from lists and digest). */
export const TOPIC_LISTS = ["follow", "mute"] as const;
export type TopicList = (typeof TOPIC_LISTS)[number];

export const MIN_KEYWORD = 2;
export const MAX_KEYWORD = 60;

/**
 * A keyword as it is stored and matched: lower-cased, its runs of white space one space, trimmed; null when
 * it is not one (shorter than 2 or longer than 60 characters, or holding control or direction characters).
 */
export function normalizeKeyword(raw: string): string | null {
  if (NOT_IN_A_NAME.test(raw.replace(/[\t\n\r]/g, " "))) return null;
  const keyword = raw.replace(/\s+/g, " ").trim().toLowerCase();
  return keyword.length >= MIN_KEYWORD && keyword.length <= MAX_KEYWORD ? keyword : null;
}

const text = z.string({ error: "Say what to follow." }).max(1000, "That is far too long.");

/** A topic of `kind` whose value `clean` puts in its stored form, or refuses (null) with `message`. */
function topicOf<K extends TopicKind>(kind: K, clean: (raw: string) => string | null, message: string) {
  return z.object({
    kind: z.literal(kind),
    value: text.transform((raw, ctx) => {
      const value = clean(raw);
      if (value === null) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return value;
    }),
  });
}

const authorTopic = topicOf(
  "AUTHOR",
  cleanAuthorName,
  `An author is a name as arXiv spells it, up to ${MAX_AUTHOR_NAME} characters.`,
);
const categoryTopic = topicOf("CATEGORY", parseCategory, `A ${CATEGORY_MESSAGE}.`);
const keywordTopic = topicOf(
  "KEYWORD",
  normalizeKeyword,
  `A keyword is a word or phrase of ${MIN_KEYWORD} to ${MAX_KEYWORD} characters.`,
);

/** One author, category or keyword, checked and in its stored form. */
export const topicSchema = z.discriminatedUnion("kind", [authorTopic, categoryTopic, keywordTopic], {
  error: "Choose an author, a category or a keyword.",
});
export type Topic = z.infer<typeof topicSchema>;

/** What the follow and mute actions take: which list, and the topic. */
export const topicChangeSchema = z.intersection(
  z.object({ list: z.enum(TOPIC_LISTS, { error: "Choose follow or mute." }) }),
  topicSchema,
);
export type TopicChange = z.infer<typeof topicChangeSchema>;

/** A member's follows or mutes, by kind, as settings lists them. */
export type TopicsByKind = Record<TopicKind, string[]>;

/** How each kind is named to a person. */
export const TOPIC_KIND_LABELS: Record<TopicKind, { one: string; many: string }> = {
  AUTHOR: { one: "Author", many: "Authors" },
  CATEGORY: { one: "Category", many: "Categories" },
  KEYWORD: { one: "Keyword", many: "Keywords" },
};
