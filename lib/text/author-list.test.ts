import { describe, expect, it } from "vitest";
import { formatAuthors, splitAuthors } from "@/lib/text/author-list";

describe("formatAuthors", () => {
  it("names up to three authors", () => {
    expect(formatAuthors([])).toBe("");
    expect(formatAuthors(["A"])).toBe("A");
    expect(formatAuthors(["A", "B", "C"])).toBe("A, B, C");
  });

  it("counts the rest after the first three, or after `shown`", () => {
    expect(formatAuthors(["A", "B", "C", "D", "E"])).toBe("A, B, C and 2 more");
    expect(formatAuthors(["A", "B", "C", "D", "E"], 4)).toBe("A, B, C, D and 1 more");
  });
});

describe("splitAuthors", () => {
  it("never counts a negative rest", () => {
    expect(splitAuthors(["A", "B"], 5)).toEqual({ shown: ["A", "B"], rest: 0 });
    expect(splitAuthors(["A", "B", "C", "D"])).toEqual({ shown: ["A", "B", "C"], rest: 1 });
  });
});
