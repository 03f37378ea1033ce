import "server-only";
import { isAdmin } from "@/lib/auth/admin";
import { getCurrentUser } from "@/lib/auth/session";
import { getDiscussion } from "@/lib/comments/data";
import type { DiscussionView } from "@/lib/comments/schema";

/**
 * Paper `paperId`'s discussion as the reader of this request sees it (their session decides the Edit and
 * Delete controls). Null when the paper is gone or hidden. Pages pass the promise to `<Discussion>` inside
 * `<Suspense>`, so the paper itself never waits for the session or the thread.
 */
export async function getViewerDiscussion(paperId: string): Promise<DiscussionView | null> {
  const user = await getCurrentUser();
  return getDiscussion(paperId, user ? { id: user.id, isAdmin: isAdmin(user) } : null);
}
