import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { deleteUser } from "@/lib/settings/mutations";
import { markSeen } from "@/lib/seen/mutations";
import { seenInputSchema } from "@/lib/seen/schema";

const run = randomUUID().slice(0, 8);
const base = Date.now() % 90_000;
const [shown, hidden, other] = [0, 1, 2].map((i) => `2611.${String(base + i).padStart(5, "0")}`) as [
  string,
  string,
  string,
];
const member = `seen_${run}_member`;
const leaving = `seen_${run}_leaving`;

const seenRows = (userId: string) =>
  prisma.paperSeen.findMany({
    where: { userId },
    select: { paperId: true, seenAt: true },
    orderBy: { paperId: "asc" },
  });

beforeAll(async () => {
  await prisma.paper.createMany({
    data: [shown, hidden, other].map((id) => ({
      id,
      title: id,
      abstract: "x",
      authors: ["A"],
      publishedAt: new Date(),
      hiddenAt: id === hidden ? new Date() : null,
    })),
  });
  await prisma.user.createMany({ data: [{ id: member }, { id: leaving }] });
});

afterAll(async () => {
  await prisma.paper.deleteMany({ where: { id: { in: [shown, hidden, other] } } });
  await prisma.user.deleteMany({ where: { id: { in: [member, leaving] } } });
});

describe("markSeen", () => {
  it("notes a paper once per member, and moves its time on when they open it again", async () => {
    expect(await markSeen(member, shown)).toBe(true);
    const [first] = await seenRows(member);
    expect(first?.paperId).toBe(shown);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await markSeen(member, shown)).toBe(true);
    const rows = await seenRows(member);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.seenAt.getTime()).toBeGreaterThan(first!.seenAt.getTime());
  });

  it("notes nothing for a paper readers may not see, or one that does not exist", async () => {
    expect(await markSeen(member, hidden)).toBe(false);
    expect(await markSeen(member, "2611.99999")).toBe(false);
    expect((await seenRows(member)).map((r) => r.paperId)).toEqual([shown]);
  });

  it("goes with the member's account", async () => {
    expect(await markSeen(leaving, other)).toBe(true);
    await deleteUser(leaving);
    expect(await prisma.paperSeen.count({ where: { userId: leaving } })).toBe(0);
  });

  it.each([
    ["an id in no arXiv form", { paperId: "not-an-id" }],
    ["a versioned id", { paperId: `${shown}v2` }],
    ["an id of 10,000 characters", { paperId: "1".repeat(10_000) }],
    ["no id", {}],
  ])("refuses %s", (_, input) => {
    expect(seenInputSchema.safeParse(input).success).toBe(false);
  });
});
