"use server";

import { expireDataCacheInAction } from "@/lib/page-cache/data-cache";
import { expirePages } from "@/lib/page-cache/invalidate";
import type { ActionResult } from "@/lib/action-result";
import { authAction } from "@/lib/actions/safe-action";
import { cacheTags } from "@/lib/cache-tags";
import { updateProfile } from "@/lib/users/mutations";
import { profileSchema } from "@/lib/users/schema";

const saveProfile = authAction(
  {
    schema: profileSchema,
    // Renaming is cheap to ask for and each one rewrites cached pages: a few a minute is plenty.
    rateLimit: { name: "profile", points: 10, durationSeconds: 60 },
    rateLimitedMessage: (seconds) => `That is a lot of changes. Try again in ${seconds} s.`,
  },
  async ({ user, input }) => {
    const paperIds = await updateProfile(user.id, input);
    expireDataCacheInAction(...paperIds.map((id) => cacheTags.paper(id)), cacheTags.feeds);
    expirePages(...paperIds.map(cacheTags.paper), cacheTags.lists);
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
