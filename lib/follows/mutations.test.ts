import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { getMemberTopics, topicHasPapers } from "@/lib/follows/data";
import { addTopic, removeTopic } from "@/lib/follows/mutations";
import { topicChangeSchema, topicSchema } from "@/lib/follows/schema";
import { deleteUser } from "@/lib/settings/mutations";
import { MEMBER_CAPS } from "@/lib/rate-limits";

const run = randomUUID().slice(0, 8);
const member = `follows_${run}_member`;
const full = `follows_${run}_full`;
const leaving = `follows_${run}_leaving`;
const paperId = `2611.${String(Date.now() % 90_000).padStart(5, "0")}`;
const author = `Ada Follow ${run}`;

beforeAll(async () => {
  await prisma.user.createMany({ data: [{ id: member }, { id: full }, { id: leaving }] });
  await prisma.paper.create({
    data: { id: paperId, title: "T", abstract: "x", authors: [author], categories: ["cs.CL"], publishedAt: new Date() },
  });
});

afterAll(async () => {
  await prisma.user.deleteMany({ where: { id: { in: [member, full, leaving] } } });
  await prisma.paper.delete({ where: { id: paperId } });
});

describe("following and muting", () => {
  it("adds a topic once however often it is asked, and removes it once", async () => {
    const topic = topicSchema.parse({ kind: "KEYWORD", value: "  Large   Language\tModels " });
    expect(topic.value).toBe("large language models");
    expect(await addTopic(member, "follow", topic)).toEqual({ added: true });
    expect(await addTopic(member, "follow", topic)).toEqual({ added: false });
    // The same words typed another way are the same keyword.
    expect(
      await addTopic(member, "follow", topicSchema.parse({ kind: "KEYWORD", value: "LARGE language models" })),
    ).toEqual({ added: false });
    expect(await prisma.follow.count({ where: { userId: member } })).toBe(1);
    // Following and muting are separate lists.
    expect(await addTopic(member, "mute", topic)).toEqual({ added: true });
    expect(await removeTopic(member, "follow", topic)).toEqual({ removed: true });
    expect(await removeTopic(member, "follow", topic)).toEqual({ removed: false });
    expect(await getMemberTopics(member)).toEqual({
      follows: { AUTHOR: [], CATEGORY: [], KEYWORD: [] },
      mutes: { AUTHOR: [], CATEGORY: [], KEYWORD: ["large language models"] },
    });
  });

  it("lists a member's topics by kind, in the order they were added", async () => {
    for (const value of ["cs.CL", "hep-th"]) {
      await addTopic(member, "follow", topicSchema.parse({ kind: "CATEGORY", value }));
    }
    await addTopic(member, "follow", topicSchema.parse({ kind: "AUTHOR", value: ` ${author} ` }));
    const { follows } = await getMemberTopics(member);
    expect(follows).toEqual({ AUTHOR: [author], CATEGORY: ["cs.CL", "hep-th"], KEYWORD: [] });
  });

  it("says whether an author or a category has papers here (a name with none may still be followed)", async () => {
    expect(await topicHasPapers({ kind: "AUTHOR", value: author })).toBe(true);
    expect(await topicHasPapers({ kind: "AUTHOR", value: `Nobody ${run}` })).toBe(false);
    expect(await topicHasPapers({ kind: "KEYWORD", value: "anything" })).toBeNull();
    expect(await addTopic(member, "follow", { kind: "AUTHOR", value: `Nobody ${run}` })).toEqual({ added: true });
  });

  it("refuses a topic past the member's cap with a sentence, and takes one again after a removal", async () => {
    await prisma.follow.createMany({
      data: Array.from({ length: MEMBER_CAPS.follows }, (_, i) => ({ userId: full, kind: "KEYWORD", value: `k${i}` })),
    });
    const next = { kind: "KEYWORD", value: "one too many" } as const;
    await expect(addTopic(full, "follow", next)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(`${MEMBER_CAPS.follows} topics`),
    });
    // Already there is not "full": adding it again is still fine.
    expect(await addTopic(full, "follow", { kind: "KEYWORD", value: "k0" })).toEqual({ added: false });
    // The cap is per list: mutes are still open.
    expect(await addTopic(full, "mute", next)).toEqual({ added: true });
    await removeTopic(full, "follow", { kind: "KEYWORD", value: "k0" });
    expect(await addTopic(full, "follow", next)).toEqual({ added: true });
    expect(await prisma.follow.count({ where: { userId: full } })).toBe(MEMBER_CAPS.follows);
  });

  it("holds the cap when many adds race for the last places", async () => {
    await prisma.follow.deleteMany({ where: { userId: full } });
    await prisma.follow.createMany({
      data: Array.from({ length: MEMBER_CAPS.follows - 2 }, (_, i) => ({
        userId: full,
        kind: "KEYWORD",
        value: `r${i}`,
      })),
    });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => addTopic(full, "follow", { kind: "KEYWORD", value: `race ${i}` })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(await prisma.follow.count({ where: { userId: full } })).toBe(MEMBER_CAPS.follows);
  });

  it("goes with the account", async () => {
    await addTopic(leaving, "follow", { kind: "AUTHOR", value: author });
    await addTopic(leaving, "mute", { kind: "CATEGORY", value: "cs.CL" });
    await deleteUser(leaving);
    expect(await prisma.follow.count({ where: { userId: leaving } })).toBe(0);
    expect(await prisma.mute.count({ where: { userId: leaving } })).toBe(0);
  });
});

describe("what a follow or mute may name", () => {
  it.each([
    ["an author with control characters", { kind: "AUTHOR", value: "Ada\u0007Lovelace" }],
    ["an author with a direction override", { kind: "AUTHOR", value: "Ada \u202eLovelace" }],
    ["an author too long", { kind: "AUTHOR", value: "a".repeat(201) }],
    ["an empty author", { kind: "AUTHOR", value: "   " }],
    ["a category that is not arXiv's", { kind: "CATEGORY", value: "cs.CL; DROP TABLE" }],
    ["a keyword of one letter", { kind: "KEYWORD", value: " x " }],
    ["a keyword too long", { kind: "KEYWORD", value: "word ".repeat(13) }],
    ["a keyword with a direction isolate", { kind: "KEYWORD", value: "deep\u2066 learning" }],
    ["an unknown kind", { kind: "VENUE", value: "NeurIPS" }],
    ["a value that is not text", { kind: "KEYWORD", value: 42 }],
  ])("refuses %s with a sentence", (_, input) => {
    const parsed = topicSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/^[A-Z].*\.$/);
  });

  it("takes names, categories and keywords as arXiv and people write them", () => {
    expect(topicSchema.parse({ kind: "AUTHOR", value: " Yann LeCun " })).toEqual({
      kind: "AUTHOR",
      value: "Yann LeCun",
    });
    expect(topicSchema.parse({ kind: "AUTHOR", value: "Łukasz Kaiser" }).value).toBe("Łukasz Kaiser");
    expect(topicSchema.parse({ kind: "CATEGORY", value: "cond-mat.mes-hall" }).value).toBe("cond-mat.mes-hall");
    expect(topicChangeSchema.parse({ list: "mute", kind: "KEYWORD", value: "RL" })).toEqual({
      list: "mute",
      kind: "KEYWORD",
      value: "rl",
    });
    expect(topicChangeSchema.safeParse({ list: "block", kind: "KEYWORD", value: "rl" }).success).toBe(false);
  });
});
