import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parseArxivApi } from "@/lib/ingest/arxiv-api";
import { parseArxivListing } from "@/lib/ingest/arxiv-listing";
import { parseHfDaily } from "@/lib/ingest/hf-daily";
import type { ArxivRecord, HfDailyRecord, ParseResult } from "@/lib/ingest/records";
import { SKIPPED_REPLACE_REASON, storeArxivRecords, storeHfDaily } from "@/lib/ingest/store";
import { deployMigrations } from "@/tools/migrate";
import { createPrismaClient } from "@/lib/db/create-client";
import { createFreshDatabase, type FreshDatabase } from "@/tests/support/databases";

const fixtures = path.resolve(import.meta.dirname, "../../tests/fixtures/ingest");
const read = (name: string) => readFileSync(path.join(fixtures, name), "utf8");

function recordsOf<T>(result: ParseResult<T>): T[] {
  if (result.kind !== "records") throw new Error(result.message);
  return result.records;
}

const multiArchive = () => recordsOf(parseArxivListing(read("arxiv-rss_2024-11-28_multi-archive_aioarxiv.xml")));
const currentApi = () =>
  recordsOf(parseArxivApi(read("arxiv-api_2026-04-12_search-15-entries-latex_arxivpy-fixture.DERIVED-body.xml")));
const hfDay = () =>
  recordsOf(parseHfDaily(JSON.parse(read("hf-daily-papers_2026-06-12_sotawhat-fixture.json")) as unknown));

// The store's tests need whole tables to themselves (row-for-row comparisons, "nothing was written"), so
// they run on a database of their own, migrated here.
let db: FreshDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await createFreshDatabase();
  await deployMigrations(db.url);
  prisma = createPrismaClient(db.url, 4);
});

afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

beforeEach(async () => {
  await prisma.$executeRawUnsafe(`TRUNCATE "Paper", "User" CASCADE`);
});

/** Every paper column but createdAt/updatedAt (arxivFetchedAt as whether it is set), plus placements and members. */
async function snapshot() {
  const papers = await prisma.paper.findMany({ orderBy: { id: "asc" }, omit: { createdAt: true, updatedAt: true } });
  const daily = await prisma.dailyPaper.findMany({
    orderBy: { paperId: "asc" },
    select: { paperId: true, day: true, submittedAt: true, submittedBy: { select: { username: true } } },
  });
  const users = await prisma.user.findMany({
    orderBy: { username: "asc" },
    select: {
      username: true,
      name: true,
      email: true,
      accounts: { select: { provider: true, providerAccountId: true } },
    },
  });
  return {
    papers: papers.map(({ arxivFetchedAt, ...paper }) => ({ ...paper, fetched: arxivFetchedAt !== null })),
    daily,
    users,
  };
}

