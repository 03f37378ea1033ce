import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/recommendations/route";
import { prisma } from "@/lib/db/client";
import { addDays, dayToDate, today } from "@/lib/dates/days";
import { forgetCandidateIndex } from "@/lib/recommend/candidates";

// GET /api/recommendations: a stranger's 401, bad input's 400, and a member's items in /api/daily_papers' shape.

const run = randomUUID().replaceAll("-", "").slice(0, 8);
const member = `fyapi_${run}`;
const token = `fyapi_${run}_token`;
const liked = `fyapi${run}-liked`;
const related = `fyapi${run}-related`;
const recent = dayToDate(addDays(today(), -1));

beforeAll(async () => {
  await prisma.paper.createMany({
    data: [
      { id: liked, title: `Quasar${run} lensing maps`, abstract: "Maps.", authors: ["A. B"], publishedAt: recent },
      {
        id: related,
        title: `Quasar${run} lensing maps at scale`,
        abstract: "Larger maps.",
        authors: ["C. D"],
        categories: ["astro-ph.CO"],
        publishedAt: recent,
      },
    ],
  });
  await prisma.dailyPaper.create({ data: { paperId: related, day: recent } });
  await prisma.user.create({ data: { id: member } });
  await prisma.session.create({
    data: { userId: member, sessionToken: token, expires: new Date(Date.now() + 3_600_000) },
  });
  await prisma.upvote.create({ data: { userId: member, paperId: liked } });
  forgetCandidateIndex(prisma);
});

afterAll(async () => {
  await prisma.user.deleteMany({ where: { id: member } });
  await prisma.paper.deleteMany({ where: { id: { in: [liked, related] } } });
});

function request(query = "", cookie?: string): NextRequest {
  return new NextRequest(`http://localhost/api/recommendations${query}`, {
    headers: cookie ? { cookie } : {},
  });
}

describe("GET /api/recommendations", () => {
  it("answers a stranger, or an unknown session, 401 in JSON", async () => {
    for (const answer of [await GET(request()), await GET(request("", "authjs.session-token=nobody"))]) {
      expect(answer.status).toBe(401);
      expect(await answer.json()).toEqual({ error: expect.stringMatching(/sign in/i) });
      expect(answer.headers.get("cache-control")).toBe("private, no-store");
    }
  });

  it("answers a bad limit 400", async () => {
    const answer = await GET(request("?limit=0", `authjs.session-token=${token}`));
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ error: expect.stringContaining("limit") });
  });

  it("gives the member /api/daily_papers items, each with its reason", async () => {
    const answer = await GET(request("?limit=100", `authjs.session-token=${token}`));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("private, no-store");
    const items = (await answer.json()) as Record<string, unknown>[];
    const ids = items.map((item) => (item.paper as { id: string }).id);
    expect(ids).not.toContain(liked);
    const item = items.find((entry) => (entry.paper as { id: string }).id === related);
    expect(item).toMatchObject({
      reason: `Like “Quasar${run} lensing maps” you upvoted`,
      title: `Quasar${run} lensing maps at scale`,
      numComments: 0,
      submittedBy: { type: "user" },
      paper: {
        id: related,
        authors: [{ _id: `${related}:0`, name: "C. D", hidden: false }],
        upvotes: 0,
        categories: ["astro-ph.CO"],
        withdrawnAt: null,
      },
    });
    expect(Object.keys(item!).sort()).toEqual(
      [
        "isAuthorParticipating",
        "numComments",
        "paper",
        "publishedAt",
        "reason",
        "submittedBy",
        "summary",
        "thumbnail",
        "title",
      ].sort(),
    );
  });
});
