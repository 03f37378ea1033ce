import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { getViewerState } from "@/lib/viewer/data";

const run = randomUUID().slice(0, 8);
const papers = [0, 1, 2].map((i) => `2611.${String((Date.now() + i) % 100_000).padStart(5, "0")}`) as [
  string,
  string,
  string,
];
const member = { id: `viewer_${run}_member`, name: "Ada Member", username: `ada-${run}` };
const other = { id: `viewer_${run}_other`, username: `bob-${run}` };
const token = `viewer_${run}_token`;
const expiredToken = `viewer_${run}_expired`;
let ownComment = "";

beforeAll(async () => {
  await prisma.paper.createMany({
    data: papers.map((id) => ({ id, title: id, abstract: "x", authors: ["A"], publishedAt: new Date() })),
  });
  await prisma.user.createMany({ data: [member, other] });
  await prisma.session.createMany({
    data: [
      { userId: member.id, sessionToken: token, expires: new Date(Date.now() + 3_600_000) },
      { userId: member.id, sessionToken: expiredToken, expires: new Date(Date.now() - 1_000) },
    ],
  });
  await prisma.emailPreference.create({ data: { userId: member.id, digest: "WEEKLY", unsubscribeToken: run } });
  await prisma.upvote.createMany({
    data: [
      { userId: member.id, paperId: papers[0] },
      { userId: other.id, paperId: papers[0] },
      { userId: other.id, paperId: papers[1] },
    ],
  });
  ownComment = (await prisma.comment.create({ data: { userId: member.id, paperId: papers[0], body: "mine" } })).id;
  await prisma.comment.create({ data: { userId: other.id, paperId: papers[0], body: "theirs" } });
  await prisma.paperSeen.createMany({
    data: [
      { userId: member.id, paperId: papers[1] },
      { userId: other.id, paperId: papers[2] },
    ],
  });
});

afterAll(async () => {
  await prisma.paper.deleteMany({ where: { id: { in: papers } } });
  await prisma.user.deleteMany({ where: { id: { in: [member.id, other.id] } } });
});

describe("the reader's part of a page (GET /api/viewer)", () => {
  it("says who the member is, their votes among the papers asked, the counts now, their digest, comments and what they have seen", async () => {
    const state = await getViewerState(token, { papers, discussion: papers[0] });
    expect(state).toEqual({
      signedIn: true,
      user: { label: "Ada Member", username: member.username },
      isAdmin: false,
      digest: "WEEKLY",
      upvoted: [papers[0]],
      counts: { [papers[0]]: 2, [papers[1]]: 1, [papers[2]]: 0 },
      ownComments: [ownComment],
      seen: [papers[1]],
      muted: [],
      followsAuthor: null,
    });
  });

  it("asks only about the papers and the discussion named", async () => {
    const state = await getViewerState(token, { papers: [papers[1]] });
    expect(state).toMatchObject({ upvoted: [], counts: { [papers[1]]: 1 }, ownComments: [], seen: [papers[1]] });
    expect(await getViewerState(token, { papers: [papers[2]] })).toMatchObject({ seen: [] });
  });

  it.each([
    ["no session", null],
    ["an expired session", expiredToken],
    ["a session that does not exist", `${run}-nobody`],
  ])("gives %s the counts only", async (_, sessionToken) => {
    expect(await getViewerState(sessionToken, { papers, discussion: papers[0] })).toEqual({
      signedIn: false,
      user: null,
      isAdmin: false,
      digest: "OFF",
      upvoted: [],
      counts: { [papers[0]]: 2, [papers[1]]: 1, [papers[2]]: 0 },
      ownComments: [],
      seen: [],
      muted: [],
      followsAuthor: null,
    });
  });
});

describe("the member's mutes and follows in the viewer answer", () => {
  const muter = { id: `viewer_${run}_muter` };
  const muterToken = `viewer_${run}_muter_token`;
  const ids = [3, 4, 5, 6, 7].map((i) => `2611.${String((Date.now() + i) % 100_000).padStart(5, "0")}`);
  const [byAuthor, inCategory, withKeyword, inAbstract, untouched] = ids as [string, string, string, string, string];

  beforeAll(async () => {
    await prisma.paper.createMany({
      data: [
        { id: byAuthor, title: "On graphs", abstract: "x", authors: ["Grace Hopper", "Alan Turing"] },
        { id: inCategory, title: "On stars", abstract: "x", authors: ["Vera Rubin"], categories: ["astro-ph.GA"] },
        { id: withKeyword, title: "Diffusion MODELS for text", abstract: "x", authors: ["C"] },
        { id: inAbstract, title: "Plain", abstract: "We study Diffusion Models at scale.", authors: ["D"] },
        // "Grace Hopper" inside a longer name, "astro-ph" as a prefix: neither is a match.
        {
          id: untouched,
          title: "Diffusion, then models",
          abstract: "x",
          authors: ["Grace Hopper Jr."],
          categories: ["astro-ph.CO", "cs.CL"],
        },
      ].map((paper) => ({ ...paper, publishedAt: new Date() })),
    });
    await prisma.user.create({ data: muter });
    await prisma.session.create({
      data: { userId: muter.id, sessionToken: muterToken, expires: new Date(Date.now() + 3_600_000) },
    });
    await prisma.mute.createMany({
      data: [
        { userId: muter.id, kind: "AUTHOR", value: "Grace Hopper" },
        { userId: muter.id, kind: "CATEGORY", value: "astro-ph.GA" },
        { userId: muter.id, kind: "KEYWORD", value: "diffusion models" },
      ],
    });
    // Another member's mute hides nothing from this one.
    await prisma.mute.create({ data: { userId: member.id, kind: "KEYWORD", value: "plain" } });
    await prisma.follow.create({ data: { userId: muter.id, kind: "AUTHOR", value: "Vera Rubin" } });
  });

  afterAll(async () => {
    await prisma.paper.deleteMany({ where: { id: { in: ids } } });
    await prisma.user.delete({ where: { id: muter.id } });
    await prisma.mute.deleteMany({ where: { userId: member.id } });
  });

  it("says which of the papers asked about the member's mutes hide, by author, category and keyword", async () => {
    const state = await getViewerState(muterToken, { papers: ids });
    expect([...state.muted].sort()).toEqual([byAuthor, inCategory, withKeyword, inAbstract].sort());
    expect(state.followsAuthor).toBeNull();
  });

  it("asks only about the papers named, and hides nothing from a stranger or another member", async () => {
    expect((await getViewerState(muterToken, { papers: [untouched, byAuthor] })).muted).toEqual([byAuthor]);
    expect((await getViewerState(null, { papers: ids })).muted).toEqual([]);
    expect((await getViewerState(token, { papers: ids })).muted).toEqual([inAbstract]);
  });

  it("says whether the member follows the author asked about", async () => {
    expect((await getViewerState(muterToken, { papers: [], author: "Vera Rubin" })).followsAuthor).toBe(true);
    expect((await getViewerState(muterToken, { papers: [], author: "Vera" })).followsAuthor).toBe(false);
    expect((await getViewerState(null, { papers: [], author: "Vera Rubin" })).followsAuthor).toBeNull();
  });
});
