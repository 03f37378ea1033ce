import "server-only";
import { getCurrentUser } from "@/lib/auth/session";
import { getEmailPreferences } from "@/lib/settings/data";

/** Whether the reader is signed in and already gets a digest (for the feed's call to action). */
export async function getSubscriptionState(): Promise<{ signedIn: boolean; subscribed: boolean }> {
  const user = await getCurrentUser();
  if (!user) return { signedIn: false, subscribed: false };
  return { signedIn: true, subscribed: (await getEmailPreferences(user.id)).digest !== "OFF" };
}
