import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { prisma } from "@/lib/db";
import { loadEnv } from "@/lib/env";

let upvoteLimiter: RateLimiterPrisma | undefined;

/**
 * Counts one upvote toggle for `userId` in the database (so the limit holds across app servers) and says
 * whether it is allowed, and if not, in how many seconds it will be.
 */
export async function consumeUpvoteAllowance(
  userId: string,
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  upvoteLimiter ??= new RateLimiterPrisma({
    storeClient: prisma,
    tableName: "rateLimiterFlexible",
    keyPrefix: "upvote",
    points: loadEnv().UPVOTE_RATE_LIMIT,
    duration: 60,
  });
  try {
    await upvoteLimiter.consume(userId);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    throw rejection;
  }
}
