import { describe, expect, it } from "vitest";
import {
  arxivHoliday,
  expectedEmptyReason,
  isAnnouncementDay,
  latestAnnouncementEvening,
  newYorkTime,
  noAnnouncementMessage,
} from "@/lib/dates/arxiv-calendar";

describe("arXiv's announcement calendar", () => {
  it("announces Sunday to Thursday evenings, not Friday or Saturday", () => {
    // 2026-11-15 is a Sunday.
    const week = ["2026-11-15", "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21"];
    expect(week.map(isAnnouncementDay)).toEqual([true, true, true, true, true, false, false]);
  });

  it("knows the holidays of arXiv's schedule", () => {
    expect(arxivHoliday("2024-11-28")).toBe("Thanksgiving");
    expect(arxivHoliday("2026-11-26")).toBe("Thanksgiving");
    expect(arxivHoliday("2024-01-15")).toBe("Martin Luther King Jr. Day");
    expect(arxivHoliday("2024-09-02")).toBe("Labor Day");
    expect(arxivHoliday("2024-12-25")).toBe("Christmas");
    expect(arxivHoliday("2024-12-31")).toBe("New Year's Eve");
    expect(arxivHoliday("2024-11-27")).toBeUndefined();
    expect(isAnnouncementDay("2024-11-28")).toBe(false);
    expect(isAnnouncementDay("2024-11-27")).toBe(true);
    expect(noAnnouncementMessage("2024-11-28")).toBe("no arXiv announcement on 2024-11-28 (Thursday, Thanksgiving)");
    expect(noAnnouncementMessage("2024-11-30")).toBe("no arXiv announcement on 2024-11-30 (Saturday)");
  });

  it("reads the day in New York, across daylight saving, whatever the process's zone", () => {
    expect(process.env.TZ).toBe("Pacific/Kiritimati");
    expect(newYorkTime(new Date("2024-11-30T01:30:00Z"))).toEqual({ day: "2024-11-29", hour: 20 });
    expect(newYorkTime(new Date("2024-07-01T00:30:00Z"))).toEqual({ day: "2024-06-30", hour: 20 });
    // 20:00 is the switch: before it, the latest announcement is the previous evening's.
    expect(latestAnnouncementEvening(new Date("2024-11-27T00:59:00Z"))).toBe("2024-11-25");
    expect(latestAnnouncementEvening(new Date("2024-11-27T01:00:00Z"))).toBe("2024-11-26");
  });

  it("says when an empty listing is expected, and names the day", () => {
    // Saturday 21:00 in New York.
    expect(expectedEmptyReason(new Date("2024-12-01T02:00:00Z"))).toBe(
      "no arXiv announcement on 2024-11-30 (Saturday)",
    );
    // Saturday morning: Friday evening had none.
    expect(expectedEmptyReason(new Date("2024-11-30T15:00:00Z"))).toBe("no arXiv announcement on 2024-11-29 (Friday)");
    // Sunday 21:00: Sunday announces, but the feed may still show Sunday's (empty) listing until midnight.
    expect(expectedEmptyReason(new Date("2024-12-02T02:00:00Z"))).toBe(
      "no arXiv announcement on 2024-11-30 (Saturday)",
    );
    // Wednesday noon: Tuesday evening announced, an empty feed is not expected.
    expect(expectedEmptyReason(new Date("2024-11-27T17:00:00Z"))).toBeUndefined();
    // Friday after Thanksgiving: Thursday evening was a holiday.
    expect(expectedEmptyReason(new Date("2024-11-29T15:00:00Z"))).toBe(
      "no arXiv announcement on 2024-11-28 (Thursday, Thanksgiving)",
    );
  });
});
