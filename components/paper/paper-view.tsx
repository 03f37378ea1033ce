import Link from "next/link";
import { Suspense } from "react";
import { Discussion } from "@/components/comments/discussion";
import { CiteLinks } from "@/components/collections/cite-links";
import { SaveButton } from "@/components/collections/save-button";
import { MarkSeen } from "@/components/paper/mark-seen";
import { AuthorLine } from "@/components/paper/author-line";
import { CategoryChips } from "@/components/paper/category-chips";
import { AiSummary, PaperFacts, WithdrawnNotice } from "@/components/paper/paper-details";
import { PaperLinks } from "@/components/paper/paper-links";
import { PaperThumbnail } from "@/components/paper/paper-thumbnail";
import { RichText } from "@/components/paper/rich-text";
import { Submitter } from "@/components/paper/submitter";
import { SimilarPapers } from "@/components/paper/similar-papers";
import { UpvoteControl } from "@/components/paper/upvote-control";
import type { DiscussionView } from "@/lib/comments/schema";
import { formatDay, toDayString } from "@/lib/dates/days";
import { ABSTRACT_MATH_LIMIT, ABSTRACT_DISPLAY_LIMIT, isAbstractShortened } from "@/lib/papers/abstract";
import { arxivAbsUrl } from "@/lib/papers/arxiv-id";
import type { PaperDetail, PaperSummary } from "@/lib/papers/schema";
import { dayPath, paperPath } from "@/lib/urls";
import type { CurrentCounts } from "@/lib/upvotes/current-counts";

/**
 * A paper's page: cover, vote, title, authors, dates, categories, links, abstract and facts, then similar
 * papers and the discussion, which stream in. The route (app/papers/[...id]/page.tsx) loads the paper and
 * hands over the rest as promises.
 */
export function PaperView({
  paper,
  jsonLd,
  counts,
  similar,
  discussion,
}: {
  paper: PaperDetail;
  /** schema.org data about the paper, for search engines. */
  jsonLd: Record<string, unknown>;
  /** The reader's vote and the current count; none for a withdrawn paper, which takes no vote. */
  counts: Promise<CurrentCounts> | undefined;
  similar: Promise<PaperSummary[]>;
  discussion: Promise<DiscussionView | null>;
}) {
  return (
    <article className="mx-auto max-w-3xl wrap-anywhere">
      <script
        type="application/ld+json"
        // JSON.stringify escapes quotes; "<" is escaped too so no text can close the script element.
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }}
      />
      <MarkSeen paperId={paper.id} />
      <PaperThumbnail
        id={paper.id}
        title={paper.title}
        url={paper.thumbnailUrl}
        className="mb-6 aspect-[4/1] w-full rounded-xl"
      />
      <div className="flex gap-4">
        <UpvoteControl paperId={paper.id} count={paper.upvoteCount} counts={counts} />
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl leading-tight font-semibold tracking-tight sm:text-3xl">
            <RichText text={paper.title} />
          </h1>
          <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">arXiv:{paper.id}</p>
        </div>
      </div>

      <WithdrawnNotice version={paper.version} withdrawnAt={paper.withdrawnAt} />

      <section aria-labelledby="authors-heading" className="mt-6">
        <h2 id="authors-heading" className="sr-only">
          Authors
        </h2>
        <AuthorLine
          authors={paper.authors}
          shown={paper.authors.length}
          className="text-sm text-zinc-700 dark:text-zinc-300"
        />
      </section>

      <PaperMeta paper={paper} />

      <CategoryChips
        categories={paper.categories}
        viewPath={paper.day ? dayPath(paper.day) : "/papers/trending"}
        className="mt-4"
      />

      <div className="mt-4">
        <PaperLinks
          id={paper.id}
          githubRepo={paper.githubRepo}
          githubStars={paper.githubStars}
          projectPage={paper.projectPage}
        />
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        <SaveButton paperId={paper.id} className="text-sm" />
        <CiteLinks path={paperPath(paper.id)} />
      </div>

      <AiSummary summary={paper.aiSummary} keywords={paper.aiKeywords} />

      <PaperAbstract id={paper.id} abstract={paper.abstract} />

      <PaperFacts paper={paper} />

      <section aria-labelledby="similar-heading" className="mt-10">
        <h2 id="similar-heading" className="text-lg font-semibold">
          Similar papers
        </h2>
        <Suspense fallback={<SimilarPapers.Skeleton />}>
          <SimilarPapers papers={similar} />
        </Suspense>
      </section>

      <Suspense fallback={<Discussion.Skeleton />}>
        <Discussion paperId={paper.id} discussion={discussion} />
      </Suspense>
    </article>
  );
}

/** Published, featured (a link to that day), submitter, organisation and the comment count. */
function PaperMeta({ paper }: { paper: PaperDetail }) {
  return (
    <dl className="mt-4 flex flex-wrap gap-x-6 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
      <div className="flex gap-1">
        <dt>Published</dt>
        <dd>
          <time dateTime={toDayString(paper.publishedAt)}>{formatDay(toDayString(paper.publishedAt), "long")}</time>
        </dd>
      </div>
      {paper.day ? (
        <div className="flex gap-1">
          <dt>Featured</dt>
          <dd>
            <Link href={dayPath(paper.day)} className="underline-offset-2 hover:underline">
              <time dateTime={paper.day}>{formatDay(paper.day, "long")}</time>
            </Link>
          </dd>
        </div>
      ) : null}
      {paper.submittedBy ? (
        <div className="flex gap-1">
          <dt>Submitted by</dt>
          <dd>
            <Submitter submittedBy={paper.submittedBy} />
          </dd>
        </div>
      ) : null}
      {paper.organization ? (
        <div className="flex gap-1">
          <dt>Organization</dt>
          <dd className="font-medium text-zinc-800 dark:text-zinc-200">{paper.organization}</dd>
        </div>
      ) : null}
      <div className="flex gap-1">
        <dt className="sr-only">Comments</dt>
        <dd>
          {paper.commentCount} {paper.commentCount === 1 ? "comment" : "comments"}
        </dd>
      </div>
    </dl>
  );
}

/** The abstract, clipped for display with a link to arXiv's full text when it was. */
function PaperAbstract({ id, abstract }: { id: string; abstract: string }) {
  return (
    <section aria-labelledby="abstract-heading" className="mt-8">
      <h2 id="abstract-heading" className="text-lg font-semibold">
        Abstract
      </h2>
      <p className="mt-2 leading-relaxed text-zinc-800 dark:text-zinc-200">
        <RichText text={abstract} maxLength={ABSTRACT_DISPLAY_LIMIT} maxMath={ABSTRACT_MATH_LIMIT} />
      </p>
      {isAbstractShortened(abstract) ? (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          This abstract is shortened here.{" "}
          <a href={arxivAbsUrl(id)} className="underline underline-offset-2" rel="noopener">
            Read it in full on arXiv
          </a>
          .
        </p>
      ) : null}
    </section>
  );
}
