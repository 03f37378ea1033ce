import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getDailyList } from "@/lib/papers/data";
import { LIST_PAGE_SIZE } from "@/lib/papers/schema";

const run = randomUUID().slice(0, 8);
const day = "2003-06-17";
const ids = Array.from({ length: 60 }, (_, i) => `daylist-${run}-${i}`);

describe("getDailyList", () => {
  beforeAll(async () => {
    for (const [i, id] of ids.entries()) {
      await prisma.paper.create({
        data: {
          id,
          title: `Paper ${i}`,
          abstract: "Text.",
          authors: ["A"],
          publishedAt: new Date(`${day}T00:00:00Z`),
          // Ties on purpose: every pair of papers shares a count, so the submit time decides.
          upvoteCount: Math.floor(i / 2),
          daily: { create: { day: new Date(`${day}T00:00:00Z`), submittedAt: new Date(Date.UTC(2003, 5, 17, 0, i)) } },
        },
      });
    }
  });
  afterAll(async () => {
    await prisma.paper.deleteMany({ where: { id: { in: ids } } });
  });

  it("pages a busy day, most upvoted first and ties by the time submitted", async () => {
    // 60 papers: two full pages of LIST_PAGE_SIZE (24) and a third of 12.
    const first = await getDailyList(day, 1);
    expect(first).toMatchObject({ day, total: 60, page: 1, pageCount: 3 });
    expect(first.papers).toHaveLength(LIST_PAGE_SIZE);
    expect(first.papers.slice(0, 4).map((p) => p.id)).toEqual([ids[58], ids[59], ids[56], ids[57]]);
    const second = await getDailyList(day, 2);
    const third = await getDailyList(day, 3);
    expect(second.papers).toHaveLength(LIST_PAGE_SIZE);
    expect(third.papers).toHaveLength(60 - 2 * LIST_PAGE_SIZE);
    expect(third.papers.at(-1)?.id).toBe(ids[1]);
    expect(new Set([...first.papers, ...second.papers, ...third.papers].map((p) => p.id)).size).toBe(60);
    expect(await getDailyList(day, 4)).toMatchObject({ papers: [], total: 60 });
  });
});
