import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IngestParseError } from "@/lib/ingest/arxiv-text";
import { parseHfDaily } from "@/lib/ingest/hf-daily";
import type { HfDailyRecord } from "@/lib/ingest/records";

const fixtures = path.resolve(import.meta.dirname, "../../tests/fixtures/ingest");
const sample = () =>
  JSON.parse(readFileSync(path.join(fixtures, "hf-daily-papers_2026-06-12_sotawhat-fixture.json"), "utf8")) as {
    paper: Record<string, unknown>;
    [key: string]: unknown;
  }[];

function records(json: unknown): HfDailyRecord[] {
  const result = parseHfDaily(json);
  if (result.kind !== "records") throw new Error(result.message);
  return result.records;
}

describe("parseHfDaily", () => {
  it("reads all 30 items of the recorded day with HF's fields", () => {
    const result = parseHfDaily(sample());
    if (result.kind !== "records") throw new Error("expected records");
    expect(result.rejected).toEqual([]);
    expect(result.records).toHaveLength(30);
    const all = result.records;
    for (const record of all) {
      expect(record.day).toBe("2026-06-12");
      expect(record.paper.categories).toEqual([]);
      expect(record.submitter?.username).toMatch(/^[A-Za-z0-9._-]+$/);
    }
    expect(all.filter((record) => record.paper.githubRepo)).toHaveLength(16);
    expect(all.filter((record) => record.paper.projectPage)).toHaveLength(13);
    expect(all.filter((record) => record.paper.organization)).toHaveLength(16);

    expect(all[0]).toMatchObject({
      day: "2026-06-12",
      submittedAt: new Date("2026-06-12T00:00:00.000Z"),
      submitter: { username: "RKocielnik", fullname: "Rafal Kocielnik" },
      paper: {
        id: "2606.00467",
        title: "On the Limits of LLM Adaptability: Impact of Model-Internalized Priors on Annotation Task Performance",
        publishedAt: new Date("2026-05-30T00:00:00.000Z"),
        organization: "California institute of technology",
        thumbnailUrl: "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2606.00467.png",
        aiSummary: expect.stringMatching(/^Large language models exhibit limited ability/) as string,
        aiKeywords: expect.arrayContaining(["zero-shot annotation", "ROUGE-L"]) as string[],
      },
    });
    expect(all[0]?.paper.authors.slice(0, 2)).toEqual(["Etienne Casanova", "Rafal Kocielnik"]);
    expect(all.find((record) => record.paper.id === "2606.10423")?.paper).toMatchObject({
      githubRepo: "https://github.com/jayoohwang1/webchallenger",
      projectPage: "https://jayoohwang1.github.io/webchallenger-site/",
    });
  });

  it("keeps items that lack the optional fields", () => {
    const item = sample()[0];
    if (!item) throw new Error("no item");
    const bare = {
      paper: {
        id: item.paper.id,
        title: item.paper.title,
        summary: item.paper.summary,
        authors: item.paper.authors,
        publishedAt: item.paper.publishedAt,
        upvotes: 0,
      },
      publishedAt: "2026-06-11T20:00:00.000Z",
      title: item.title,
    };
    const [record] = records([bare]);
    expect(record).toEqual({
      paper: {
        id: "2606.00467",
        title: item.title,
        abstract: expect.any(String) as string,
        authors: expect.any(Array) as string[],
        categories: [],
        // What a mirror keeps of HF's own: its upvotes, and which authors it hides (none).
        hfUpvotes: 0,
        hfHiddenAuthors: [],
        publishedAt: new Date("2026-05-30T00:00:00.000Z"),
      },
      day: "2026-06-11",
      submittedAt: new Date("2026-06-11T20:00:00.000Z"),
    });
  });

  it("stores links only when they are http(s), and drops malformed optional fields instead of the item", () => {
    const items = sample().slice(0, 3);
    const [a, b, c] = items;
    if (!a || !b || !c) throw new Error("no items");
    a.paper.githubRepo = "javascript:alert(1)";
    a.paper.projectPage = "data:text/html,<script>alert(1)</script>";
    a.thumbnail = "  https://example.org/t.png ";
    b.paper.githubRepo = "ftp://example.org/repo";
    b.paper.githubStars = "lots";
    c.paper.projectPage = "not a url";
    c.paper.ai_keywords = "one, two";
    const [ra, rb, rc] = records(items);
    expect(ra?.paper.githubRepo).toBeUndefined();
    expect(ra?.paper.projectPage).toBeUndefined();
    expect(ra?.paper.thumbnailUrl).toBe("https://example.org/t.png");
    expect(rb?.paper.githubRepo).toBeUndefined();
    expect(rb?.paper.githubStars).toBeUndefined();
    expect(rc?.paper.projectPage).toBeUndefined();
    expect(rc?.paper.aiKeywords).toBeUndefined();
  });

  it("rejects invalid items with the reason and keeps the others", () => {
    const items: unknown[] = sample().slice(0, 4);
    const [a, b, c] = items as { paper: Record<string, unknown> }[];
    if (!a || !b || !c) throw new Error("no items");
    a.paper.id = "not-an-id";
    delete b.paper.publishedAt;
    c.paper.authors = [];
    items.push("junk");
    const result = parseHfDaily(items);
    if (result.kind !== "records") throw new Error("expected records");
    expect(result.records.map((record) => record.paper.id)).toEqual(["2606.13174"]);
    expect(result.rejected).toEqual([
      { id: "not-an-id", reason: "paper.id: is not an arXiv id" },
      { id: "2606.12730", reason: expect.stringMatching(/^paper\.publishedAt: /) as string },
      { id: "2606.13594", reason: "paper.authors: has no authors" },
      { id: "item 5", reason: expect.stringMatching(/expected object/) as string },
    ]);
  });

  it("throws IngestParseError when the body is not a JSON array", () => {
    expect(() => parseHfDaily({ error: "Invalid date" })).toThrow(IngestParseError);
    expect(() => parseHfDaily(null)).toThrow(/not the JSON array/);
  });
});
