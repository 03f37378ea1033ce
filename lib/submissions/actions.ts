"use server";

import { expireDataCacheInAction } from "@/lib/page-cache/data-cache";
import { expirePages } from "@/lib/page-cache/invalidate";
import { authAction } from "@/lib/actions/safe-action";
import { cacheTags } from "@/lib/cache-tags";
import { SUBMIT_REFUNDED_FAILURES, submitPaper, submitRateLimit } from "@/lib/submissions/mutations";
import { submitPaperSchema } from "@/lib/submissions/schema";

/**
 * Submits an arXiv paper (id or link) to today's daily list for the signed-in member: authenticated,
 * validated, and rate-limited to SUBMIT_RATE_LIMIT an hour (a try that failed on arXiv's or our side is not
 * counted). Every refusal comes back as a sentence.
 */
export const submitPaperAction = authAction(
  {
    schema: submitPaperSchema,
    rateLimit: submitRateLimit,
    refundOn: SUBMIT_REFUNDED_FAILURES,
    signedOutMessage: "Sign in to submit papers.",
    rateLimitedMessage: (seconds) =>
      `You have submitted many papers this hour. Try again in ${Math.ceil(seconds / 60)} min.`,
  },
  async ({ user, input }) => {
    const submitted = await submitPaper(user.id, input.reference);
    expireDataCacheInAction(cacheTags.paper(submitted.paperId), cacheTags.feeds);
    expirePages(cacheTags.paper(submitted.paperId), cacheTags.lists);
    return submitted;
  },
);
