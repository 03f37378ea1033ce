import "server-only";
import { getCurrentUser } from "@/lib/auth/session";
import { getUpvotedIds } from "@/lib/upvotes/data";

/** What the upvote controls of one page need to know about the reader. */
export interface ViewerVotes {
  signedIn: boolean;
  upvoted: ReadonlySet<string>;
}

/** The reader's session and which of `paperIds` they upvoted (one query for the whole page). */
export async function getViewerVotes(paperIds: string[]): Promise<ViewerVotes> {
  const user = await getCurrentUser();
  if (!user) return { signedIn: false, upvoted: new Set() };
  return { signedIn: true, upvoted: await getUpvotedIds(user.id, paperIds) };
}
