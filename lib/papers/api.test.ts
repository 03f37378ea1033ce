import { describe, expect, it } from "vitest";
import { toDailyPaperItem, toPaperJson } from "@/lib/papers/api";
import { dailyPapersQuerySchema, paperSearchQuerySchema } from "@/lib/papers/api-schema";
import type { PaperSummary } from "@/lib/papers/schema";

const BASE = "https://papers.example.org";
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const featured: PaperSummary = {
  id: "2501.12948",
  title: "DeepSeek-R1: Incentivizing Reasoning\n  Capability in LLMs via Reinforcement Learning",
  abstract: "We introduce our first-generation reasoning models.\n  It reaches 79.8\\% Pass@1 on $\\alpha$-tasks.",
  authors: ["DeepSeek-AI", "Daya Guo", "Dejian Yang"],
  publishedAt: new Date("2025-01-22T00:00:00Z"),
  upvoteCount: 42,
  commentCount: 3,
  githubRepo: "https://github.com/deepseek-ai/DeepSeek-R1",
  projectPage: null,
  thumbnailUrl: null,
  day: "2025-01-23",
  submittedAt: new Date("2025-01-23T06:00:00Z"),
  submittedBy: { username: "akhaliq", name: "AK" },
};

const neverFeatured: PaperSummary = {
  ...featured,
  id: "hep-th/9901001",
  githubRepo: null,
  day: null,
  submittedAt: null,
  submittedBy: null,
};

describe("toDailyPaperItem", () => {
  it("has every field of Hugging Face's item, with the documented types", () => {
    const item = toDailyPaperItem(featured, BASE);
    expect(item).toEqual({
      paper: {
        id: "2501.12948",
        title: expect.any(String),
        summary: expect.any(String),
        authors: [
          { _id: "2501.12948:0", name: "DeepSeek-AI", hidden: false },
          { _id: "2501.12948:1", name: "Daya Guo", hidden: false },
          { _id: "2501.12948:2", name: "Dejian Yang", hidden: false },
        ],
        publishedAt: "2025-01-22T00:00:00.000Z",
        upvotes: 42,
        discussionId: expect.any(String),
        submittedOnDailyAt: "2025-01-23T06:00:00.000Z",
        submittedOnDailyBy: { _id: "akhaliq", name: "akhaliq", fullname: "AK", avatarUrl: null },
        githubRepo: "https://github.com/deepseek-ai/DeepSeek-R1",
      },
      publishedAt: "2025-01-23T06:00:00.000Z",
      title: expect.any(String),
      summary: expect.any(String),
      thumbnail: `${BASE}/og/2501.12948`,
      numComments: 3,
      isAuthorParticipating: false,
      submittedBy: { _id: "akhaliq", name: "akhaliq", fullname: "AK", avatarUrl: null, type: "user" },
    });
    expect(item.paper.publishedAt).toMatch(ISO);
    expect(item.publishedAt).toMatch(ISO);
    expect(item.paper).not.toHaveProperty("projectPage");
  });

  it("gives plain text on the item, and arXiv's text without its line wraps on the paper", () => {
    const item = toDailyPaperItem(featured, BASE);
    expect(item.title).toBe("DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning");
    expect(item.summary).not.toMatch(/\n|\s{2}|\\%|\$/);
    expect(item.summary).toContain("79.8% Pass@1");
    expect(item.paper.title).toBe(item.title);
    expect(item.paper.summary).not.toMatch(/\n/);
    expect(item.paper.summary).toContain("$\\alpha$");
  });

  it("keeps the item complete for a paper that was never featured", () => {
    const item = toDailyPaperItem(neverFeatured, BASE);
    expect(item.publishedAt).toBe("2025-01-22T00:00:00.000Z");
    expect(item.submittedBy).toEqual({ _id: "", name: "", fullname: "", avatarUrl: null, type: "user" });
    expect(item.paper).not.toHaveProperty("submittedOnDailyAt");
    expect(item.paper).not.toHaveProperty("submittedOnDailyBy");
    expect(item.paper).not.toHaveProperty("githubRepo");
    expect(item.thumbnail).toBe(`${BASE}/og/hep-th/9901001`);
    expect(JSON.parse(JSON.stringify(item))).toEqual(item);
  });
});

