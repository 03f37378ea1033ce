import { describe, expect, it } from "vitest";
import { dailyPapersQuery, searchPapersQuery, trendingPapersQuery } from "@/lib/mcp/queries";

const NOW = new Date("2026-06-15T12:00:00Z");

describe("dailyPapersQuery", () => {
  it("reads a day, a week or a month as /api/daily_papers does", () => {
    expect(dailyPapersQuery({ date: "2025-01-22", limit: 5 })).toEqual({
      ok: true,
      value: {
        period: { kind: "day", day: "2025-01-22" },
        submitter: null,
        category: null,
        sort: "publishedAt",
        page: 0,
        limit: 5,
      },
    });
    const week = dailyPapersQuery({ week: "2025-W09", category: "cs.CL", limit: 10 });
    expect(week).toMatchObject({
      ok: true,
      value: { period: { kind: "range", range: { from: "2025-02-24", to: "2025-03-02" } }, category: "cs.CL" },
    });
    expect(dailyPapersQuery({ limit: 10 })).toMatchObject({ ok: true, value: { period: null, sort: "publishedAt" } });
  });

  it("refuses what the API refuses, with its sentence", () => {
    expect(dailyPapersQuery({ date: "2025-02-30", limit: 10 })).toEqual({
      ok: false,
      message: "date must be a real day from 1991 on, written YYYY-MM-DD",
    });
    expect(dailyPapersQuery({ date: "2025-01-22", month: "2025-01", limit: 10 })).toEqual({
      ok: false,
      message: "give at most one of date, week and month",
    });
    expect(dailyPapersQuery({ category: "not a category", limit: 10 })).toMatchObject({ ok: false });
  });
});

describe("trendingPapersQuery", () => {
  it("is the trending sort, optionally of one category", () => {
    expect(trendingPapersQuery({ category: "hep-th", limit: 3 })).toMatchObject({
      ok: true,
      value: { sort: "trending", category: "hep-th", period: null, limit: 3 },
    });
  });
});

describe("searchPapersQuery", () => {
  it("gives the query, the limit and the filter", () => {
    expect(
      searchPapersQuery(
        { query: "  attention  ", category: "cs.LG", from: "2024-01-01", to: "2024-12-31", limit: 7 },
        NOW,
      ),
    ).toEqual({
      ok: true,
      value: { q: "attention", limit: 7, filter: { category: "cs.LG", from: "2024-01-01", to: "2024-12-31" } },
    });
    expect(searchPapersQuery({ query: "attention", limit: 7 }, NOW)).toEqual({
      ok: true,
      value: { q: "attention", limit: 7, filter: { category: null, from: undefined, to: undefined } },
    });
  });

  it("refuses an empty query, a bad category, an impossible day and a reversed range", () => {
    expect(searchPapersQuery({ query: "   ", limit: 5 }, NOW)).toEqual({ ok: false, message: "q is required" });
    expect(searchPapersQuery({ query: "a", category: "cs CL", limit: 5 }, NOW)).toMatchObject({ ok: false });
    expect(searchPapersQuery({ query: "a", from: "2024-02-30", limit: 5 }, NOW)).toMatchObject({ ok: false });
    expect(searchPapersQuery({ query: "a", to: "1980-01-01", limit: 5 }, NOW)).toMatchObject({ ok: false });
    expect(searchPapersQuery({ query: "a", from: "2024-03-01", to: "2024-02-01", limit: 5 }, NOW)).toEqual({
      ok: false,
      message: "from must not be after to",
    });
  });
});
