import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { addDays, dayToDate, today } from "@/lib/dates/days";
import { CANDIDATE_DAYS, forgetCandidateIndex } from "@/lib/recommend/candidates";
import { getForYou } from "@/lib/recommend/data";

// For you against a real database: what is never listed, the reasons, the follow boost, and the empty case.
// Other test files add papers meanwhile: every assertion is about this file's own papers, whose made-up words
// (suffixed with the run) nothing else shares.

const run = randomUUID().replaceAll("-", "").slice(0, 8);
const word = (stem: string) => `${stem}${run}`;
const id = (name: string) => `fy${run}-${name}`;
const recent = dayToDate(addDays(today(), -2));
const tooOld = dayToDate(addDays(today(), -CANDIDATE_DAYS - 5));

const member = `fy_${run}_member`;
const saver = `fy_${run}_saver`;
const blank = `fy_${run}_blank`;
const followedAuthor = `Ada Follow${run}`;
const followedCategory = `fy.${run}`;
const mutedCategory = `mute.${run}`;

/** Text close to the liked paper's: it shares its made-up words. */
const close = `${word("zorblax")} ${word("quokkanet")} lattice inference for ${word("marsupial")} genomes`;

interface TestPaper {
  name: string;
  title: string;
  featured?: Date | null;
  announced?: Date | null;
  authors?: string[];
  categories?: string[];
  hidden?: boolean;
  withdrawn?: boolean;
}

const papers: TestPaper[] = [
  // The member's upvote, older than the window: its words make their profile.
  {
    name: "liked",
    title: `${word("zorblax")} ${word("quokkanet")}: lattice inference of ${word("marsupial")} DNA`,
  },
  { name: "similar", title: `Scaling ${close}`, featured: recent },
  { name: "announced", title: `Revisiting ${close}`, featured: null, announced: recent },
  { name: "upvoted-candidate", title: `Sparse ${close}`, featured: recent },
  { name: "hidden", title: `Hidden ${close}`, featured: recent, hidden: true },
  { name: "withdrawn", title: `Withdrawn ${close}`, featured: recent, withdrawn: true },
  { name: "muted-category", title: `Muted ${close}`, featured: recent, categories: [mutedCategory] },
  { name: "muted-keyword", title: `${word("gloomword")} ${close}`, featured: recent },
  { name: "too-old", title: `Old ${close}`, featured: tooOld },
  { name: "by-followed", title: `Boosted ${close}`, featured: recent, authors: [followedAuthor] },
  { name: "author-only", title: `${word("unrelated")} protein folding`, featured: recent, authors: [followedAuthor] },
  {
    name: "category-only",
    title: `${word("othertopic")} galaxy surveys`,
    featured: recent,
    categories: [followedCategory],
  },
  { name: "keyword-only", title: `A ${word("blorptastic")} sampler for lattices`, featured: recent },
  { name: "unrelated", title: `${word("nothing")} in common whatsoever`, featured: recent },
  // The saver's saved paper (in a collection) and a candidate like it.
  { name: "saved", title: `${word("heliotrope")} ${word("spectrometry")} of comet tails` },
  { name: "like-saved", title: `Fast ${word("heliotrope")} ${word("spectrometry")} of comet tails`, featured: recent },
];

beforeAll(async () => {
  await prisma.paper.createMany({
    data: papers.map((p) => ({
      id: id(p.name),
      title: p.title,
      abstract: `${p.title}. A study.`,
      authors: p.authors ?? ["Some Author"],
      categories: p.categories ?? ["cs.LG"],
      publishedAt: recent,
      announcedOn: p.announced ?? null,
      hiddenAt: p.hidden ? new Date() : null,
      withdrawnAt: p.withdrawn ? new Date() : null,
    })),
  });
  await prisma.dailyPaper.createMany({
    data: papers.flatMap((p) => (p.featured ? [{ paperId: id(p.name), day: p.featured }] : [])),
  });
  await prisma.user.createMany({ data: [{ id: member }, { id: saver }, { id: blank }] });
  await prisma.upvote.createMany({
    data: [
      { userId: member, paperId: id("liked") },
      { userId: member, paperId: id("upvoted-candidate") },
    ],
  });
  await prisma.mute.createMany({
    data: [
      { userId: member, kind: "CATEGORY", value: mutedCategory },
      { userId: member, kind: "KEYWORD", value: word("gloomword") },
    ],
  });
  await prisma.follow.createMany({
    data: [
      { userId: member, kind: "AUTHOR", value: followedAuthor },
      { userId: member, kind: "CATEGORY", value: followedCategory },
      { userId: member, kind: "KEYWORD", value: word("blorptastic") },
    ],
  });
  await prisma.collection.create({
    data: {
      ownerId: saver,
      name: `Reading ${run}`,
      items: { create: [{ paperId: id("saved"), position: 0 }] },
    },
  });
});

