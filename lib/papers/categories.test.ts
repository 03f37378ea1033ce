import { describe, expect, it } from "vitest";
import {
  cardCategories,
  categoryChips,
  categoryFromSearchParams,
  parseCategory,
  withCategory,
} from "@/lib/papers/categories";

describe("parseCategory", () => {
  it("accepts arXiv's category shapes", () => {
    for (const category of ["cs.CL", "math.AG", "hep-th", "astro-ph.CO", "cond-mat.mes-hall", "q-bio.NC", "stat.ML"]) {
      expect(parseCategory(category)).toBe(category);
    }
    expect(parseCategory(" cs.CV ")).toBe("cs.CV");
  });

  it("refuses anything else", () => {
    for (const bad of ["", "cs.", ".CL", "cs CL", "cs.CL,cs.AI", "CS.CL", "cs/CL", "<b>", "cs.CL'--", "x".repeat(33)]) {
      expect(parseCategory(bad), bad).toBeNull();
    }
  });
});

describe("categoryFromSearchParams", () => {
  it("is null without a category, the category when valid, false when malformed or repeated", () => {
    expect(categoryFromSearchParams(undefined)).toBeNull();
    expect(categoryFromSearchParams("cs.CL")).toBe("cs.CL");
    expect(categoryFromSearchParams("cs.CL\u0000")).toBe(false);
    expect(categoryFromSearchParams(["cs.CL", "cs.AI"])).toBe(false);
  });
});

describe("withCategory", () => {
  it("adds the filter (and other params) to a path, and leaves it bare without one", () => {
    expect(withCategory("/papers/date/2025-01-22", "cs.CL")).toBe("/papers/date/2025-01-22?category=cs.CL");
    expect(withCategory("/papers/week/2025-W04", "cs.CL", { page: "2" })).toBe(
      "/papers/week/2025-W04?category=cs.CL&page=2",
    );
    expect(withCategory("/papers/trending", null)).toBe("/papers/trending");
  });
});

describe("cardCategories", () => {
  it("shows at most three, primary first, and counts the rest", () => {
    expect(cardCategories(["cs.CL", "cs.AI", "cs.LG", "stat.ML", "cs.IR"])).toEqual({
      shown: ["cs.CL", "cs.AI", "cs.LG"],
      more: 2,
    });
    expect(cardCategories(["cs.CV"])).toEqual({ shown: ["cs.CV"], more: 0 });
  });
});

describe("categoryChips", () => {
  it("puts the configured categories first, then the others present, then the active one", () => {
    const chips = categoryChips(
      ["cs.AI", "cs.CL"],
      [
        { category: "cs.LG", count: 5 },
        { category: "cs.CL", count: 3 },
      ],
      "math.AG",
    );
    expect(chips).toEqual([
      { category: "cs.AI", count: 0 },
      { category: "cs.CL", count: 3 },
      { category: "cs.LG", count: 5 },
      { category: "math.AG", count: 0 },
    ]);
    expect(categoryChips(["cs.AI"], [], "cs.AI")).toEqual([{ category: "cs.AI", count: 0 }]);
  });
});
