import { describe, expect, it } from "vitest";
import type { Candidate, CandidateIndex } from "@/lib/recommend/candidates";
import { hasPhrase, rankCandidates, type LikedVector } from "@/lib/recommend/rank";
import type { MemberSignals, Topic } from "@/lib/recommend/signals";
import { buildVocabulary, paperTerms, vectorize, words } from "@/lib/recommend/text";

// The ranking alone, on a hand-made index: what the database tests cannot pin down exactly.

interface Paper {
  id: string;
  title: string;
  upvotes?: number;
  authors?: string[];
  categories?: string[];
}

function indexOf(papers: Paper[]) {
  const documents = papers.map((p) => paperTerms(p.title, ""));
  const vocabulary = buildVocabulary(documents);
  const candidates: Candidate[] = papers.map((p, i) => ({
    id: p.id,
    title: p.title,
    text: p.title.toLowerCase(),
    authors: p.authors ?? [],
    categories: p.categories ?? [],
    upvotes: p.upvotes ?? 0,
    vector: vectorize(documents[i]!, vocabulary),
  }));
  const index: CandidateIndex = {
    since: "2026-11-01",
    candidates,
    byId: new Map(candidates.map((c, i) => [c.id, i])),
    vocabulary,
    outside: new Map(),
    buffers: { profile: new Float32Array(vocabulary.idf.length), scratch: new Float32Array(vocabulary.idf.length) },
    builtAt: 0,
  };
  const liked = (paper: Paper, collection: string | null = null): LikedVector => ({
    id: paper.id,
    title: paper.title,
    collection,
    vector: vectorize(paperTerms(paper.title, ""), vocabulary),
  });
  return { index, liked };
}

function signals(follows: Topic[] = [], mutes: Topic[] = [], excluded: string[] = []): MemberSignals {
  return { liked: [], excluded: new Set(excluded), follows, mutes };
}

describe("rankCandidates", () => {
  const papers: Paper[] = [
    { id: "a", title: "Gaussian splatting for dynamic scenes" },
    { id: "b", title: "Gaussian splatting for urban scenes", upvotes: 40 },
    { id: "c", title: "Speech recognition for low-resource languages" },
    { id: "d", title: "Protein folding with diffusion", categories: ["q-bio.BM"] },
  ];

  it("puts the more upvoted of two like papers first, and lists nothing unlike what was liked", () => {
    const { index, liked } = indexOf(papers);
    const likedPaper = liked({ id: "x", title: "Splatting dynamic scenes with Gaussian primitives" });
    const ranked = rankCandidates(index, signals(), [likedPaper], 10);
    expect(ranked.map((r) => r.id)).toEqual(["b", "a"]);
  });

  it("quotes a long liked title shortened, and names the collection of a saved paper", () => {
    const { index, liked } = indexOf(papers);
    const long = `Gaussian splatting ${"very ".repeat(30)}long`;
    const [first] = rankCandidates(index, signals(), [liked({ id: "x", title: long }, "Reading group")], 1);
    expect(first!.reason).toMatch(/^Like “Gaussian splatting very .*…” in your collection “Reading group”$/);
    expect(first!.reason.length).toBeLessThan(130);
  });

  it("says the category followed when nothing liked is closer, and leaves out muted and excluded papers", () => {
    const { index, liked } = indexOf(papers);
    const ranked = rankCandidates(
      index,
      signals([{ kind: "CATEGORY", value: "q-bio.BM" }], [{ kind: "KEYWORD", value: "urban" }], ["a"]),
      [liked({ id: "x", title: "Gaussian splatting" })],
      10,
    );
    expect(ranked.map((r) => r.id)).toEqual(["d"]);
    expect(ranked[0]!.reason).toBe("In q-bio.BM you follow");
  });

  it("matches a followed keyword as a phrase, not its words apart", () => {
    const { index } = indexOf(papers);
    const ranked = rankCandidates(index, signals([{ kind: "KEYWORD", value: "dynamic scenes" }]), [], 10);
    expect(ranked).toEqual([{ id: "a", score: expect.any(Number), reason: "Matches “dynamic scenes” you follow" }]);
    // Words the vocabulary leaves out (stop words, short ones) are found by scanning the text alone.
    const scanned = rankCandidates(index, signals([{ kind: "KEYWORD", value: "for low" }]), [], 10);
    expect(scanned.map((r) => r.id)).toEqual(["c"]);
  });

  it("ranks nothing for a member with no liked papers and no follows, or for a limit of 0", () => {
    const { index, liked } = indexOf(papers);
    expect(rankCandidates(index, signals(), [], 10)).toEqual([]);
    expect(rankCandidates(index, signals(), [liked(papers[0]!)], 0)).toEqual([]);
  });

  it("leaves its buffers zeroed, so one member's profile never leaks into the next ranking", () => {
    const { index, liked } = indexOf(papers);
    rankCandidates(index, signals(), [liked({ id: "x", title: "Gaussian splatting for dynamic scenes" })], 10);
    expect(index.buffers.profile.every((w) => w === 0)).toBe(true);
    expect(index.buffers.scratch.every((w) => w === 0)).toBe(true);
    expect(
      rankCandidates(index, signals(), [liked({ id: "y", title: "Speech recognition" })], 10).map((r) => r.id),
    ).toEqual(["c"]);
  });
});

describe("the text features", () => {
  it("match a followed keyword as whole words only", () => {
    expect(hasPhrase("speculative decoding at scale", "speculative decoding")).toBe(true);
    expect(hasPhrase("nonspeculative decoding", "speculative decoding")).toBe(false);
    expect(hasPhrase("speculative decodings", "speculative decoding")).toBe(false);
  });

  it("drop stop words, numbers and fragments", () => {
    expect(words("We propose 3 new methods for the KV-cache of LLMs")).toEqual(["cache", "llms"]);
  });
});
