import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IngestParseError, parseArxivApi } from "@/lib/ingest/arxiv-api";
import type { ArxivRecord } from "@/lib/ingest/records";

const fixtures = path.resolve(import.meta.dirname, "../../tests/fixtures/ingest");
const read = (name: string) => readFileSync(path.join(fixtures, name), "utf8");

const LEGACY = "arxiv-api_2025-08-20_legacy-format_rsxiv-query.xml";
const NOREL = "arxiv-api_2025-11-11_norel-links_rsxiv-query.xml";
const CURRENT = "arxiv-api_2026-04-12_search-15-entries-latex_arxivpy-fixture.DERIVED-body.xml";

function records(xml: string): ArxivRecord[] {
  const result = parseArxivApi(xml);
  if (result.kind !== "records") throw new Error(`expected records, got: ${result.message}`);
  expect(result.rejected).toEqual([]);
  return result.records;
}

/**
 * The fields the formats must agree on. `revisedAt` is left out on purpose: for the same version the
 * late-2025 API reports a different `<updated>` (1602.03411v1: 2016-02-10 in the old format, 2016-07-27 in
 * the new), so it is arXiv's data that differs there, not our reading of it.
 */
const COMPARED = [
  "id",
  "version",
  "title",
  "abstract",
  "authors",
  "categories",
  "publishedAt",
  "comment",
  "doi",
  "journalRef",
  "license",
] as const;

function comparable(record: ArxivRecord) {
  return Object.fromEntries(COMPARED.map((field) => [field, record[field]]));
}

function byId(list: ArxivRecord[]) {
  return new Map(list.map((record) => [record.id, record]));
}

