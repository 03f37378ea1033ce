import "server-only";
import { getCurrentUser } from "@/lib/auth/session";
import { getEmailPreferences } from "@/lib/settings/data";
import type { DigestChoice } from "@/lib/settings/schema";

/** Whether the reader is signed in and which digest they get (for the feed's call to action). */
export async function getSubscriptionState(): Promise<{ signedIn: boolean; digest: DigestChoice }> {
  const user = await getCurrentUser();
  if (!user) return { signedIn: false, digest: "OFF" };
  return { signedIn: true, digest: (await getEmailPreferences(user.id)).digest };
}
