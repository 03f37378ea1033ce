"use server";

import { revalidateTag } from "next/cache";
import { stalePages } from "@/lib/page-cache/invalidate";
import { sessionAction } from "@/lib/actions/safe-action";
import { cacheTags } from "@/lib/cache-tags";
import { loadEnv } from "@/lib/env";
import { setUpvote } from "@/lib/upvotes/mutations";
import { upvoteInputSchema } from "@/lib/upvotes/schema";

/**
 * Upvotes or un-upvotes a paper for the signed-in user. A public endpoint: it authenticates (by the session
 * row alone: votes come in bursts), validates, rate-limits, and relies on Next.js' Origin check against
 * cross-site posts.
 */
export const castUpvote = sessionAction(
  {
    schema: upvoteInputSchema,
    // Counted in memory: the limit guards this server against a flood of toggles, and costs no query.
    rateLimit: () => ({ name: "upvote", points: loadEnv().UPVOTE_RATE_LIMIT, durationSeconds: 60, store: "memory" }),
    signedOutMessage: "Sign in to upvote.",
    rateLimitedMessage: (seconds) => `You are voting very fast. Try again in ${seconds} s.`,
  },
  async ({ userId, input }) => {
    const result = await setUpvote(userId, input.paperId, input.upvoted);
    // Stale-while-revalidate ("max"), not updateTag: updateTag makes Next render the whole page again into
    // this action's answer (25 KB per vote); the answer is just the new count. The voter's next load reads
    // their counts fresh (getViewerVotes); everyone else's cached paper page follows on the load after, and
    // the lists' order within their short lifetime (LIST_REVALIDATE_SECONDS).
    revalidateTag(cacheTags.paper(input.paperId), "max");
    stalePages(cacheTags.paper(input.paperId), cacheTags.lists);
    return result;
  },
);
