import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IngestParseError, parseArxivListing } from "@/lib/ingest/arxiv-listing";
import { splitAuthors } from "@/lib/ingest/arxiv-text";
import type { ArxivRecord } from "@/lib/ingest/records";

const fixtures = path.resolve(import.meta.dirname, "../../tests/fixtures/ingest");
const read = (name: string) => readFileSync(path.join(fixtures, name), "utf8");

function records(xml: string): ArxivRecord[] {
  const result = parseArxivListing(xml);
  if (result.kind !== "records") throw new Error(`expected records, got: ${result.message}`);
  expect(result.rejected).toEqual([]);
  return result.records;
}

describe("parseArxivListing on rss.arxiv.org RSS 2.0", () => {
  const xml = read("arxiv-rss_2024-11-28_multi-archive_aioarxiv.xml");

  it("reads all 1,504 items of the multi-archive feed: 926 new, 569 replace, 9 cross", () => {
    const result = parseArxivListing(xml);
    expect(result.kind).toBe("records");
    if (result.kind !== "records") return;
    expect(result.records).toHaveLength(1504);
    expect(result.rejected).toEqual([]);
    expect(result.announcedOn).toBe("2024-11-28");
    const count = (type: string) => result.records.filter((record) => record.announceType === type).length;
    expect([count("new"), count("replace"), count("cross")]).toEqual([926, 569, 9]);
    expect(new Set(result.records.map((record) => record.id)).size).toBe(1504);
    for (const record of result.records) {
      expect(record.announcedOn).toBe("2024-11-28");
      expect(record.id).not.toMatch(/v\d+$/);
      expect(record.version).toBeGreaterThanOrEqual(1);
      expect(record.authors.length).toBeGreaterThan(0);
      expect(record.categories.length).toBeGreaterThan(0);
      expect(new Set(record.categories).size).toBe(record.categories.length);
      expect(record.publishedAt).toBeUndefined();
      expect(record.abstract).not.toMatch(/^Abstract:|\n/);
    }
  });

  it("takes id, version, categories (primary first), licence, DOI and journal ref from each item", () => {
    const all = records(xml);
    expect(all.find((record) => record.id === "2411.17702")).toEqual({
      id: "2411.17702",
      version: 1,
      title: 'Finding "Good Views" of Electrocardiogram Signals for Inferring Abnormalities in Cardiac Condition',
      abstract: expect.stringMatching(/^Electrocardiograms \(ECGs\) are an established technique/) as string,
      authors: ["Hyewon Jeong", "Suyeol Yun", "Hammaad Adam"],
      categories: ["eess.SP", "cs.LG"],
      license: "http://arxiv.org/licenses/nonexclusive-distrib/1.0/",
      announceType: "new",
      announcedOn: "2024-11-28",
    });
    const replaced = all.find((record) => record.id === "1712.07645");
    expect(replaced).toMatchObject({
      version: 2,
      announceType: "replace",
      categories: ["nucl-th", "hep-ph"],
      doi: "10.1134/S1547477118030159",
    });
    expect(all.find((record) => record.id === "1401.3665")).toMatchObject({ version: 4, authors: ["Peter Keevash"] });
    expect(all.filter((record) => record.journalRef).length).toBe(97);
    expect(all.filter((record) => record.doi).length).toBe(111);
  });

  it("keeps LaTeX exactly as arXiv wrote it", () => {
    const all = records(xml);
    const withMath = all.filter((record) => record.title.includes("$"));
    expect(withMath.length).toBeGreaterThan(10);
    expect(all.some((record) => /\$[^$]*\\[a-zA-Z]+[^$]*\$/.test(record.abstract))).toBe(true);
  });

  it("drops affiliations from dc:creator without splitting at the commas inside them", () => {
    const all = records(xml);
    const yan = all.find((record) => record.authors[0] === "Tianliang Yan");
    expect(yan?.authors).toEqual([
      "Tianliang Yan",
      "Yubao Liu",
      "Leonid Prokhorov",
      "Jiri Smetana",
      "Haixing Miao",
      "Yiqiu Ma",
      "Vincent Boyer",
      "Denis Martynov",
    ]);
    expect(splitAuthors("Ada Lovelace, Charles Babbage and Mary Somerville")).toEqual([
      "Ada Lovelace",
      "Charles Babbage",
      "Mary Somerville",
    ]);
    expect(splitAuthors("A. Author, B. Author, and C. Anderson (Sands and Co., UK)")).toEqual([
      "A. Author",
      "B. Author",
      "C. Anderson",
    ]);
  });

  it("returns no records, not an error, for a feed with no items", () => {
    const result = parseArxivListing(read("arxiv-rss_2024-11-28_empty-feed_aioarxiv.xml"));
    expect(result).toEqual({ kind: "records", records: [], rejected: [], announcedOn: "2024-11-28" });
  });

  it("turns a 'Feed error for query' channel into a source error with arXiv's message", () => {
    const result = parseArxivListing(read("arxiv-rss_2024-11-28_bad-archive-error_aioarxiv.xml"));
    expect(result.kind).toBe("source-error");
    if (result.kind === "source-error") expect(result.message).toMatch(/^arXiv: Bad archive 'astroph'\./);
  });

  it("rejects an unreadable item with its reason and keeps the others", () => {
    const broken = xml
      .replace("oai:arXiv.org:2411.17700v1", "not-an-id")
      .replace("arXiv:2411.17700v1 Announce Type", "Announce Type");
    const result = parseArxivListing(broken);
    if (result.kind !== "records") throw new Error("expected records");
    expect(result.records).toHaveLength(1503);
    expect(result.rejected).toEqual([{ id: "item 1", reason: "no arXiv id in its guid or description" }]);
  });
});

describe("parseArxivListing on rss.arxiv.org Atom", () => {
  it("reads the 7 entries (5 cross, 2 new) with their announcement day", () => {
    const all = records(read("arxiv-rss-atom_2025-08-20_cs.AI_7-entries_zotero-arxiv-daily.xml"));
    expect(all).toHaveLength(7);
    expect(all.filter((record) => record.announceType === "cross")).toHaveLength(5);
    expect(all.filter((record) => record.announceType === "new")).toHaveLength(2);
    expect(all[0]).toMatchObject({
      id: "2508.13426",
      version: 1,
      categories: ["cs.CL", "cs.AI"],
      authors: ["Chunhua Liu", "Kabir Manandhar Shrestha", "Sukai Huang"],
      license: "http://creativecommons.org/licenses/by-nc-sa/4.0/",
      announcedOn: "2025-08-20",
    });
    expect(all[0]?.abstract).toMatch(/^As large language models \(LLMs\)/);
  });

  it("throws a one-sentence IngestParseError for the truncated body", () => {
    const xml = read("arxiv-rss-atom_2025-08-20_cs.AI_TRUNCATED-by-committer_zotero-arxiv-daily.xml");
    expect(() => parseArxivListing(xml)).toThrow(IngestParseError);
    expect(() => parseArxivListing(xml)).toThrow(
      "the response is not well-formed XML (cut off at line 1233, <feed>, <entry> never closed).",
    );
  });

  it("throws for bodies that are not a listing feed at all", () => {
    expect(() => parseArxivListing("")).toThrow(IngestParseError);
    expect(() => parseArxivListing("<html><body>Service unavailable</body></html>")).toThrow(
      /not an arXiv listing feed/,
    );
    expect(() => parseArxivListing("<rss><channel><title>x</titl></channel></rss>")).toThrow(/not well-formed XML/);
  });
});
