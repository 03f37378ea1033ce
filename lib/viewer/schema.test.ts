import { describe, expect, it } from "vitest";
import { MAX_VIEWER_PAPERS, viewerQuerySchema } from "@/lib/viewer/schema";

describe("GET /api/viewer's query", () => {
  it("takes canonical ids, once each, and an optional discussion", () => {
    expect(
      viewerQuerySchema.parse({ papers: "2501.12948,hep-th/9901001,2501.12948", discussion: "2501.12948" }),
    ).toEqual({ papers: ["2501.12948", "hep-th/9901001"], discussion: "2501.12948" });
    expect(viewerQuerySchema.parse({})).toEqual({ papers: [] });
    expect(viewerQuerySchema.parse({ papers: "" })).toEqual({ papers: [] });
  });

  it("takes the author whose page it is, trimmed", () => {
    expect(viewerQuerySchema.parse({ author: " Łukasz Kaiser " })).toEqual({ papers: [], author: "Łukasz Kaiser" });
  });

  it.each([
    ["a versioned id", { papers: "2501.12948v2" }],
    ["a subject class", { papers: "math.DG/0211159" }],
    ["not an id", { papers: "2501.12948,<script>" }],
    ["a bad discussion", { discussion: "../admin" }],
    [
      "too many papers",
      { papers: Array.from({ length: MAX_VIEWER_PAPERS + 1 }, (_, i) => `2501.${10000 + i}`).join(",") },
    ],
    ["a huge list", { papers: "2501.12948,".repeat(5_000) }],
    ["an empty author", { author: " " }],
    ["an author with a direction override", { author: "Ada \u202eLovelace" }],
    ["an author too long", { author: "a".repeat(201) }],
  ])("refuses %s", (_, query) => {
    expect(viewerQuerySchema.safeParse(query).success).toBe(false);
  });
});
