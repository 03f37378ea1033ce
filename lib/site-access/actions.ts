"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { authAction } from "@/lib/actions/safe-action";
import { rateLimit, tryAgainIn } from "@/lib/rate-limits";
import { getPrivateFeeds, type PrivateFeed } from "@/lib/site-access/data";
import { rotateFeedKey } from "@/lib/site-access/mutations";

type Rotated = { feeds: PrivateFeed[] };

const rotate = authAction(
  {
    schema: z.object({}),
    rateLimit: () => rateLimit("feed-key"),
    rateLimitedMessage: (seconds) => `Your feed addresses were just changed. ${tryAgainIn(seconds)}`,
  },
  async ({ user }): Promise<Rotated> => {
    await rotateFeedKey(user.id);
    return { feeds: (await getPrivateFeeds(user.id)) ?? [] };
  },
);

/** Settings' "New addresses": voids the member's private feed addresses and answers the new ones. */
export async function rotateFeedAddresses(_previous: ActionResult<Rotated> | null): Promise<ActionResult<Rotated>> {
  return rotate({});
}
