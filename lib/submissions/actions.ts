"use server";

import { papersChanged } from "@/lib/page-cache/invalidate";
import { authAction } from "@/lib/actions/safe-action";
import { rateLimit, tryAgainIn } from "@/lib/rate-limits";
import { SUBMIT_REFUNDED_FAILURES, submitPaper } from "@/lib/submissions/mutations";
import { submitPaperSchema } from "@/lib/submissions/schema";

/**
 * Submits an arXiv paper (id or link) to today's daily list for the signed-in member: authenticated,
 * validated, and rate-limited to SUBMIT_RATE_LIMIT an hour (a try that failed on arXiv's or our side is not
 * counted). Every refusal comes back as a sentence.
 */
export const submitPaperAction = authAction(
  {
    schema: submitPaperSchema,
    rateLimit: () => rateLimit("submit"),
    refundOn: SUBMIT_REFUNDED_FAILURES,
    signedOutMessage: "Sign in to submit papers.",
    rateLimitedMessage: (seconds) => `You have submitted many papers this hour. ${tryAgainIn(seconds)}`,
  },
  async ({ user, input }) => {
    const submitted = await submitPaper(user.id, input.reference);
    papersChanged([submitted.paperId]);
    return submitted;
  },
);
