import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
import { prisma } from "@/lib/db/client";
import { AppError, type AppErrorCode } from "@/lib/errors";

const run = randomUUID().slice(0, 8);

afterAll(async () => {
  await prisma.rateLimiterFlexible.deleteMany({ where: { key: { startsWith: `sa-test-${run}` } } });
});

/** An action limited to 2 tries a minute for one reader, failing with `code` (or succeeding for null). */
function actionFailingWith(code: AppErrorCode | null) {
  const reader = randomUUID();
  return guardedAction(
    {
      schema: z.object({}),
      rateLimit: { name: `sa-test-${run}`, points: 2, durationSeconds: 60 },
      refundOn: ["UPSTREAM_FAILED"],
    },
    { identify: () => Promise.resolve(reader), key: (id) => id, forbidden: () => false },
    () => (code ? Promise.reject(new AppError(code, `failed: ${code}`)) : Promise.resolve({})),
  );
}

describe("an action's rate limit", () => {
  it("gives back tries that failed for a reason listed in refundOn", async () => {
    const action = actionFailingWith("UPSTREAM_FAILED");
    for (let i = 0; i < 5; i++) expect(await action({})).toMatchObject({ ok: false, code: "UPSTREAM_FAILED" });
  });

  it("counts the reader's own failures and successes", async () => {
    const failing = actionFailingWith("NOT_FOUND");
    expect(await failing({})).toMatchObject({ code: "NOT_FOUND" });
    expect(await failing({})).toMatchObject({ code: "NOT_FOUND" });
    expect(await failing({})).toMatchObject({ code: "RATE_LIMITED" });

    const succeeding = actionFailingWith(null);
    expect(await succeeding({})).toEqual({ ok: true });
    expect(await succeeding({})).toEqual({ ok: true });
    expect(await succeeding({})).toMatchObject({ code: "RATE_LIMITED" });
  });
});
