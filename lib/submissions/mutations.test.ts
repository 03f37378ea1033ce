import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// A local replay server stands in for arXiv's export API, set before lib/env is first read; nothing
// here reaches the internet.
const server = await vi.hoisted(async () => {
  const { startReplayServer } = await import("@/tests/support/replay-server");
  const replay = await startReplayServer();
  process.env.ARXIV_API_URL = `${replay.url}/api/query`;
  process.env.SUBMIT_WINDOW_DAYS = "14";
  process.env.SUBMIT_RATE_LIMIT = "10";
  return replay;
});

import { prisma } from "@/lib/db/client";
import { DAY_MS, toDayString } from "@/lib/dates/days";
import { consumeAllowance, rateLimit } from "@/lib/rate-limits";
import { getSubmitterOverview, isVisiblePaper } from "@/lib/submissions/data";
import { submitPaper } from "@/lib/submissions/mutations";
import { fixture, QUICK_HTTP } from "@/tests/support/replay-server";

const run = randomUUID().slice(0, 8);
const now = new Date();
let nextNumber = 10_000 + Math.floor(Math.random() * 80_000);
/** A fresh new-style id no other test uses (arXiv has no 2612.x ids yet). */
const newId = () => `2612.${String(nextNumber++ % 100_000).padStart(5, "0")}`;

const member = { id: `sub_${run}_member`, username: `member-${run}` };
const other = { id: `sub_${run}_other`, username: `other-${run}` };
const blocked = { id: `sub_${run}_blocked`, username: `blocked-${run}` };
const racers = Array.from({ length: 6 }, (_, i) => ({ id: `sub_${run}_racer${i}`, username: `racer${i}-${run}` }));
const allUsers = [member, other, blocked, ...racers];
const papers: string[] = [];

async function paper(publishedAt: Date, extra: { hiddenAt?: Date; withdrawnAt?: Date } = {}): Promise<string> {
  const id = newId();
  papers.push(id);
  await prisma.paper.create({
    data: { id, title: `Paper ${id}`, abstract: "x", authors: ["A"], publishedAt, ...extra },
  });
  return id;
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { code?: string; message?: string } | null;
  expect(error, "expected a refusal").not.toBeNull();
  return { code: String(error?.code), message: String(error?.message) };
}

