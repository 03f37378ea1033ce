"use server";

import { papersChanged } from "@/lib/page-cache/invalidate";
import type { ActionResult } from "@/lib/actions/result";
import { authAction } from "@/lib/actions/safe-action";
import { rateLimit, tryAgainIn } from "@/lib/rate-limits";
import { updateProfile } from "@/lib/users/mutations";
import { profileSchema } from "@/lib/users/schema";

const saveProfile = authAction(
  {
    schema: profileSchema,
    // Renaming is cheap to ask for and each one rewrites cached pages: a few a minute is plenty.
    rateLimit: () => rateLimit("profile"),
    rateLimitedMessage: (seconds) => `That is a lot of changes. ${tryAgainIn(seconds)}`,
  },
  async ({ user, input }) => {
    const paperIds = await updateProfile(user.id, input);
    papersChanged(paperIds);
    return { username: input.username };
  },
);

/** Saves the Settings profile form: the public handle and whether the reading list is private. */
export async function updateProfileSettings(
  _previous: ActionResult<{ username: string }> | null,
  formData: FormData,
): Promise<ActionResult<{ username: string }>> {
  return saveProfile(formData);
}
