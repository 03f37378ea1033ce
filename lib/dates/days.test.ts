import { describe, expect, it } from "vitest";
import {
  addDays,
  isoWeekOf,
  isPlausibleDay,
  isPlausibleYear,
  parseDay,
  parseIsoWeek,
  parseMonth,
} from "@/lib/dates/days";
import { parseArxivId } from "@/lib/papers/arxiv-id";

describe("days", () => {
  it("accepts real calendar dates only", () => {
    expect(parseDay("2025-01-22")).toBe("2025-01-22");
    expect(parseDay("2024-02-29")).toBe("2024-02-29");
    for (const bad of ["2025-13-40", "2025-02-29", "yesterday", "2025-1-2", "", "2025-01-22T00:00"]) {
      expect(parseDay(bad)).toBeNull();
    }
  });

  it("does day arithmetic in UTC whatever the local zone", () => {
    expect(process.env.TZ).toBe("Pacific/Kiritimati");
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
  });

  it("knows which days can have a list", () => {
    const now = new Date("2026-11-23T12:00:00Z");
    expect(isPlausibleDay("2026-11-24", now)).toBe(true);
    expect(isPlausibleDay("2026-11-25", now)).toBe(false);
    expect(isPlausibleDay("1990-01-01", now)).toBe(false);
  });
});

describe("ISO weeks and months", () => {
  it("maps weeks to Monday–Sunday ranges, across year boundaries", () => {
    expect(parseIsoWeek("2025-W09")).toEqual({ from: "2025-02-24", to: "2025-03-02" });
    expect(parseIsoWeek("2026-W01")).toEqual({ from: "2025-12-29", to: "2026-01-04" });
    expect(parseIsoWeek("2020-W53")).toEqual({ from: "2020-12-28", to: "2021-01-03" });
    expect(parseIsoWeek("2025-W53")).toBeNull();
    expect(parseIsoWeek("2025-W00")).toBeNull();
    expect(parseIsoWeek("2025-9")).toBeNull();
    expect(isoWeekOf("2025-01-01")).toBe("2025-W01");
    expect(isoWeekOf("2027-01-01")).toBe("2026-W53");
  });

  it("maps months to their days", () => {
    expect(parseMonth("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(parseMonth("2025-13")).toBeNull();
  });
});

describe("years arXiv could have", () => {
  const now = new Date("2026-12-01T12:00:00Z");

  it("runs from 1991 to next year", () => {
    expect(isPlausibleYear(1991, now)).toBe(true);
    expect(isPlausibleYear(2027, now)).toBe(true);
    expect(isPlausibleYear(1990, now)).toBe(false);
    expect(isPlausibleYear(2028, now)).toBe(false);
    expect(isPlausibleYear(0, now)).toBe(false);
  });

  it("refuses days, weeks and months outside it (year 0 crashed the database; 0001 became 1901)", () => {
    for (const day of ["0000-01-01", "0001-01-01", "0099-12-31", "1990-12-31", "2028-01-01", "9999-12-31"]) {
      expect(parseDay(day, now), day).toBeNull();
    }
    for (const month of ["0000-01", "0001-01", "0099-12", "1990-12", "2028-01", "9999-12"]) {
      expect(parseMonth(month, now), month).toBeNull();
    }
    for (const week of ["0000-W01", "0001-W01", "1990-W10", "2028-W01"]) {
      expect(parseIsoWeek(week, now), week).toBeNull();
    }
    expect(parseDay("1991-08-14", now)).toBe("1991-08-14");
    expect(parseMonth("1991-08", now)).toEqual({ from: "1991-08-01", to: "1991-08-31" });
    expect(parseMonth("2027-02", now)).toEqual({ from: "2027-02-01", to: "2027-02-28" });
    expect(parseIsoWeek("2027-W01", now)).toEqual({ from: "2027-01-04", to: "2027-01-10" });
  });
});

describe("arXiv ids", () => {
  it("accepts new- and old-style ids, dropping the version", () => {
    expect(parseArxivId("2501.12948")).toBe("2501.12948");
    expect(parseArxivId("2501.12948v3")).toBe("2501.12948");
    expect(parseArxivId("arXiv:0704.0001")).toBe("0704.0001");
    expect(parseArxivId("hep-th/9901001")).toBe("hep-th/9901001");
    expect(parseArxivId("math.GT/0309136v2")).toBe("math/0309136");
  });

  it("rejects anything else", () => {
    for (const bad of ["2513.12948", "12948", "../etc/passwd", "2501.12948v", "hep-th/99010", "x".repeat(200)]) {
      expect(parseArxivId(bad)).toBeNull();
    }
  });
});
