"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { AuthorNames } from "@/components/paper/author-line";
import { CategoryChipList, type CategoryChip } from "@/components/paper/category-chip-list";
import { PaperCover, type Cover } from "@/components/paper/paper-cover";
import { PaperLinks } from "@/components/paper/paper-links";
import { SaveButton } from "@/components/collections/save-button";
import { MutedMark } from "@/components/paper/muted-mark";
import { SeenMark } from "@/components/paper/seen-mark";
import { Submitter } from "@/components/paper/submitter";
import { paperPath } from "@/lib/urls";

/** What a card shows, ready to draw: PaperCard computes it on the server from the paper. */
export interface CardData {
  id: string;
  rank: number | null;
  cover: Cover;
  /** The first authors, and how many more there are. */
  authors: string[];
  moreAuthors: number;
  chips: CategoryChip[];
  moreCategories: string[];
  commentCount: number;
  submittedBy: { username: string | null; name: string | null } | null;
  /** When it was featured and how long before the listing's "now" that was (trending). */
  featured: { at: string; ago: string } | null;
  githubRepo: string | null;
  githubStars: number | null;
  projectPage: string | null;
  /** Why this reader is shown it (For you: "Like “…” you upvoted"), or null on shared lists. */
  reason: string | null;
}

/**
 * PaperCard's markup. A client component so that React's payload carries each card's data (a few hundred
 * bytes) rather than its elements, which the HTML has already sent once: a list page repeats the card dozens
 * of times. Server-rendered like the rest of the page; the title (KaTeX) and the vote arrive rendered.
 */
export function PaperCardView({ card, title, vote }: { card: CardData; title: ReactNode; vote: ReactNode }) {
  const href = paperPath(card.id);
  return (
    <article data-paper-card className="card wrap-anywhere">
      <Link href={href} tabIndex={-1} aria-hidden className="hidden sm:block">
        <PaperCover cover={card.cover} className="aspect-[2/1] w-full" />
      </Link>
      <div className="card-body">
        {vote}
        <div className="min-w-0 flex-1">
          <h2 className="card-title">
            {card.rank ? <span className="card-rank">{`${card.rank}.`}</span> : null}
            <Link href={href} className="link">
              {title}
            </Link>
          </h2>
          {card.reason ? (
            <p className="mt-1 text-sm font-medium text-amber-800 dark:text-amber-300">{card.reason}</p>
          ) : null}
          <AuthorNames
            names={card.authors}
            rest={card.moreAuthors}
            className="mt-1 text-sm text-zinc-600 dark:text-zinc-400"
          />
          <CategoryChipList chips={card.chips} more={card.moreCategories} className="mt-2" />
          <div className="card-meta">
            <SeenMark paperId={card.id} />
            <MutedMark paperId={card.id} />
            <Link href={paperPath(card.id, "discussion")} className="link">
              {`${card.commentCount} ${card.commentCount === 1 ? "comment" : "comments"}`}
            </Link>
            {card.submittedBy ? (
              <span>
                Submitted by <Submitter submittedBy={card.submittedBy} />
              </span>
            ) : null}
            {card.featured ? (
              <time dateTime={card.featured.at} title={card.featured.at}>
                {`featured ${card.featured.ago}`}
              </time>
            ) : null}
            <SaveButton paperId={card.id} />
          </div>
          <PaperLinks
            id={card.id}
            githubRepo={card.githubRepo}
            githubStars={card.githubStars}
            projectPage={card.projectPage}
            className="mt-3"
          />
        </div>
      </div>
    </article>
  );
}
