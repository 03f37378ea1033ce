import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { listDailyPapers, searchApiPapers } from "@/lib/api/data";
import { dayToDate, today } from "@/lib/dates/days";

// Next's data cache only exists inside a Next server; here the trending ranking is read uncached.
vi.mock("next/cache", () => ({ unstable_cache: <T>(work: T) => work }));

/** Letters only, so it can be part of an arXiv-shaped category and a search word. */
const tag = Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
const CATEGORY = `zz-${tag}.DL`;
const id = (name: string) => `api-${tag}-${name}`;
const DAY = today();

/** arXiv's details of the paper that has them, as stored. */
const details = {
  version: 3,
  revisedAt: new Date("2025-02-03T10:15:00Z"),
  arxivComment: "22 pages; v3: corrected Table 2",
  doi: "10.1103/PhysRevD.111.012345",
  journalRef: "Phys. Rev. D 111, 012345 (2025)",
  license: "http://creativecommons.org/licenses/by/4.0/",
  withdrawnAt: null,
};
const none = {
  version: null,
  revisedAt: null,
  arxivComment: null,
  doi: null,
  journalRef: null,
  license: null,
  withdrawnAt: null,
};

describe("the JSON API's lists carry each paper's bibliographic details", () => {
  beforeAll(async () => {
    for (const [index, [name, extra]] of (
      [
        ["full", details],
        ["bare", none],
      ] as const
    ).entries()) {
      await prisma.paper.create({
        data: {
          id: id(name),
          title: `Lattice ${tag} study ${name}`,
          abstract: `Lattice ${tag} models.`,
          authors: ["A. Author"],
          publishedAt: new Date(),
          categories: [CATEGORY],
          upvoteCount: 10 - index,
          ...extra,
          daily: { create: { day: dayToDate(DAY), submittedAt: new Date(Date.now() - index * 60_000) } },
        },
      });
    }
  });
  afterAll(async () => {
    await prisma.paper.deleteMany({ where: { id: { startsWith: `api-${tag}-` } } });
  });

  const query = { submitter: null, category: CATEGORY, page: 0, limit: 10 } as const;
  const expected = [
    { id: id("full"), ...details },
    { id: id("bare"), ...none },
  ];

  it("a day's list, all days and trending", async () => {
    const day = await listDailyPapers({ ...query, period: { kind: "day", day: DAY }, sort: "publishedAt" });
    expect(day).toMatchObject(expected);
    expect(await listDailyPapers({ ...query, period: null, sort: "publishedAt" })).toMatchObject(expected);
    expect(await listDailyPapers({ ...query, period: null, sort: "trending" })).toMatchObject(expected);
  });

  it("search", async () => {
    expect(await searchApiPapers(`lattice ${tag}`, 5)).toMatchObject(expected);
  });
});
