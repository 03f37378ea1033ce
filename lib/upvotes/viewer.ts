import "server-only";
import { getCurrentUser } from "@/lib/auth/session";
import { getUpvoteCounts, getUpvoteState } from "@/lib/upvotes/data";

/** What the upvote controls of one page need to know about the reader. */
export interface ViewerVotes {
  signedIn: boolean;
  upvoted: ReadonlySet<string>;
  /**
   * The papers' counts read now: the cards around them come from a data cache that can be a vote behind. A
   * signed-in reader must see the count of the vote they just cast; a signed-out reader's page is rendered
   * for the page cache (lib/page-cache/), just after a vote made it stale, and must carry the new count.
   */
  counts: ReadonlyMap<string, number>;
}

/** The reader's session, which of `paperIds` they upvoted and those papers' current counts (one query). */
export function getViewerVotes(paperIds: string[]): Promise<ViewerVotes> {
  const votes = loadViewerVotes(paperIds);
  // Pages start this before rendering and hand the promise down; when a render ends early (an error above
  // the cards, an empty list) nothing awaits it. Marked handled, a database blip is one error, not also an
  // `unhandledRejection`; whoever awaits it still gets the error.
  votes.catch(() => {});
  return votes;
}

async function loadViewerVotes(paperIds: string[]): Promise<ViewerVotes> {
  const user = await getCurrentUser();
  if (!user) return { signedIn: false, upvoted: new Set(), counts: await getUpvoteCounts(paperIds) };
  return { signedIn: true, ...(await getUpvoteState(user.id, paperIds)) };
}
