import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { dayToDate, isoWeekOf, monthOf, parseIsoWeek, parseMonth, type DayRange } from "@/lib/dates/days";
import { getNeighbourDays, getNeighbourPeriods } from "@/lib/papers/neighbours";

const weeksAround = (range: DayRange, inCategory: string) => getNeighbourPeriods(range, isoWeekOf, inCategory);
const monthsAround = (range: DayRange, inCategory: string) => getNeighbourPeriods(range, monthOf, inCategory);

const run = randomUUID().slice(0, 8);
// A category of this run's own, so other tests' papers cannot be the neighbours.
const category = `cs.X${run}`;
const papers = [
  { id: `nb-${run}-a`, day: "1995-03-01" }, // 1995-W09
  { id: `nb-${run}-b`, day: "1995-03-22" }, // 1995-W12
  { id: `nb-${run}-hidden`, day: "1995-04-05", hidden: true }, // 1995-W14: hidden, so no papers to show
  { id: `nb-${run}-c`, day: "1995-04-20" }, // 1995-W16
  { id: `nb-${run}-hidden-june`, day: "1995-06-10", hidden: true }, // 1995-06: only a hidden paper
];

describe("getNeighbourPeriods", () => {
  beforeAll(async () => {
    for (const paper of papers) {
      await prisma.paper.create({
        data: {
          id: paper.id,
          title: `Neighbour ${paper.id}`,
          abstract: "Text.",
          authors: ["A"],
          categories: [category],
          publishedAt: dayToDate(paper.day),
          hiddenAt: paper.hidden ? new Date() : null,
          daily: { create: { day: dayToDate(paper.day) } },
        },
      });
    }
  });
  afterAll(async () => {
    await prisma.paper.deleteMany({ where: { id: { in: papers.map((p) => p.id) } } });
  });

  it("skips empty weeks, and weeks whose only papers are hidden", async () => {
    expect(await weeksAround(parseIsoWeek("1995-W12")!, category)).toEqual({
      previous: "1995-W09",
      next: "1995-W16",
    });
    // From an empty week in between, too.
    expect(await weeksAround(parseIsoWeek("1995-W10")!, category)).toEqual({
      previous: "1995-W09",
      next: "1995-W12",
    });
  });

  it("has nothing beyond the first and the last week", async () => {
    expect(await weeksAround(parseIsoWeek("1995-W09")!, category)).toMatchObject({ previous: null });
    expect(await weeksAround(parseIsoWeek("1995-W16")!, category)).toMatchObject({ next: null });
    expect(await weeksAround(parseIsoWeek("1995-W12")!, `cs.None${run}`)).toEqual({
      previous: null,
      next: null,
    });
  });

  it("skips empty months, and months whose only papers are hidden, on both sides", async () => {
    // 1995-03 has two papers; 1995-04 one to show besides a hidden one; 1995-06 only a hidden one.
    expect(await monthsAround(parseMonth("1995-03")!, category)).toEqual({
      previous: null,
      next: "1995-04",
    });
    expect(await monthsAround(parseMonth("1995-04")!, category)).toEqual({
      previous: "1995-03",
      next: null,
    });
    // From an empty month well before and after: the nearest with papers, not the month next door.
    expect(await monthsAround(parseMonth("1994-11")!, category)).toMatchObject({ next: "1995-03" });
    expect(await monthsAround(parseMonth("1995-09")!, category)).toMatchObject({ previous: "1995-04" });
  });

  it("without a category, finds the nearest visible featured day on each side", async () => {
    const range = parseIsoWeek("1995-W13")!;
    const { previousDay, nextDay } = await getNeighbourDays(range);
    // Other tests' papers may sit closer; whatever is found, nothing visible lies in between.
    expect(previousDay! <= "1995-03-22").toBe(true);
    expect(nextDay! > range.to && nextDay! <= "1995-04-20").toBe(true);
    const between = await prisma.dailyPaper.count({
      where: {
        OR: [
          { day: { gt: dayToDate(previousDay!), lt: dayToDate(range.from) } },
          { day: { gt: dayToDate(range.to), lt: dayToDate(nextDay!) } },
        ],
        paper: { hiddenAt: null },
      },
    });
    expect(between).toBe(0);
  });
});
