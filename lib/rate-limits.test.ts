import { describe, expect, it } from "vitest";
import { rateLimit, tryAgainIn } from "@/lib/rate-limits";

describe("the rate limits' table", () => {
  it("names each limit by its key, which is also its counter's prefix", () => {
    expect(rateLimit("comment")).toEqual({ name: "comment", points: 10, durationSeconds: 600 });
    expect(rateLimit("upvote")).toMatchObject({ name: "upvote", durationSeconds: 60, store: "memory" });
    expect(rateLimit("sign-in-address")).toEqual({ name: "sign-in-address", points: 3, durationSeconds: 900 });
  });

  it.each([
    [0.2, "Try again in 1 s."],
    [45, "Try again in 45 s."],
    [60, "Try again in 1 min."],
    [250, "Try again in 4 min 10 s."],
    [3599, "Try again in 59 min 59 s."],
    [3600, "Try again in 1 h."],
    [5000, "Try again in 2 h."],
  ])("says when to come back after %s s", (seconds, sentence) => {
    expect(tryAgainIn(seconds)).toBe(sentence);
  });
});
