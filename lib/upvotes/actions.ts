"use server";

import { updateTag } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { cacheTags } from "@/lib/cache-tags";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { consumeUpvoteAllowance } from "@/lib/rate-limit";
import { setUpvote } from "@/lib/upvotes/mutations";
import { upvoteInputSchema } from "@/lib/upvotes/schema";

/**
 * Upvotes or un-upvotes a paper for the signed-in user. A public endpoint: it authenticates, validates,
 * rate-limits, and relies on Next.js' Origin check against cross-site posts.
 */
export async function castUpvote(input: unknown): Promise<ActionResult<{ upvoted: boolean; count: number }>> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, code: "UNAUTHENTICATED", message: "Sign in to upvote." };
  const parsed = upvoteInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "INVALID_INPUT", message: "That is not a paper you can upvote." };
  const allowance = await consumeUpvoteAllowance(user.id);
  if (!allowance.allowed) {
    return {
      ok: false,
      code: "RATE_LIMITED",
      message: `You are voting very fast. Try again in ${allowance.retryAfterSeconds} s.`,
    };
  }
  try {
    const result = await setUpvote(user.id, parsed.data.paperId, parsed.data.upvoted);
    updateTag(cacheTags.paper(parsed.data.paperId));
    updateTag(cacheTags.feeds);
    return { ok: true, ...result };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}