describe("toPaperJson", () => {
  it("is the item's paper object plus links", () => {
    const json = toPaperJson(featured, BASE);
    expect(json).toEqual({
      ...toDailyPaperItem(featured, BASE).paper,
      arxivUrl: "https://arxiv.org/abs/2501.12948",
      pdfUrl: "https://arxiv.org/pdf/2501.12948",
      url: `${BASE}/papers/2501.12948`,
    });
  });
});

describe("dailyPapersQuerySchema", () => {
  const parse = (query: Record<string, string>) => dailyPapersQuerySchema.safeParse(query);
  const messageOf = (query: Record<string, string>) => {
    const result = parse(query);
    return result.success ? null : result.error.issues[0]?.message;
  };

  it("defaults to the newest papers, page 0, 50 of them", () => {
    expect(parse({}).data).toEqual({ period: null, submitter: null, sort: "publishedAt", page: 0, limit: 50 });
  });

  it("turns a date, week or month into the days it covers", () => {
    expect(parse({ date: "2025-02-28" }).data?.period).toEqual({ kind: "day", day: "2025-02-28" });
    expect(parse({ week: "2025-W09" }).data?.period).toEqual({
      kind: "range",
      range: { from: "2025-02-24", to: "2025-03-02" },
    });
    expect(parse({ month: "2024-02" }).data?.period).toEqual({
      kind: "range",
      range: { from: "2024-02-01", to: "2024-02-29" },
    });
  });

  it("accepts the bounds of p and limit, a submitter and the trending sort", () => {
    expect(parse({ p: "10000", limit: "100", submitter: "akhaliq" }).data).toMatchObject({
      page: 10_000,
      limit: 100,
      submitter: "akhaliq",
    });
    expect(parse({ limit: "1" }).data?.limit).toBe(1);
    expect(parse({ sort: "trending" }).data?.sort).toBe("trending");
  });

  it("rejects what Hugging Face's API rejects, naming the parameter", () => {
    expect(messageOf({ limit: "101" })).toMatch(/^limit /);
    expect(messageOf({ limit: "0" })).toMatch(/^limit /);
    expect(messageOf({ limit: "ten" })).toMatch(/^limit /);
    expect(messageOf({ date: "2025-13-40" })).toMatch(/^date /);
    expect(messageOf({ date: "2025-02-29" })).toMatch(/^date /);
    expect(messageOf({ week: "2025-W54" })).toMatch(/^week /);
    expect(messageOf({ month: "2025-13" })).toMatch(/^month /);
    expect(messageOf({ date: "2025-02-28", week: "2025-W09" })).toMatch(/at most one of date, week and month/);
    expect(messageOf({ p: "-1" })).toMatch(/^p /);
    expect(messageOf({ p: "1.5" })).toMatch(/^p /);
    expect(messageOf({ p: "10001" })).toMatch(/^p /);
    expect(messageOf({ sort: "upvotes" })).toMatch(/^sort /);
    expect(messageOf({ submitter: "x".repeat(65) })).toMatch(/^submitter /);
    expect(messageOf({ sort: "trending", date: "2025-02-28" })).toMatch(/trending/);
  });
});

describe("paperSearchQuerySchema", () => {
  it("needs a q of at most 250 characters and a limit of at most 120", () => {
    expect(paperSearchQuerySchema.safeParse({ q: " reasoning " }).data).toEqual({ q: "reasoning", limit: 20 });
    expect(paperSearchQuerySchema.safeParse({ q: "x".repeat(250), limit: "120" }).success).toBe(true);
    expect(paperSearchQuerySchema.safeParse({}).error?.issues[0]?.message).toBe("q is required");
    expect(paperSearchQuerySchema.safeParse({ q: "  " }).error?.issues[0]?.message).toBe("q is required");
    expect(paperSearchQuerySchema.safeParse({ q: "x".repeat(251) }).success).toBe(false);
    expect(paperSearchQuerySchema.safeParse({ q: "x", limit: "121" }).success).toBe(false);
  });
});
