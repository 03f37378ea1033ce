import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { DAY_MS, dayToDate } from "@/lib/dates/days";
import { getLatestAnnouncement, isVisiblePaper } from "@/lib/submissions/data";

// Announcement days later than any real import, so this file's are the latest while it runs.
const latest = "2090-01-03";
const earlier = "2090-01-02";
let nextNumber = 10_000 + Math.floor(Math.random() * 80_000);
const ids: string[] = [];

async function announced(day: string, announceType: string, categories: string[], extra: { hidden?: boolean } = {}) {
  const id = `2612.${String(nextNumber++ % 100_000).padStart(5, "0")}`;
  ids.push(id);
  await prisma.paper.create({
    data: {
      id,
      title: `Announced ${id}`,
      abstract: "x",
      authors: ["A"],
      publishedAt: new Date(),
      categories,
      announcedOn: dayToDate(day),
      announceType,
      hiddenAt: extra.hidden ? new Date() : null,
    },
  });
  return id;
}

describe("getLatestAnnouncement", () => {
  let newCl: string, newCv: string, crossCl: string, replaced: string, hidden: string, older: string;
  beforeAll(async () => {
    older = await announced(earlier, "new", ["cs.CL"]);
    crossCl = await announced(latest, "cross", ["cs.AI", "cs.CL"]);
    newCv = await announced(latest, "new", ["cs.CV"]);
    newCl = await announced(latest, "new", ["cs.CL", "cs.LG"]);
    replaced = await announced(latest, "replace", ["cs.CL"]);
    hidden = await announced(latest, "new", ["cs.CL"], { hidden: true });
    // A hidden paper on a later day does not make that day the latest.
    await announced("2090-01-04", "new", ["cs.CL"], { hidden: true });
    await prisma.dailyPaper.create({ data: { paperId: newCl, day: dayToDate("2090-01-03") } });
  });
  afterAll(async () => {
    await prisma.paper.deleteMany({ where: { id: { in: ids } } });
    await prisma.$disconnect();
  });

  it("lists the latest day's new papers, then its cross-lists; no replacements, nothing hidden or older", async () => {
    const all = await getLatestAnnouncement({ category: null, page: 1 });
    expect(all.announcedOn).toBe(latest);
    expect(all.papers.map((p) => p.id)).toEqual([...[newCv, newCl].sort(), crossCl]);
    expect(all.total).toBe(3);
    for (const id of [replaced, hidden, older]) expect(all.papers.map((p) => p.id)).not.toContain(id);
    expect(all.papers.find((p) => p.id === newCl)?.onListDay).toBe("2090-01-03");
    expect(all.papers.find((p) => p.id === newCv)?.onListDay).toBeNull();
  });

  it("filters by category (primary or cross-listed) and pages", async () => {
    const cl = await getLatestAnnouncement({ category: "cs.CL", page: 1 });
    expect(cl.papers.map((p) => p.id)).toEqual([newCl, crossCl]);
    const paged = await getLatestAnnouncement({ category: null, page: 2, pageSize: 2 });
    expect(paged).toMatchObject({ page: 2, pageCount: 2, total: 3 });
    expect(paged.papers.map((p) => p.id)).toEqual([crossCl]);
    expect((await getLatestAnnouncement({ category: "astro-ph", page: 1 })).papers).toEqual([]);
  });

  it("marks papers past the submission window, so no button offers what the server would refuse", async () => {
    const now = await getLatestAnnouncement({ category: null, page: 1 });
    expect(now.papers.map((p) => p.tooOld)).toEqual([false, false, false]);
    const later = new Date(Date.now() + (now.windowDays + 1) * DAY_MS);
    const stale = await getLatestAnnouncement({ category: null, page: 1, now: later });
    expect(stale.papers.map((p) => p.tooOld)).toEqual([true, true, true]);
  });

  it("tells search which ids are here and visible", async () => {
    expect(await isVisiblePaper(newCv)).toBe(true);
    expect(await isVisiblePaper(hidden)).toBe(false);
    expect(await isVisiblePaper("2612.99998")).toBe(false);
  });
});
