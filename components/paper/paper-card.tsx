import { categoryChips } from "@/components/paper/category-chips";
import { PaperCardView, type CardData } from "@/components/paper/paper-card-view";
import { coverOf } from "@/components/paper/paper-thumbnail";
import { RichText } from "@/components/paper/rich-text";
import { UpvoteControl } from "@/components/paper/upvote-control";
import type { PaperSummary } from "@/lib/papers/schema";
import { hoursAgo } from "@/lib/dates/time-ago";
import { dayPath } from "@/lib/urls";
import { splitAuthors } from "@/lib/text/author-list";
import type { CurrentCounts } from "@/lib/upvotes/current-counts";

/**
 * A paper in a list: cover, title, first authors, categories, counts, submitter and links. Its category
 * chips filter `categoryPath` (the listing it is in), or else the day it was featured on.
 *
 * Drawn by PaperCardView from what this computes (hrefs, cover, ages): a list page repeats the card dozens
 * of times, so its payload carries that data, and its looks are the named classes of app/globals.css.
 */
export function PaperCard({
  paper,
  rank,
  counts,
  categoryPath,
  now,
  reason,
}: {
  paper: PaperSummary;
  /** Why this reader is shown it (For you); shared lists have none. */
  reason?: string;
  rank?: number;
  /** Say how long before `now` it was featured (trending, whose ranking decays with that age). */
  now?: Date;
  counts?: Promise<CurrentCounts>;
  categoryPath?: string;
}) {
  const authors = splitAuthors(paper.authors);
  const chips = categoryChips(
    paper.categories,
    categoryPath ?? (paper.day ? dayPath(paper.day) : "/papers/trending"),
    3,
  );
  const card: CardData = {
    id: paper.id,
    rank: rank ?? null,
    cover: coverOf(paper.id, paper.title, paper.thumbnailUrl),
    authors: authors.shown,
    moreAuthors: authors.rest,
    chips: chips.chips,
    moreCategories: chips.more,
    commentCount: paper.commentCount,
    submittedBy: paper.submittedBy && (paper.submittedBy.name ?? paper.submittedBy.username) ? paper.submittedBy : null,
    // Counted from the same `now` trending's score was computed at.
    featured:
      now && paper.submittedAt ? { at: paper.submittedAt.toISOString(), ago: hoursAgo(paper.submittedAt, now) } : null,
    githubRepo: paper.githubRepo,
    githubStars: paper.githubStars,
    projectPage: paper.projectPage,
    reason: reason ?? null,
  };
  return (
    <PaperCardView
      card={card}
      title={<RichText text={paper.title} links={false} />}
      vote={<UpvoteControl paperId={paper.id} count={paper.upvoteCount} counts={counts} />}
    />
  );
}
