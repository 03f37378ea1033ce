import { describe, expect, it } from "vitest";
import { dailyPapersQuerySchema, INVALID_QUERY_MESSAGE, paperSearchQuerySchema } from "@/lib/api/schema";
import { firstIssueMessage } from "@/lib/validation";
import { pageParam, searchQueryParam } from "@/lib/papers/schema";

/** The sentence the API would answer its 400 with, or null when the query parses. */
function refusal(schema: typeof dailyPapersQuerySchema | typeof paperSearchQuerySchema, query: object) {
  const parsed = schema.safeParse(query);
  return parsed.success ? null : firstIssueMessage(parsed.error, INVALID_QUERY_MESSAGE);
}

describe("query parameters a probe sent (issue 10)", () => {
  it("refuses NUL and other control characters in free text with a 400 sentence, not a database error", () => {
    expect(refusal(paperSearchQuerySchema, { q: "\u0000" })).toBe("q must not contain control characters");
    expect(refusal(paperSearchQuerySchema, { q: "a\u0000b" })).toBe("q must not contain control characters");
    expect(refusal(paperSearchQuerySchema, { q: "a\u0007" })).toBe("q must not contain control characters");
    expect(refusal(dailyPapersQuerySchema, { submitter: "a\u0000" })).toBe(
      "submitter must not contain control characters",
    );
    expect(refusal(dailyPapersQuerySchema, { submitter: "a\u001b[31m" })).toMatch(/^submitter /);
    expect(refusal(paperSearchQuerySchema, { q: "graph neural networks" })).toBeNull();
    expect(refusal(dailyPapersQuerySchema, { submitter: "reader-ab2cd3" })).toBeNull();
  });

  it("refuses years arXiv cannot have instead of crashing on year 0 or reading 0001 as 1901", () => {
    for (const query of [
      { date: "0000-01-01" },
      { date: "0001-01-01" },
      { date: "1990-12-31" },
      { date: "9999-12-31" },
      { month: "0000-01" },
      { month: "0001-01" },
      { month: "0099-12" },
      { month: "9999-01" },
      { week: "0000-W01" },
      { week: "0001-W01" },
    ]) {
      const key = Object.keys(query)[0]!;
      expect(refusal(dailyPapersQuerySchema, query), JSON.stringify(query)).toMatch(new RegExp(`^${key} .*1991`));
    }
    expect(dailyPapersQuerySchema.parse({ month: "1991-08" }).period).toEqual({
      kind: "range",
      range: { from: "1991-08-01", to: "1991-08-31" },
    });
  });

  it("strips control characters from the search page's q instead of failing the page", () => {
    expect(searchQueryParam.parse("a\u0000b")).toBe("a b");
    expect(searchQueryParam.parse("\u0000")).toBe("");
    expect(searchQueryParam.parse(" graph\tnets ")).toBe("graph nets");
    expect(searchQueryParam.safeParse("x".repeat(251)).success).toBe(false);
  });

  it("takes only plain page numbers", () => {
    expect(pageParam.parse("3")).toBe(3);
    for (const bad of ["0", "-1", "1.5", "1001", "abc", "\u0000"]) {
      expect(pageParam.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe("dailyPapersQuerySchema", () => {
  const parse = (query: Record<string, string>) => dailyPapersQuerySchema.safeParse(query);
  const messageOf = (query: Record<string, string>) => {
    const result = parse(query);
    return result.success ? null : result.error.issues[0]?.message;
  };

  it("defaults to the newest papers, page 0, 50 of them", () => {
    expect(parse({}).data).toEqual({
      period: null,
      submitter: null,
      category: null,
      sort: "publishedAt",
      page: 0,
      limit: 50,
    });
  });

  it("takes an arXiv category, alone or with a period or trending, and refuses a malformed one", () => {
    expect(parse({ category: "cs.CL" }).data?.category).toBe("cs.CL");
    expect(parse({ category: "hep-th", date: "2025-02-28" }).data).toMatchObject({ category: "hep-th" });
    expect(parse({ category: "cond-mat.mes-hall", sort: "trending" }).data).toMatchObject({ sort: "trending" });
    for (const bad of ["", "cs CL", "cs.CL'--", "<script>", "a\u0000b", "cs.", ".CL", "x".repeat(40)]) {
      expect(messageOf({ category: bad })).toMatch(/^category /);
    }
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
