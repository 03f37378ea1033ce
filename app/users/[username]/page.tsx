import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PaperGrid } from "@/components/feed/paper-grid";
import { EmptyState } from "@/components/ui/empty-state";
import { getUserByUsername } from "@/lib/users/data";
import { getUpvotedPapers } from "@/lib/upvotes/data";
import { getViewerVotes } from "@/lib/upvotes/viewer";

type Props = { params: Promise<{ username: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { username } = await params;
  return { title: `${decodeURIComponent(username)}'s reading list` };
}

/** A reader's page: the papers they upvoted, most recent vote first. */
export default async function UserPage({ params }: Props) {
  const username = decodeURIComponent((await params).username);
  const user = /^[a-z0-9-]{1,40}$/.test(username) ? await getUserByUsername(username) : null;
  if (!user) notFound();
  const papers = await getUpvotedPapers(user.id);
  return (
    <section>
      <h1 className="text-2xl font-semibold tracking-tight">{user.name ?? user.username}</h1>
      <p className="mb-6 text-sm text-zinc-600 dark:text-zinc-400">
        @{user.username} · {papers.length} upvoted {papers.length === 1 ? "paper" : "papers"}
      </p>
      {papers.length ? (
        <PaperGrid papers={papers} viewer={getViewerVotes(papers.map((p) => p.id))} />
      ) : (
        <EmptyState title="No upvotes yet">Papers upvoted by this reader will appear here.</EmptyState>
      )}
    </section>
  );
}