describe("submitPaper", () => {
  beforeAll(async () => {
    await prisma.user.createMany({
      data: allUsers.map((u) => ({ ...u, submitBlockedAt: u === blocked ? now : null })),
    });
  });
  afterAll(async () => {
    await prisma.paper.deleteMany({ where: { id: { in: papers } } });
    await prisma.user.deleteMany({ where: { id: { in: allUsers.map((u) => u.id) } } });
  });

  it("puts a recent paper on today's list (UTC) as the member's submission", async () => {
    const id = await paper(new Date(now.getTime() - 2 * DAY_MS));
    const result = await submitPaper(member.id, id, { now });
    expect(result).toEqual({ paperId: id, title: `Paper ${id}`, day: toDayString(now), imported: false });
    const row = await prisma.dailyPaper.findUniqueOrThrow({ where: { paperId: id } });
    expect(toDayString(row.day)).toBe(now.toISOString().slice(0, 10));
    expect(row.submittedById).toBe(member.id);
    const overview = await getSubmitterOverview(member.id);
    expect(overview.blocked).toBe(false);
    expect(overview.submissions[0]).toEqual({ id, title: `Paper ${id}`, day: toDayString(now) });
  });

  it("links a second submission to the first: day and submitter", async () => {
    const id = await paper(new Date(now.getTime() - DAY_MS));
    await submitPaper(other.id, id, { now });
    const second = await refusal(submitPaper(member.id, id, { now }));
    expect(second).toEqual({
      code: "ALREADY_SUBMITTED",
      message: `Already on the list of ${toDayString(now)}, submitted by @${other.username}.`,
    });
    expect(await prisma.dailyPaper.count({ where: { paperId: id } })).toBe(1);
  });

  it("refuses a blocked member", async () => {
    const id = await paper(now);
    expect(await refusal(submitPaper(blocked.id, id, { now }))).toEqual({
      code: "SUBMIT_BLOCKED",
      message: "An admin has blocked your account from submitting papers.",
    });
    expect(await prisma.dailyPaper.count({ where: { paperId: id } })).toBe(0);
    expect((await getSubmitterOverview(blocked.id)).blocked).toBe(true);
  });

  it("refuses a hidden paper", async () => {
    const id = await paper(now, { hiddenAt: now });
    expect(await refusal(submitPaper(member.id, id, { now }))).toEqual({
      code: "PAPER_HIDDEN",
      message: `${id} was hidden by an admin and cannot be submitted.`,
    });
    expect(await isVisiblePaper(id)).toBe(false);
    expect(await prisma.dailyPaper.count({ where: { paperId: id } })).toBe(0);
  });

  it("refuses a paper its authors withdrew: lists leave it out, so the submission would show nowhere", async () => {
    const id = await paper(now, { withdrawnAt: now });
    expect(await refusal(submitPaper(member.id, id, { now }))).toEqual({
      code: "PAPER_WITHDRAWN",
      message: `${id} was withdrawn by its authors and cannot be submitted.`,
    });
    expect(await prisma.dailyPaper.count({ where: { paperId: id } })).toBe(0);
  });

  it("takes papers up to SUBMIT_WINDOW_DAYS old by their arXiv date, and refuses older ones", async () => {
    const inside = await paper(new Date(now.getTime() - 14 * DAY_MS + 60_000));
    const outside = await paper(new Date(now.getTime() - 14 * DAY_MS - 60_000));
    expect((await submitPaper(member.id, inside, { now })).paperId).toBe(inside);
    const old = await refusal(submitPaper(member.id, outside, { now }));
    expect(old.code).toBe("SUBMIT_TOO_OLD");
    expect(old.message).toBe(
      `${outside} appeared on arXiv on ${toDayString(new Date(now.getTime() - 14 * DAY_MS - 60_000))}; only papers from the last 14 days can be submitted.`,
    );
    // The window is a setting: a wider one takes the same paper.
    expect((await submitPaper(member.id, outside, { now, windowDays: 30 })).paperId).toBe(outside);
  });

  it("lets exactly one of several simultaneous submissions of a paper win; the others are told who", async () => {
    for (let round = 0; round < 5; round++) {
      const id = await paper(now);
      const results = await Promise.allSettled(racers.map((racer) => submitPaper(racer.id, id, { now })));
      const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [racers[i]!] : []));
      expect(won).toHaveLength(1);
      for (const result of results) {
        if (result.status === "rejected") {
          expect(result.reason).toMatchObject({
            code: "ALREADY_SUBMITTED",
            message: `Already on the list of ${toDayString(now)}, submitted by @${won[0]!.username}.`,
          });
        }
      }
      const rows = await prisma.dailyPaper.findMany({ where: { paperId: id } });
      expect(rows.map((r) => r.submittedById)).toEqual([won[0]!.id]);
    }
  });
});

