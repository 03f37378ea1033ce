import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testPrisma } from "@/tests/support/prisma";

const prisma = testPrisma();
const run = randomUUID().slice(0, 8);
const paperId = `9999.${run}`;
const userIds = Array.from({ length: 40 }, (_, i) => `counter_${run}_${i}`);

async function counts() {
  const paper = await prisma.paper.findUniqueOrThrow({
    where: { id: paperId },
    select: { upvoteCount: true, commentCount: true },
  });
  const upvotes = await prisma.upvote.count({ where: { paperId } });
  const comments = await prisma.comment.count({ where: { paperId } });
  return { paper, upvotes, comments };
}

describe("the denormalised paper counters", () => {
  beforeAll(async () => {
    await prisma.paper.create({
      data: { id: paperId, title: "Counting", abstract: "Counts.", authors: ["A. Counter"], publishedAt: new Date() },
    });
    await prisma.user.createMany({ data: userIds.map((id) => ({ id })) });
  });
  afterAll(async () => {
    await prisma.paper.deleteMany({ where: { id: paperId } });
    await prisma.user.deleteMany({ where: { id: { in: userIds } } });
    await prisma.$disconnect();
  });

  it("stay equal to the rows under concurrent upvotes and removals", async () => {
    // Every user votes twice at once (the second is a duplicate) while half of them also retract.
    await Promise.all(
      userIds.flatMap((userId) => [
        prisma.upvote.createMany({ data: [{ userId, paperId }], skipDuplicates: true }),
        prisma.upvote.createMany({ data: [{ userId, paperId }], skipDuplicates: true }),
      ]),
    );
    await Promise.all(
      userIds.filter((_, i) => i % 2 === 0).map((userId) => prisma.upvote.deleteMany({ where: { userId, paperId } })),
    );
    const { paper, upvotes } = await counts();
    expect(upvotes).toBe(userIds.length / 2);
    expect(paper.upvoteCount).toBe(upvotes);
  });

  it("follow a user's deletion through the cascade", async () => {
    const voter = userIds[1];
    if (!voter) throw new Error("no voter");
    await prisma.comment.create({ data: { paperId, userId: voter, body: "Nice." } });
    expect((await counts()).paper.commentCount).toBe(1);
    const before = (await counts()).paper.upvoteCount;
    await prisma.user.delete({ where: { id: voter } });
    const after = await counts();
    expect(after.paper.upvoteCount).toBe(before - 1);
    expect(after.paper.upvoteCount).toBe(after.upvotes);
    expect(after.paper.commentCount).toBe(0);
  });

  it("can only hold one upvote per user and paper", async () => {
    const userId = userIds[3];
    if (!userId) throw new Error("no user");
    await prisma.upvote.createMany({ data: [{ userId, paperId }], skipDuplicates: true });
    await expect(prisma.upvote.create({ data: { userId, paperId } })).rejects.toThrow();
  });
});
