import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PaperGrid } from "@/components/feed/paper-grid";
import { FollowAuthorButton } from "@/components/follows/follow-author-button";
import { EmptyState } from "@/components/ui/empty-state";
import { AUTHOR_PAGE_PAPERS, authorNameOf, getAuthorPapers } from "@/lib/papers/by-author";
import { getCurrentCounts } from "@/lib/upvotes/current-counts";
import { authorSearchPath } from "@/lib/urls";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const name = authorNameOf((await params).name);
  return name ? { title: `Papers by ${name}` } : {};
}

/**
 * An author's page: the papers here with their name among the authors (as arXiv spells it), the most recent
 * first. A name with no papers here is a page that says so, not a 404: it may be spelled another way, and a
 * member may follow it all the same.
 */
export default async function AuthorPage({ params }: Props) {
  const name = authorNameOf((await params).name);
  if (!name) notFound();
  const { papers, total } = await getAuthorPapers(name);
  const search = (
    <Link href={authorSearchPath(name)} className="text-link">
      Search for “{name}”
    </Link>
  );
  return (
    <section>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{name}</h1>
        <FollowAuthorButton name={name} />
      </div>
      <p className="mt-1 mb-6 text-sm text-zinc-600 dark:text-zinc-400">
        {total === 0
          ? "Author"
          : `${total.toLocaleString("en-US")} ${total === 1 ? "paper" : "papers"} here` +
            (total > papers.length ? `, the ${AUTHOR_PAGE_PAPERS} most recent shown` : "")}
        {total > 0 ? <> · {search} for other spellings</> : null}
      </p>
      {papers.length ? (
        <PaperGrid papers={papers} counts={getCurrentCounts(papers.map((p) => p.id))} />
      ) : (
        <EmptyState title={`No papers by ${name} here yet`}>
          Papers list their authors as arXiv spells them. {search} to find other spellings, or follow the name to hear
          when one arrives.
        </EmptyState>
      )}
    </section>
  );
}
