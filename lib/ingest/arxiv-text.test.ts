import { describe, expect, it } from "vitest";
import { parseXml, saysWithdrawn, splitAuthors, splitCreditedAuthors } from "@/lib/ingest/arxiv-text";

describe("splitCreditedAuthors", () => {
  it("keeps each author's affiliations apart from the name (real dc:creator of the 2024-11-28 listing)", () => {
    expect(
      splitCreditedAuthors(
        "Aleteia Araujo (University of Brasilia Brazil, The University of Melbourne Australia), Breno Costa (University of Brasilia Brazil), Rajkumar Buyya",
      ),
    ).toEqual([
      { name: "Aleteia Araujo", affiliation: "University of Brasilia Brazil, The University of Melbourne Australia" },
      { name: "Breno Costa", affiliation: "University of Brasilia Brazil" },
      { name: "Rajkumar Buyya" },
    ]);
  });

  it("reads a group credited with 'and' as one author, and still splits 'A and B'", () => {
    expect(splitAuthors("ATLAS and CMS Collaborations")).toEqual(["ATLAS and CMS Collaborations"]);
    expect(splitAuthors("Ann Lee, Bo Chen and Cy Dee")).toEqual(["Ann Lee", "Bo Chen", "Cy Dee"]);
  });
});

describe("saysWithdrawn", () => {
  it("reads arXiv's withdrawal notes, not the word in passing", () => {
    expect(saysWithdrawn("This paper has been withdrawn by the authors", undefined)).toBe(true);
    expect(saysWithdrawn("withdrawn", undefined)).toBe(true);
    expect(saysWithdrawn(undefined, "This paper has been withdrawn by arXiv administrators.")).toBe(true);
    expect(saysWithdrawn("12 pages", "Funds were withdrawn from the market in 2008.")).toBe(false);
  });
});

describe("parseXml", () => {
  it("decodes character references once: &#246; is ö, &amp;#246; stays as written", () => {
    const doc = parseXml("<a><b>Schr&#246;dinger, Schr&#xF6;dinger, &amp;#246;</b></a>") as { a: { b: string } };
    expect(doc.a.b).toBe("Schrödinger, Schrödinger, &#246;");
  });
});