describe("storeArxivRecords with a listing feed", () => {
  it("imports the 1,504-item multi-archive feed (its time printed), then finds everything unchanged", async () => {
    const records = multiArchive();
    const started = performance.now();
    const first = await storeArxivRecords(prisma, records, "feed");
    const firstMs = performance.now() - started;
    console.info(
      `multi-archive feed: 1,504 items stored in ${Math.round(firstMs)} ms ` +
        `(rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB)`,
    );
    expect(first).toMatchObject({ created: 935, updated: 0, unchanged: 0, skipped: 569, failed: 0, errors: [] });
    expect(first.skippedItems).toHaveLength(569);
    expect(first.skippedItems?.[0]?.reason).toBe(SKIPPED_REPLACE_REASON);
    expect(await prisma.paper.count()).toBe(935);

    const paper = await prisma.paper.findUniqueOrThrow({ where: { id: "2411.17702" } });
    expect(paper).toMatchObject({
      title: 'Finding "Good Views" of Electrocardiogram Signals for Inferring Abnormalities in Cardiac Condition',
      authors: ["Hyewon Jeong", "Suyeol Yun", "Hammaad Adam"],
      categories: ["eess.SP", "cs.LG"],
      version: 1,
      announceType: "new",
      announcedOn: new Date("2024-11-28T00:00:00.000Z"),
      // No submission date in a feed: 00:00 in New York on the announcement day stands in for it.
      publishedAt: new Date("2024-11-28T05:00:00.000Z"),
      arxivFetchedAt: null,
      license: "http://arxiv.org/licenses/nonexclusive-distrib/1.0/",
    });
    expect(await prisma.paper.count({ where: { announceType: "cross" } })).toBe(9);
    expect(await prisma.paper.count({ where: { title: { contains: "$" } } })).toBeGreaterThan(10);

    const before = await prisma.paper.findMany({ orderBy: { id: "asc" } });
    const againStarted = performance.now();
    const second = await storeArxivRecords(prisma, records, "feed");
    console.info(`multi-archive feed again: ${Math.round(performance.now() - againStarted)} ms, nothing written`);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 935, skipped: 569, failed: 0 });
    expect(await prisma.paper.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("treats a replace as a version bump of a paper here, never moving the version backwards", async () => {
    const [paper] = currentApi();
    if (!paper) throw new Error("no paper");
    const v1 = { ...paper, version: 1, announceType: "new", announcedOn: "2026-04-01" };
    expect(await storeArxivRecords(prisma, [v1], "feed")).toMatchObject({ created: 1 });
    const v2 = {
      ...v1,
      version: 2,
      title: `${paper.title} (revised)`,
      announceType: "replace",
      announcedOn: "2026-04-08",
    };
    expect(await storeArxivRecords(prisma, [v2], "feed")).toMatchObject({ updated: 1 });
    expect(await prisma.paper.findUniqueOrThrow({ where: { id: paper.id } })).toMatchObject({
      version: 2,
      title: v2.title,
      announceType: "replace",
      announcedOn: new Date("2026-04-08T00:00:00.000Z"),
      publishedAt: new Date("2026-04-01T04:00:00.000Z"),
    });
    // The older announcement arriving late changes nothing.
    expect(await storeArxivRecords(prisma, [v1], "feed")).toMatchObject({ updated: 0, unchanged: 1 });
    expect(await prisma.paper.findUniqueOrThrow({ where: { id: paper.id } })).toMatchObject({
      version: 2,
      title: v2.title,
    });
    // An export API answer for v1 (a mirror lagging the listing) takes nothing back: the text stays v2's.
    const v2Stored = await prisma.paper.findUniqueOrThrow({ where: { id: paper.id } });
    await storeArxivRecords(prisma, [{ ...paper, version: 1 }], "api");
    expect(await prisma.paper.findUniqueOrThrow({ where: { id: paper.id } })).toEqual(v2Stored);
    // The export API's answer for v2 then owns the text and the true dates.
    await storeArxivRecords(prisma, [{ ...paper, version: 2 }], "api");
    expect(await prisma.paper.findUniqueOrThrow({ where: { id: paper.id } })).toMatchObject({
      version: 2,
      title: paper.title,
      publishedAt: paper.publishedAt,
    });
  });

  it("skips a replace of a paper not here, with the reason", async () => {
    const [paper] = currentApi();
    if (!paper) throw new Error("no paper");
    const counts = await storeArxivRecords(
      prisma,
      [{ ...paper, publishedAt: undefined, announceType: "replace-cross", announcedOn: "2026-04-08" }],
      "feed",
    );
    expect(counts).toMatchObject({
      created: 0,
      skipped: 1,
      skippedItems: [{ id: paper.id, reason: SKIPPED_REPLACE_REASON }],
    });
    expect(await prisma.paper.count()).toBe(0);
  });

  it("counts records it cannot store as failed, with the reason, and stores the rest", async () => {
    const [good, bad] = currentApi();
    if (!good || !bad) throw new Error("no papers");
    const counts = await storeArxivRecords(
      prisma,
      [good, { ...bad, id: "2501.12948v2" }, { ...bad, authors: [] }],
      "api",
    );
    expect(counts).toMatchObject({
      created: 1,
      failed: 2,
      errors: [
        { id: "2501.12948v2", reason: "not a bare arXiv id" },
        { id: bad.id, reason: "no authors" },
      ],
    });
    expect(await prisma.paper.count()).toBe(1);
  });
});

describe("storeArxivRecords with the export API", () => {
  it("is idempotent: storing the same response twice writes nothing the second time", async () => {
    const records = currentApi();
    expect(await storeArxivRecords(prisma, records, "api")).toMatchObject({ created: 15, failed: 0 });
    const before = await prisma.paper.findMany({ orderBy: { id: "asc" } });
    expect(before.every((paper) => paper.arxivFetchedAt !== null)).toBe(true);
    expect(await storeArxivRecords(prisma, records, "api")).toMatchObject({ created: 0, updated: 0, unchanged: 15 });
    expect(await prisma.paper.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("writes nothing at all when one write fails", async () => {
    const [a, b, c] = currentApi();
    if (!a || !b || !c) throw new Error("no papers");
    await storeArxivRecords(prisma, [a], "api");
    const before = await prisma.paper.findMany({ orderBy: { id: "asc" } });
    // PostgreSQL refuses NUL in text: the third record's insert fails after the first was updated.
    const poisoned = { ...c, abstract: `${c.abstract}\u0000` };
    await expect(
      storeArxivRecords(prisma, [{ ...a, title: "Changed title", version: 9 }, b, poisoned], "api"),
    ).rejects.toThrow();
    expect(await prisma.paper.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("does not un-hide a hidden paper", async () => {
    const [paper] = currentApi();
    if (!paper) throw new Error("no paper");
    await storeArxivRecords(prisma, [paper], "api");
    const hiddenAt = new Date("2026-04-13T10:00:00Z");
    await prisma.paper.update({ where: { id: paper.id }, data: { hiddenAt } });
    await storeArxivRecords(prisma, [{ ...paper, version: 5, title: "New title" }], "api");
    await storeArxivRecords(
      prisma,
      [{ ...paper, version: 6, announceType: "replace", announcedOn: "2026-04-14" }],
      "feed",
    );
    await storeHfDaily(prisma, [hfRecordFor(paper)]);
    // The listing's replace brought v6's text (the original title here); the paper stays hidden.
    expect(await prisma.paper.findUniqueOrThrow({ where: { id: paper.id } })).toMatchObject({
      hiddenAt,
      version: 6,
      title: paper.title,
      aiSummary: "An AI summary.",
    });
  });
});

/** An HF daily item for a paper, as parseHfDaily would give it (HF's copy of the text differs a little). */
function hfRecordFor(paper: ArxivRecord, index = 0): HfDailyRecord {
  return {
    paper: {
      id: paper.id,
      title: `${paper.title} `.trim().replace(/:/, " :"),
      abstract: `${paper.abstract} (HF copy)`,
      authors: paper.authors,
      categories: [],
      publishedAt: new Date((paper.publishedAt?.getTime() ?? 0) + 4 * 3_600_000),
      aiSummary: "An AI summary.",
      aiKeywords: ["testing", `k${index}`],
      githubRepo: `https://github.com/example/repo-${index}`,
      githubStars: index * 10,
      organization: index % 2 ? "Example Lab" : undefined,
      thumbnailUrl: `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${paper.id}.png`,
    },
    day: "2026-04-13",
    submittedAt: new Date(`2026-04-13T0${index % 10}:00:00.000Z`),
    submitter: { username: index % 3 ? "alice-hf-user" : "bob", fullname: index % 3 ? "Alice" : "Bob" },
  };
}

describe("field ownership between sources", () => {
  it("gives identical rows whichever order the export API, a listing feed and HF's list arrive in", async () => {
    const api = currentApi();
    // The same papers as a listing feed announced them: an older version for some, a licence the API does
    // not give, a DOI the API lacks, text as first announced.
    const feed: ArxivRecord[] = api.map((paper, index) => ({
      id: paper.id,
      version: index % 3 === 0 && paper.version && paper.version > 1 ? paper.version - 1 : paper.version,
      title: index % 2 ? `${paper.title} (as announced)` : paper.title,
      abstract: paper.abstract,
      authors: index % 4 === 0 ? [...paper.authors, "Someone Else"] : paper.authors,
      categories: [...paper.categories].reverse(),
      license: "http://creativecommons.org/licenses/by/4.0/",
      ...(index % 5 === 0 ? { doi: `10.0000/feed.${index}` } : {}),
      announceType: index % 2 ? "cross" : "new",
      announcedOn: "2026-04-10",
    }));
    const hf = api.map((paper, index) => hfRecordFor(paper, index));
    const steps = {
      api: () => storeArxivRecords(prisma, api, "api"),
      feed: () => storeArxivRecords(prisma, feed, "feed"),
      hf: () => storeHfDaily(prisma, hf),
    };
    const orders: (keyof typeof steps)[][] = [
      ["api", "feed", "hf"],
      ["api", "hf", "feed"],
      ["feed", "api", "hf"],
      ["feed", "hf", "api"],
      ["hf", "api", "feed"],
      ["hf", "feed", "api"],
    ];
    const results = [];
    for (const order of orders) {
      await prisma.$executeRawUnsafe(`TRUNCATE "Paper", "User" CASCADE`);
      for (const step of order) await steps[step]();
      results.push(await snapshot());
    }
    const [reference] = results;
    expect(reference?.papers).toHaveLength(15);
    const first = reference?.papers[0];
    const apiFirst = api.find((paper) => paper.id === first?.id);
    // The API's text and dates win, the feed's licence and announcement fill what the API lacks, HF's own fields stay.
    expect(first).toMatchObject({
      title: apiFirst?.title,
      publishedAt: apiFirst?.publishedAt,
      categories: apiFirst?.categories,
      license: "http://creativecommons.org/licenses/by/4.0/",
      announcedOn: new Date("2026-04-10T00:00:00.000Z"),
      aiSummary: "An AI summary.",
      fetched: true,
    });
    expect(reference?.daily).toHaveLength(15);
    results.forEach((result, index) => expect(result, orders[index]?.join(" → ")).toEqual(reference));
  });

  it("HF's and a feed's order do not matter either while the export API has not been read", async () => {
    const api = currentApi();
    const feed = api.map((paper) => ({
      ...paper,
      publishedAt: undefined,
      revisedAt: undefined,
      announceType: "new",
      announcedOn: "2026-04-10",
    }));
    const hf = api.map((paper, index) => hfRecordFor(paper, index));
    await storeArxivRecords(prisma, feed, "feed");
    await storeHfDaily(prisma, hf);
    const feedFirst = await snapshot();
    await prisma.$executeRawUnsafe(`TRUNCATE "Paper", "User" CASCADE`);
    await storeHfDaily(prisma, hf);
    await storeArxivRecords(prisma, feed, "feed");
    expect(await snapshot()).toEqual(feedFirst);
    // The feed's text (arXiv's own) and HF's real submission date.
    expect(feedFirst.papers.find((paper) => paper.id === api[0]?.id)).toMatchObject({
      title: api[0]?.title,
      publishedAt: hf[0]?.paper.publishedAt,
      fetched: false,
    });
  });
});

describe("storeHfDaily", () => {
  it("puts HF's day on the list with its submitters as members, and is idempotent", async () => {
    // Someone here already uses one of HF's handles: the HF submitter becomes "<handle>-hf".
    await prisma.user.create({ data: { username: "RKocielnik", email: "rk@example.org" } });
    // A paper already featured on another day stays there.
    const records = hfDay();
    const placedId = records[5]?.paper.id ?? "";
    await storeHfDaily(prisma, [{ ...records[5]!, day: "2026-06-01", submitter: undefined }]);

    const first = await storeHfDaily(prisma, records);
    // The paper placed before had the same HF fields, so it is unchanged (and stays on its day).
    expect(first).toMatchObject({ created: 29, updated: 0, unchanged: 1, failed: 0 });
    const users = await prisma.user.findMany({ where: { email: null }, select: { username: true, name: true } });
    const handles = new Set(records.map((record) => record.submitter?.username));
    expect(users).toHaveLength(handles.size);
    expect(users).toContainEqual({ username: "RKocielnik-hf", name: "Rafal Kocielnik" });
    expect(users).toContainEqual({ username: "pianzhikuang", name: expect.any(String) as string });

    const day = await prisma.dailyPaper.findMany({
      where: { day: new Date("2026-06-12T00:00:00Z") },
      select: { paperId: true, submittedAt: true, submittedBy: { select: { username: true } } },
    });
    expect(day).toHaveLength(29);
    expect(day.find((row) => row.paperId === "2606.00467")?.submittedBy?.username).toBe("RKocielnik-hf");
    const placed = await prisma.dailyPaper.findUniqueOrThrow({ where: { paperId: placedId } });
    expect(placed.day).toEqual(new Date("2026-06-01T00:00:00Z"));

    const paper = await prisma.paper.findUniqueOrThrow({ where: { id: "2606.10423" } });
    expect(paper).toMatchObject({
      githubRepo: "https://github.com/jayoohwang1/webchallenger",
      projectPage: "https://jayoohwang1.github.io/webchallenger-site/",
      arxivFetchedAt: null,
      categories: [],
    });

    const before = await snapshot();
    const updatedAt = await prisma.paper.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } });
    expect(await storeHfDaily(prisma, records)).toMatchObject({ created: 0, updated: 0, unchanged: 30 });
    expect(await snapshot()).toEqual(before);
    expect(await prisma.paper.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } })).toEqual(
      updatedAt,
    );
  });

  it("does not put back a paper an admin removed from a day's list", async () => {
    const [record] = hfDay();
    if (!record) throw new Error("no record");
    await storeHfDaily(prisma, [record]);
    await prisma.dailyPaper.delete({ where: { paperId: record.paper.id } });
    const action = await prisma.adminAction.create({
      data: { action: "remove-from-day", targetId: record.paper.id, detail: `from ${record.day}` },
    });
    expect(await storeHfDaily(prisma, [record])).toMatchObject({ unchanged: 1 });
    expect(await prisma.dailyPaper.count({ where: { paperId: record.paper.id } })).toBe(0);
    await prisma.adminAction.delete({ where: { id: action.id } });
  });

  it("writes nothing, members included, when one write fails", async () => {
    const records = hfDay().slice(0, 3);
    const poisoned = records.map((record, index) =>
      index === 2 ? { ...record, paper: { ...record.paper, aiSummary: "bad\u0000" } } : record,
    );
    await expect(storeHfDaily(prisma, poisoned)).rejects.toThrow();
    expect(await prisma.paper.count()).toBe(0);
    expect(await prisma.user.count()).toBe(0);
    expect(await prisma.dailyPaper.count()).toBe(0);
  });
});
