"use client";

import Link from "next/link";
import { HighlightedText } from "@/components/feed/highlighted-text";
import { AuthorNames } from "@/components/paper/author-line";
import { UpvoteCount } from "@/components/paper/upvote-count";
import type { HighlightPiece } from "@/lib/papers/highlights";
import { paperPath } from "@/lib/urls";

/** What a search result shows, ready to draw: the search page computes it on the server from the hit. */
export interface SearchHitData {
  id: string;
  upvoteCount: number;
  title: HighlightPiece[];
  excerpt: HighlightPiece[];
  /** The first authors, and how many more there are. */
  authors: string[];
  moreAuthors: number;
}

/**
 * One search result. A client component, as the feed's cards are (components/paper/paper-card-view.tsx), so
 * that React's payload carries each result's data rather than its elements, which the HTML has already sent.
 */
export function SearchHitView({ hit }: { hit: SearchHitData }) {
  return (
    <li
      data-paper-card
      className="flex gap-3 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <UpvoteCount count={hit.upvoteCount} />
      <div className="min-w-0">
        <h2 className="font-semibold">
          <Link
            href={paperPath(hit.id)}
            className="hover:underline focus-visible:outline-2 focus-visible:outline-amber-500"
          >
            <HighlightedText pieces={hit.title} />
          </Link>
        </h2>
        <AuthorNames
          names={hit.authors}
          rest={hit.moreAuthors}
          className="mt-1 text-sm text-zinc-600 dark:text-zinc-400"
        />
        <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
          <HighlightedText pieces={hit.excerpt} />
        </p>
      </div>
    </li>
  );
}