describe("submitting a paper that is not here yet", () => {
  const http = QUICK_HTTP;
  /** The recorded export API answer used below, and every paper in it. */
  const RECORDED = "arxiv-api_2025-11-11_norel-links_rsxiv-query.xml";
  const recordedIds = [
    "nucl-ex/0408020",
    "1309.4668",
    "1606.02159",
    "1610.08734",
    "2102.00018",
    "0803.1617",
    "1205.6628",
    "nucl-th/9910021",
    "1602.03411",
    "1401.3666",
  ];
  let alreadyHere: string[] = [];

  beforeAll(async () => {
    alreadyHere = (await prisma.paper.findMany({ where: { id: { in: recordedIds } }, select: { id: true } })).map(
      (p) => p.id,
    );
    await prisma.user.createMany({ data: [member], skipDuplicates: true });
  });
  beforeEach(() => server.reset());
  afterAll(async () => {
    await prisma.paper.deleteMany({ where: { id: { in: recordedIds.filter((id) => !alreadyHere.includes(id)) } } });
    await prisma.user.deleteMany({ where: { id: member.id } });
    await server.stop();
  });

  it("fetches it from arXiv's export API and lists it", async ({ skip }) => {
    if (alreadyHere.includes("1309.4668")) skip("1309.4668 is already in this database");
    server.route("/api/query", [fixture(RECORDED)]);
    // Its arXiv date is 2013-09-18: submitted two days later, it is within the window.
    const then = new Date("2013-09-20T12:00:00Z");
    const result = await submitPaper(member.id, "1309.4668", { now: then, http });
    expect(result).toMatchObject({ paperId: "1309.4668", day: "2013-09-20", imported: true });
    expect(server.log.map((request) => request.query.get("id_list"))).toEqual(["1309.4668"]);
    const paper = await prisma.paper.findUniqueOrThrow({
      where: { id: "1309.4668" },
      select: { title: true, publishedAt: true, arxivFetchedAt: true, daily: { select: { submittedById: true } } },
    });
    expect(result.title).toBe(paper.title);
    expect(paper.publishedAt.toISOString()).toBe("2013-09-18T14:54:19.000Z");
    expect(paper.arxivFetchedAt).not.toBeNull();
    expect(paper.daily?.submittedById).toBe(member.id);
    // The recorded answer holds nine more papers, never asked for: none is stored.
    const unasked = recordedIds.filter((id) => id !== "1309.4668" && !alreadyHere.includes(id));
    expect(await prisma.paper.count({ where: { id: { in: unasked } } })).toBe(0);
  });

  it("says arXiv has no such paper when arXiv knows none", async () => {
    server.route("/api/query", [fixture("arxiv-api_2025-11-11_empty-result_rsxiv.xml")]);
    const id = newId();
    expect(await refusal(submitPaper(member.id, id, { now, http }))).toEqual({
      code: "NOT_FOUND",
      message: `arXiv has no paper ${id}.`,
    });
    expect(await prisma.paper.count({ where: { id } })).toBe(0);
  });

  it("refuses a paper older than the window without storing it", async ({ skip }) => {
    if (alreadyHere.includes("1606.02159")) skip("1606.02159 is already in this database");
    server.route("/api/query", [fixture(RECORDED)]);
    expect(await refusal(submitPaper(member.id, "1606.02159", { now, http }))).toEqual({
      code: "SUBMIT_TOO_OLD",
      message: "1606.02159 appeared on arXiv on 2016-06-07; only papers from the last 14 days can be submitted.",
    });
    expect(await prisma.paper.count({ where: { id: "1606.02159" } })).toBe(0);
  });

  it("says arXiv has no such paper, not that arXiv is down, when arXiv refuses the id (HTTP 400)", async () => {
    server.route("/api/query", [
      fixture("arxiv-api_2026-04-12_http400-error-entry_arxivpy-fixture.DERIVED-body.xml", { status: 400 }),
    ]);
    const id = newId();
    expect(await refusal(submitPaper(member.id, id, { now, http }))).toEqual({
      code: "NOT_FOUND",
      message: `arXiv has no paper ${id}.`,
    });
    expect(server.log.length).toBe(1);
  });

  it("says arXiv did not answer when it is down, and writes nothing", async () => {
    server.route("/api/query", [{ kind: "busy", status: 503 }]);
    const id = newId();
    expect(await refusal(submitPaper(member.id, id, { now, http }))).toEqual({
      code: "UPSTREAM_FAILED",
      message: "arXiv did not answer; try again in a few minutes.",
    });
    expect(server.log.length).toBe(2);
    expect(await prisma.paper.count({ where: { id } })).toBe(0);
  });

  it("says arXiv did not answer when it hangs", async () => {
    server.route("/api/query", [{ kind: "hang" }]);
    const id = newId();
    const started = Date.now();
    expect((await refusal(submitPaper(member.id, id, { now, http }))).code).toBe("UPSTREAM_FAILED");
    // Within the test's short timeouts, not the 30 s defaults: a hang guard, not a speed target.
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe("the submission rate limit", () => {
  it("allows SUBMIT_RATE_LIMIT submissions an hour per member, then says when to come back", async () => {
    const limit = rateLimit("submit");
    expect(limit).toEqual({ name: "submit", points: 10, durationSeconds: 3600 });
    const key = `rate_${run}`;
    for (let i = 0; i < 10; i++) expect(await consumeAllowance(limit, key)).toEqual({ allowed: true });
    const refused = await consumeAllowance(limit, key);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) {
      expect(refused.retryAfterSeconds).toBeGreaterThan(3500);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(3600);
    }
    // Another member's allowance is their own.
    expect(await consumeAllowance(limit, `${key}_other`)).toEqual({ allowed: true });
    await prisma.rateLimiterFlexible.deleteMany({ where: { key: { startsWith: `submit:${key}` } } });
  });
});
