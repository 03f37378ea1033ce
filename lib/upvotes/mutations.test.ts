import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { deleteUser } from "@/lib/settings/mutations";
import { setUpvote } from "@/lib/upvotes/mutations";

const run = randomUUID().slice(0, 8);
const paperId = `2611.${String(Date.now() % 100_000).padStart(5, "0")}`;
const users = Array.from({ length: 50 }, (_, i) => `toggle_${run}_${i}`);

async function exact() {
  const paper = await prisma.paper.findUniqueOrThrow({ where: { id: paperId }, select: { upvoteCount: true } });
  return { shown: paper.upvoteCount, rows: await prisma.upvote.count({ where: { paperId } }) };
}

describe("setUpvote", () => {
  beforeAll(async () => {
    await prisma.paper.create({
      data: { id: paperId, title: "Toggles", abstract: "x", authors: ["T"], publishedAt: new Date() },
    });
    await prisma.user.createMany({ data: users.map((id) => ({ id })) });
  });
  afterAll(async () => {
    await prisma.paper.deleteMany({ where: { id: paperId } });
    await prisma.user.deleteMany({ where: { id: { in: users } } });
  });

  it("keeps the count exact under many parallel toggles from many users", async () => {
    // Each user sends on, on, off, on at once: any interleaving ends with one or zero rows per user.
    await Promise.all(
      users.flatMap((userId) => [true, true, false, true].map((upvoted) => setUpvote(userId, paperId, upvoted))),
    );
    const { shown, rows } = await exact();
    expect(shown).toBe(rows);
    expect(rows).toBeLessThanOrEqual(users.length);

    // Then everyone settles on "on", twice over: exactly one row each.
    await Promise.all(users.flatMap((userId) => [setUpvote(userId, paperId, true), setUpvote(userId, paperId, true)]));
    expect(await exact()).toEqual({ shown: users.length, rows: users.length });
  });

  it("is idempotent and answers the count after the change", async () => {
    const userId = users[0]!;
    const off = await setUpvote(userId, paperId, false);
    expect(await setUpvote(userId, paperId, false)).toEqual(off);
    const on = await setUpvote(userId, paperId, true);
    expect(on.count).toBe(off.count + 1);
  });

  it("refuses an unknown paper with a clear error", async () => {
    await expect(setUpvote(users[0]!, "9999.99999", true)).rejects.toThrow("This paper does not exist.");
  });

  it("keeps counts exact when a voter deletes their account", async () => {
    const leaving = users[1]!;
    const before = (await exact()).shown;
    expect(await deleteUser(leaving)).toContain(paperId);
    expect(await exact()).toEqual({ shown: before - 1, rows: before - 1 });
  });
});
