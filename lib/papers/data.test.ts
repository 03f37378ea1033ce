import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { getDailyList, getLatestDayIn } from "@/lib/papers/data";
import { parseIsoWeek } from "@/lib/dates/days";
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

describe("getLatestDayIn", () => {
  // ISO week 2003-W27 runs from Monday 30 June to Sunday 6 July: a week that begins in June.
  const weekIds: string[] = [`latest-in-${run}-a`, `latest-in-${run}-b`, `latest-in-${run}-hidden`];
  beforeAll(async () => {
    const rows = [
      { id: `latest-in-${run}-a`, day: "2003-07-02", hiddenAt: null },
      { id: `latest-in-${run}-b`, day: "2003-07-03", hiddenAt: null },
      { id: `latest-in-${run}-hidden`, day: "2003-07-05", hiddenAt: new Date("2003-07-05T12:00:00Z") },
    ];
    for (const row of rows) {
      await prisma.paper.create({
        data: {
          id: row.id,
          title: row.id,
          abstract: "Text.",
          authors: ["A"],
          publishedAt: new Date(`${row.day}T00:00:00Z`),
          hiddenAt: row.hiddenAt,
          daily: { create: { day: new Date(`${row.day}T00:00:00Z`), submittedAt: new Date(`${row.day}T01:00:00Z`) } },
        },
      });
    }
  });
  afterAll(async () => {
    await prisma.paper.deleteMany({ where: { id: { in: weekIds } } });
  });

  it("is the week's last day with papers readers may see, not the week's first day (in an empty month)", async () => {
    const week = parseIsoWeek("2003-W27");
    if (!week) throw new Error("bad week");
    expect(week.from).toBe("2003-06-30");
    expect(await getLatestDayIn(week, null)).toBe("2003-07-03");
    expect(await getLatestDayIn({ from: "2003-06-01", to: "2003-06-30" }, null)).toBeNull();
  });
});
