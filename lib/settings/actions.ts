"use server";

import { papersChanged } from "@/lib/page-cache/invalidate";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { authAction } from "@/lib/actions/safe-action";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie";
import { getEmailPreferences } from "@/lib/settings/data";
import { deleteUser, saveEmailPreferences, unsubscribeByToken } from "@/lib/settings/mutations";
import { deleteAccountSchema, emailPreferencesSchema, unsubscribeTokenSchema } from "@/lib/settings/schema";

const savePreferences = authAction({ schema: emailPreferencesSchema }, async ({ user, input }) => {
  await saveEmailPreferences(user.id, input);
  return {};
});

/** Saves the settings form (digest off/daily/weekly and the upvote threshold). */
export async function updateEmailPreferences(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return savePreferences(formData);
}

const subscribeDaily = authAction(
  { schema: z.undefined(), signedOutMessage: "Sign in to subscribe." },
  async ({ user }) => {
    const current = await getEmailPreferences(user.id);
    await saveEmailPreferences(user.id, { digest: "DAILY", minUpvotes: current.minUpvotes });
    return {};
  },
);

/** The feed's one-step "Subscribe": the daily digest, keeping any threshold already chosen. */
export async function subscribeToDailyDigest(): Promise<ActionResult> {
  return subscribeDaily(undefined);
}

/** Unsubscribes the owner of the token; needs no session (the token is the authority). */
export async function unsubscribeWithToken(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const token = unsubscribeTokenSchema.safeParse(formData.get("token"));
  if (!token.success || !(await unsubscribeByToken(token.data))) {
    return { ok: false, code: "INVALID_TOKEN", message: "This unsubscribe link is not valid." };
  }
  return { ok: true };
}

const removeAccount = authAction({ schema: deleteAccountSchema }, async ({ user }) => {
  const paperIds = await deleteUser(user.id);
  papersChanged(paperIds);
  // The session row went with the user; the cookie that named it goes too.
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  redirect("/?account=deleted");
});

/** Deletes the signed-in user's account after they typed "delete", then signs them out. */
export async function deleteAccount(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return removeAccount(formData);
}
