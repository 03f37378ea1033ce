import { describe, expect, it } from "vitest";
import { hoursAgo, timeAgo } from "@/lib/dates/time-ago";

const now = new Date("2026-12-01T12:00:00Z");
const before = (ms: number) => new Date(now.getTime() - ms);
const HOUR = 3_600_000;

describe("timeAgo", () => {
  it("says just now, then minutes, hours, yesterday and days", () => {
    expect(timeAgo(before(10_000), now)).toBe("just now");
    expect(timeAgo(before(5 * 60_000), now)).toBe("5 minutes ago");
    expect(timeAgo(before(3 * HOUR), now)).toBe("3 hours ago");
    expect(timeAgo(before(30 * HOUR), now)).toBe("yesterday");
    expect(timeAgo(before(72 * HOUR), now)).toBe("3 days ago");
  });
});

describe("hoursAgo (trending's card ages)", () => {
  it("counts whole hours for two days, then whole days, never minutes", () => {
    expect(hoursAgo(before(10 * 60_000), now)).toBe("this hour");
    expect(hoursAgo(before(HOUR), now)).toBe("1 hour ago");
    expect(hoursAgo(before(47 * HOUR + 59 * 60_000), now)).toBe("47 hours ago");
    expect(hoursAgo(before(48 * HOUR), now)).toBe("2 days ago");
    expect(hoursAgo(new Date(now.getTime() + HOUR), now)).toBe("this hour");
  });
});
