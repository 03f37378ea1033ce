"use server";

import { updateTag } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import { cacheTags } from "@/lib/cache-tags";
import { getCurrentUser } from "@/lib/auth/session";
import { getEmailPreferences } from "@/lib/settings/data";
import { deleteUser, saveEmailPreferences, unsubscribeByToken } from "@/lib/settings/mutations";
import { deleteAccountSchema, emailPreferencesSchema, unsubscribeTokenSchema } from "@/lib/settings/schema";

const signedOut = { ok: false, code: "UNAUTHENTICATED", message: "Sign in first." } as const;

/** Saves the settings form (digest off/daily/weekly and the upvote threshold). */
export async function updateEmailPreferences(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return signedOut;
  const parsed = emailPreferencesSchema.safeParse({
    digest: formData.get("digest"),
    minUpvotes: formData.get("minUpvotes"),
  });
  if (!parsed.success)
    return { ok: false, code: "INVALID_INPUT", message: parsed.error.issues[0]?.message ?? "Invalid input." };
  await saveEmailPreferences(user.id, parsed.data);
  return { ok: true };
}

/** The feed's one-step "Subscribe": the daily digest, keeping any threshold already chosen. */
export async function subscribeToDailyDigest(): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return signedOut;
  const current = await getEmailPreferences(user.id);
  await saveEmailPreferences(user.id, { digest: "DAILY", minUpvotes: current.minUpvotes });
  return { ok: true };
}

/** Unsubscribes the owner of the token; needs no session (the token is the authority). */
export async function unsubscribeWithToken(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const token = unsubscribeTokenSchema.safeParse(formData.get("token"));
  if (!token.success || !(await unsubscribeByToken(token.data))) {
    return { ok: false, code: "INVALID_TOKEN", message: "This unsubscribe link is not valid." };
  }
  return { ok: true };
}

/** Deletes the signed-in user's account after they typed "delete", then signs them out. */
export async function deleteAccount(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return signedOut;
  const parsed = deleteAccountSchema.safeParse({ confirm: formData.get("confirm") });
  if (!parsed.success)
    return { ok: false, code: "INVALID_INPUT", message: parsed.error.issues[0]?.message ?? "Confirm first." };
  for (const paperId of await deleteUser(user.id)) updateTag(cacheTags.paper(paperId));
  updateTag(cacheTags.feeds);
  // The session row went with the user; the cookie that named it goes too.
  const jar = await cookies();
  for (const name of ["authjs.session-token", "__Secure-authjs.session-token"]) jar.delete(name);
  redirect("/?account=deleted");
}