afterAll(async () => {
  await prisma.user.deleteMany({ where: { id: { in: [member, saver, blank] } } });
  await prisma.paper.deleteMany({ where: { id: { in: papers.map((p) => id(p.name)) } } });
});

// Each test reads the papers as they are now, not an index built before a change.
beforeEach(() => forgetCandidateIndex(prisma));

async function ownResults(userId: string) {
  const forYou = await getForYou(userId, 100);
  const own = forYou.items.filter((item) => item.paper.id.startsWith(`fy${run}-`));
  return { forYou, ids: own.map((item) => item.paper.id), reasons: new Map(own.map((i) => [i.paper.id, i.reason])) };
}

describe("For you", () => {
  it("lists recent papers like the member's upvotes, featured or announced, with the upvote as the reason", async () => {
    const { ids, reasons } = await ownResults(member);
    expect(ids).toContain(id("similar"));
    expect(ids).toContain(id("announced"));
    // Either of the member's two upvotes is as like it: the reason names one of them, as the member upvoted it.
    const upvoted = papers.filter((p) => p.name === "liked" || p.name === "upvoted-candidate");
    const quoted = (title: string) => (title.length > 80 ? `${title.slice(0, 79).trimEnd()}…` : title);
    expect(upvoted.map((p) => `Like “${quoted(p.title)}” you upvoted`)).toContain(reasons.get(id("similar")));
  });

  it("never lists a paper the member upvoted, a hidden or withdrawn one, or one older than the window", async () => {
    const { ids } = await ownResults(member);
    for (const name of ["liked", "upvoted-candidate", "hidden", "withdrawn", "too-old"]) {
      expect(ids).not.toContain(id(name));
    }
  });

  it("leaves out papers matching the member's muted categories and keywords", async () => {
    const { ids } = await ownResults(member);
    expect(ids).toContain(id("similar"));
    expect(ids).not.toContain(id("muted-category"));
    expect(ids).not.toContain(id("muted-keyword"));
  });

  it("lists what matches a follow alone, saying which, and ranks a followed author's paper above its peers", async () => {
    const { ids, reasons } = await ownResults(member);
    expect(reasons.get(id("author-only"))).toBe(`By ${followedAuthor} you follow`);
    expect(reasons.get(id("category-only"))).toBe(`In ${followedCategory} you follow`);
    expect(reasons.get(id("keyword-only"))).toBe(`Matches “${word("blorptastic")}” you follow`);
    expect(reasons.get(id("by-followed"))).toBe(`By ${followedAuthor} you follow`);
    expect(ids.indexOf(id("by-followed"))).toBeLessThan(ids.indexOf(id("similar")));
    expect(ids).not.toContain(id("unrelated"));
  });

  it("ranks from saved papers too, naming the collection", async () => {
    const { ids, reasons } = await ownResults(saver);
    const saved = papers.find((p) => p.name === "saved")!.title;
    expect(ids).toContain(id("like-saved"));
    expect(ids).not.toContain(id("saved"));
    expect(reasons.get(id("like-saved"))).toBe(`Like “${saved}” in your collection “Reading ${run}”`);
  });

  it("is empty, and says there is no signal, for a member who upvoted, saved and follows nothing", async () => {
    expect(await getForYou(blank)).toEqual({ hasSignal: false, items: [] });
  });

  it("drops a paper hidden after the index was built", async () => {
    expect((await ownResults(member)).ids).toContain(id("similar"));
    await prisma.paper.update({ where: { id: id("similar") }, data: { hiddenAt: new Date() } });
    try {
      // No forgetting here: the same index serves, and the paper is still left out.
      expect((await getForYou(member, 100)).items.map((i) => i.paper.id)).not.toContain(id("similar"));
    } finally {
      await prisma.paper.update({ where: { id: id("similar") }, data: { hiddenAt: null } });
    }
  });
});