describe("parseArxivApi", () => {
  it("reads the old format: hard wraps collapsed, primary category first, DOI, comment, journal ref", () => {
    const all = records(read(LEGACY));
    expect(all).toHaveLength(10);
    const paper = byId(all).get("1602.03411");
    expect(paper).toEqual({
      id: "1602.03411",
      version: 1,
      title: "Effects of electron temperature anisotropy on proton mirror instability evolution",
      abstract: expect.stringMatching(
        /^Proton mirror modes are large amplitude nonpropagating structures frequently observed in the magnetosheath\. /,
      ) as string,
      authors: ["Narges Ahmadi", "Kai Germaschewski", "Joachim Raeder"],
      categories: ["physics.plasm-ph", "physics.space-ph"],
      publishedAt: new Date("2016-02-10T15:36:31Z"),
      revisedAt: new Date("2016-02-10T15:36:31Z"),
      comment: "11 pages, 19 figures",
      doi: "10.1002/2016JA022429",
    });
    for (const record of all) expect(`${record.title} ${record.abstract}`).not.toMatch(/\n|\s{2}/);
    expect(byId(all).get("hep-ph/9411242")?.abstract).toContain("$10^{31}$ to $10^{32}$");
  });

  it("reads the late-2025 format, whose entry links have no rel, type or title", () => {
    const all = records(read(NOREL));
    expect(all).toHaveLength(10);
    expect(all[0]).toMatchObject({ id: "nucl-ex/0408020", version: 1, categories: ["nucl-ex", "hep-ph"] });
    expect(all.filter((record) => record.doi).length).toBe(7);
    expect(all.filter((record) => record.journalRef).length).toBe(6);
    expect(byId(all).get("1610.08734")?.version).toBe(3);
  });

  it("reads the current format, LaTeX kept as written", () => {
    const all = records(read(CURRENT));
    expect(all).toHaveLength(15);
    expect(all[0]).toMatchObject({
      id: "2202.12139",
      version: 1,
      categories: ["cs.SE", "cs.LG"],
      authors: ["Mohit Kumar Ahuja", "Arnaud Gotlieb", "Helge Spieker"],
      doi: "10.1109/ICSTW55395.2022.00035",
      comment: "Artificial Intelligence in Software Testing 2022 workshop @ ICST 2022",
      publishedAt: new Date("2022-02-24T15:05:19Z"),
    });
    const abstracts = all.map((record) => record.abstract).join("\n");
    expect(abstracts).toMatch(/\$p\$/);
    expect(abstracts).toContain("i.i.d.\\ ");
  });

  it("gives the same records from the old and the late-2025 formats for the ids they share", () => {
    // Compared: id, version, title, abstract, authors, categories, publishedAt, comment, doi, journalRef, licence.
    const pairs: [string, string][] = [
      [LEGACY, NOREL],
      ["arxiv-api_2025-08-24_legacy_missing-ids_rsxiv.xml", "arxiv-api_2025-11-11_norel_missing-ids_rsxiv.xml"],
    ];
    const shared: string[] = [];
    for (const [oldName, newName] of pairs) {
      const old = byId(records(read(oldName)));
      const late = byId(records(read(newName)));
      for (const [id, record] of old) {
        const other = late.get(id);
        if (!other) continue;
        shared.push(id);
        expect(comparable(other), id).toEqual(comparable(record));
      }
    }
    expect(shared.sort()).toEqual(["1602.03411", "2201.13452"]);
  });

  it("gives the same records from the current format rewritten in the older formats' shapes", () => {
    // The current sample shares no id with the older two, so its own entries are rewritten the way the
    // older formats differ: no rel/type/title on links (late 2025), and hard-wrapped, padded summaries and
    // titles with per-element namespace declarations (old). Every field is compared, revisedAt included.
    const current = read(CURRENT);
    const noRel = current.replace(/<link ([^>]*?)\/>/g, (_, attrs: string) => {
      const href = /href="([^"]*)"/.exec(attrs)?.[1] ?? "";
      return /api\/query/.test(href) ? `<link ${attrs}/>` : `<link href="${href}"/>`;
    });
    const wrap = (text: string) => `  ${text.replace(/(.{1,70})(\s+|$)/g, "$1\n")}`;
    const old = current
      .replace(/<summary>([\s\S]*?)<\/summary>/g, (_, text: string) => `<summary>${wrap(text)}</summary>`)
      .replace(/<title>([^<]{60,})<\/title>/g, (_, text: string) => `<title>${text.replace(/ /, "\n  ")}</title>`)
      .replace(/<arxiv:comment>/g, '<arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">');
    expect(noRel).not.toContain('rel="alternate"');
    expect(old).toMatch(/<summary> {2}\S/);
    const expected = records(current);
    expect(records(noRel)).toEqual(expected);
    expect(records(old)).toEqual(expected);
  });

  it("turns the error entry (HTTP 400 body) into a source error with arXiv's message", () => {
    const result = parseArxivApi(read("arxiv-api_2026-04-12_http400-error-entry_arxivpy-fixture.DERIVED-body.xml"));
    expect(result).toEqual({ kind: "source-error", message: "arXiv API: incorrect id format for abc" });
  });

  it("returns no records for empty results, and drops the old format's empty stub entries", () => {
    for (const name of [
      "arxiv-api_2025-11-11_empty-result_rsxiv.xml",
      "arxiv-api_2026-04-12_nonexistent-id-empty_arxivpy-fixture.DERIVED-body.xml",
    ]) {
      expect(parseArxivApi(read(name))).toEqual({ kind: "records", records: [], rejected: [] });
    }
    const stubbed = parseArxivApi(read("arxiv-api_2025-08-24_legacy_missing-ids_rsxiv.xml"));
    expect(stubbed.kind === "records" && stubbed.records.map((record) => record.id)).toEqual(["2201.13452"]);
    expect(stubbed.kind === "records" && stubbed.rejected).toEqual([]);
  });

  it("rejects an entry it cannot read, with the reason, and keeps the rest", () => {
    const xml = read(NOREL).replace("<published>2004-08-18T23:13:32Z</published>", "<published>soon</published>");
    const result = parseArxivApi(xml);
    if (result.kind !== "records") throw new Error("expected records");
    expect(result.records).toHaveLength(9);
    expect(result.rejected).toEqual([{ id: "nucl-ex/0408020", reason: "no valid <published> date" }]);
  });

  it("throws IngestParseError for a cut-off or non-Atom body", () => {
    const xml = read(CURRENT);
    expect(() => parseArxivApi(xml.slice(0, xml.length / 2))).toThrow(IngestParseError);
    expect(() => parseArxivApi(xml.slice(0, xml.length / 2))).toThrow(/^the response is not well-formed XML \(cut off/);
    expect(() => parseArxivApi("<rss/>")).toThrow(/not an arXiv API Atom feed/);
  });
});
