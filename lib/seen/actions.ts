"use server";

import type { ActionResult } from "@/lib/actions/result";
import { authAction } from "@/lib/actions/safe-action";
import { rateLimit, tryAgainIn } from "@/lib/rate-limits";
import { markSeen } from "@/lib/seen/mutations";
import { seenInputSchema } from "@/lib/seen/schema";

const markSeenForMember = authAction(
  {
    schema: seenInputSchema,
    rateLimit: () => rateLimit("seen"),
    rateLimitedMessage: (seconds) => `That is a lot of papers at once. ${tryAgainIn(seconds)}`,
  },
  async ({ user, input }) => ({ seen: await markSeen(user.id, input.paperId) }),
);

/** Notes that the signed-in member opened the page of `paperId` (its cards then say "Seen"). */
export async function markSeenAction(input: { paperId: string }): Promise<ActionResult<{ seen: boolean }>> {
  return markSeenForMember(input);
}
