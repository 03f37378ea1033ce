import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RecentComments } from "@/components/comments/recent-comments";
import { CiteLinks } from "@/components/collections/cite-links";
import { CollectionList } from "@/components/collections/collection-list";
import { PaperGrid } from "@/components/feed/paper-grid";
import { EmptyState } from "@/components/ui/empty-state";
import { getCurrentUser } from "@/lib/auth/session";
import { getOwnCollections } from "@/lib/collections/data";
import { getRecentComments } from "@/lib/comments/data";
import { getUserByUsername } from "@/lib/users/data";
import { getUpvotedPapers } from "@/lib/upvotes/data";
import { getCurrentCounts } from "@/lib/upvotes/current-counts";
import { userPath } from "@/lib/urls";

type Props = { params: Promise<{ username: string }> };

/** The handle a URL segment names, or null when it cannot be one (handles are a-z, 0-9 and dashes). */
function handleOf(segment: string): string | null {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return /^[a-z0-9-]{1,40}$/.test(decoded) ? decoded : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const username = handleOf((await params).username);
  return username ? { title: `${username}'s reading list` } : {};
}

/**
 * A reader's page: the papers they upvoted, most recent vote first. A reader who keeps their profile
 * private shows others only that; they still see their own list.
 */
export default async function UserPage({ params }: Props) {
  const username = handleOf((await params).username);
  const user = username ? await getUserByUsername(username) : null;
  if (!user) notFound();
  const viewer = user.profilePrivate ? await getCurrentUser() : null;
  if (user.profilePrivate && viewer?.id !== user.id) {
    return (
      <section>
        <h1 className="mb-6 text-2xl font-semibold tracking-tight">@{user.username}</h1>
        <EmptyState title="This reader keeps their profile private">
          The papers they upvote are not shown to others.
        </EmptyState>
      </section>
    );
  }
  // Past the check above: the profile is public, or this is its owner.
  const [papers, comments, collections] = await Promise.all([
    getUpvotedPapers(user.id),
    getRecentComments(user.id),
    // Its public collections: the others are not for a profile.
    getOwnCollections(user.id, "PUBLIC"),
  ]);
  return (
    <section>
      <h1 className="text-2xl font-semibold tracking-tight">{user.name ?? user.username}</h1>
      <p className="mb-6 text-sm text-zinc-600 dark:text-zinc-400">
        @{user.username} · {papers.length} upvoted {papers.length === 1 ? "paper" : "papers"}
        {user.profilePrivate ? " · private: only you see this list" : ""}
      </p>
      {papers.length ? (
        <CiteLinks path={`${userPath(user.username!)}/upvoted`} label="Export" className="mb-4" />
      ) : null}
      {papers.length ? (
        <PaperGrid papers={papers} counts={getCurrentCounts(papers.map((p) => p.id))} />
      ) : (
        <EmptyState title="No upvotes yet">Papers upvoted by this reader will appear here.</EmptyState>
      )}
      {collections.length ? (
        <section aria-labelledby="collections-heading" className="mt-10 space-y-3">
          <h2 id="collections-heading" className="text-lg font-semibold">
            Public collections
          </h2>
          <CollectionList collections={collections} />
        </section>
      ) : null}
      <RecentComments comments={comments} />
    </section>
  );
}
