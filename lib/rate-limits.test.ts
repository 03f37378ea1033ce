import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { consumeAllowance, rateLimit, refundAllowance, tryAgainIn, type RateLimit } from "@/lib/rate-limits";

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

const run = randomUUID().slice(0, 8);

afterAll(async () => {
  await prisma.rateLimiterFlexible.deleteMany({ where: { key: { startsWith: `rl-test-${run}` } } });
});

describe.each(["memory", "database"] as const)("a limit counted in %s", (store) => {
  const limit: RateLimit = { name: `rl-test-${run}-${store}`, points: 3, durationSeconds: 60, store };

  it("allows `points` actions a window, then says how long to wait", async () => {
    const key = randomUUID();
    for (let i = 0; i < 3; i++) expect(await consumeAllowance(limit, key)).toEqual({ allowed: true });
    const refused = await consumeAllowance(limit, key);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThan(50);
    // Another key has its own allowance.
    expect(await consumeAllowance(limit, randomUUID())).toEqual({ allowed: true });
  });

  it("counts concurrent actions exactly", async () => {
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 10 }, () => consumeAllowance(limit, key)));
    expect(answers.filter((answer) => answer.allowed)).toHaveLength(3);
  });
});

it("a memory limit costs no row in the database; a database one leaves its count there", async () => {
  const key = randomUUID();
  await consumeAllowance({ name: `rl-test-${run}-m2`, points: 5, durationSeconds: 60, store: "memory" }, key);
  await consumeAllowance({ name: `rl-test-${run}-d2`, points: 5, durationSeconds: 60 }, key);
  const rows = await prisma.rateLimiterFlexible.findMany({ where: { key: { startsWith: `rl-test-${run}` } } });
  expect(rows.map((row) => row.key).filter((k) => k.endsWith(key))).toEqual([`rl-test-${run}-d2:${key}`]);
});

describe.each(["memory", "database"] as const)("a refund counted in %s", (store) => {
  const limit: RateLimit = { name: `rl-test-${run}-refund-${store}`, points: 2, durationSeconds: 60, store };

  it("gives back one action, and never more than were taken", async () => {
    const key = randomUUID();
    // Nothing taken yet: a refund does not raise the allowance above `points`.
    await refundAllowance(limit, key);
    expect(await consumeAllowance(limit, key)).toEqual({ allowed: true });
    await refundAllowance(limit, key);
    await refundAllowance(limit, key);
    expect(await consumeAllowance(limit, key)).toEqual({ allowed: true });
    expect(await consumeAllowance(limit, key)).toEqual({ allowed: true });
    expect((await consumeAllowance(limit, key)).allowed).toBe(false);
    await refundAllowance(limit, key);
    expect(await consumeAllowance(limit, key)).toEqual({ allowed: true });
    expect((await consumeAllowance(limit, key)).allowed).toBe(false);
  });
});
