import { describe, expect, it } from "vitest";
import { toDailyPaperItem, toPaperJson } from "@/lib/api/shapes";
import type { PaperDetail } from "@/lib/papers/schema";

const BASE = "https://papers.example.org";
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const featured: PaperDetail = {
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
  categories: [],
  githubStars: null,
  aiSummary: null,
  aiKeywords: [],
  organization: null,
  day: "2025-01-23",
  submittedAt: new Date("2025-01-23T06:00:00Z"),
  submittedBy: { username: "akhaliq", name: "AK" },
  version: 2,
  revisedAt: new Date("2025-02-03T10:15:00Z"),
  arxivComment: "22 pages",
  doi: "10.1038/s41586-025-09422-z",
  journalRef: "Nature 645, 633-638 (2025)",
  license: "http://creativecommons.org/licenses/by/4.0/",
  withdrawnAt: null,
};

const neverFeatured: PaperDetail = {
  ...featured,
  id: "hep-th/9901001",
  githubRepo: null,
  day: null,
  submittedAt: null,
  submittedBy: null,
  version: null,
  revisedAt: null,
  arxivComment: null,
  doi: null,
  journalRef: null,
  license: null,
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
        version: 2,
        updatedAt: "2025-02-03T10:15:00.000Z",
        arxivComment: "22 pages",
        journalRef: "Nature 645, 633-638 (2025)",
        doi: "10.1038/s41586-025-09422-z",
        license: "http://creativecommons.org/licenses/by/4.0/",
        withdrawnAt: null,
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

describe("Hugging Face's optional fields", () => {
  const fromHf: PaperDetail = {
    ...featured,
    categories: ["cs.CL", "cs.AI"],
    githubStars: 91_234,
    aiSummary: "DeepSeek-R1 uses RL to improve reasoning.",
    aiKeywords: ["reinforcement learning", "reasoning"],
    organization: "DeepSeek",
    projectPage: "https://deepseek.com/r1",
  };

  it("carries ai_summary, ai_keywords, githubStars and organization under HF's names when present", () => {
    const paper = toDailyPaperItem(fromHf, BASE).paper;
    expect(paper).toMatchObject({
      ai_summary: "DeepSeek-R1 uses RL to improve reasoning.",
      ai_keywords: ["reinforcement learning", "reasoning"],
      githubStars: 91_234,
      organization: { name: "DeepSeek", fullname: "DeepSeek" },
      categories: ["cs.CL", "cs.AI"],
      projectPage: "https://deepseek.com/r1",
    });
    expect(toPaperJson(fromHf, BASE)).toMatchObject({ ai_summary: paper.ai_summary, githubStars: 91_234 });
  });

  it("leaves them out when absent, never null", () => {
    const paper = toDailyPaperItem(featured, BASE).paper;
    for (const key of ["ai_summary", "ai_keywords", "githubStars", "organization", "categories"]) {
      expect(paper).not.toHaveProperty(key);
    }
    expect(toDailyPaperItem({ ...featured, githubStars: 0 }, BASE).paper.githubStars).toBe(0);
  });

  it("drops links whose scheme is not http(s)", () => {
    const paper = toDailyPaperItem(
      { ...fromHf, githubRepo: "javascript:alert(1)", projectPage: " data:text/html,<script>alert(1)</script>" },
      BASE,
    ).paper;
    expect(paper).not.toHaveProperty("githubRepo");
    expect(paper).not.toHaveProperty("projectPage");
  });
});

describe("arXiv's details", () => {
  it("are null, not left out, when unknown, so a client tells 'none' from 'not said'", () => {
    const paper = toDailyPaperItem(neverFeatured, BASE).paper;
    expect(paper).toMatchObject({
      version: null,
      updatedAt: null,
      arxivComment: null,
      journalRef: null,
      doi: null,
      license: null,
      withdrawnAt: null,
    });
  });

  it("say when a paper was withdrawn, under Hugging Face's name", () => {
    const withdrawn = { ...featured, version: 3, withdrawnAt: new Date("2025-03-01T05:00:00Z") };
    expect(toDailyPaperItem(withdrawn, BASE).paper).toMatchObject({
      version: 3,
      withdrawnAt: "2025-03-01T05:00:00.000Z",
    });
    expect(toPaperJson(withdrawn, BASE).withdrawnAt).toMatch(ISO);
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
