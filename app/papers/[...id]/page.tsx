import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { Suspense } from "react";
import { Discussion } from "@/components/comments/discussion";
import { AuthorLine } from "@/components/paper/author-line";
import { CategoryChips } from "@/components/paper/category-chips";
import { AiSummary, PaperFacts, WithdrawnNotice } from "@/components/paper/paper-details";
import { PaperLinks } from "@/components/paper/paper-links";
import { PaperThumbnail } from "@/components/paper/paper-thumbnail";
import { RichText } from "@/components/paper/rich-text";
import { Submitter } from "@/components/paper/submitter";
import { SimilarPapers } from "@/components/paper/similar-papers";
import { UpvoteControl } from "@/components/paper/upvote-control";
import { getDiscussion } from "@/lib/comments/data";
import { appUrl } from "@/lib/env";
import { ABSTRACT_MATH_LIMIT, ABSTRACT_DISPLAY_LIMIT, clipText, isAbstractShortened } from "@/lib/papers/abstract";
import { arxivAbsUrl } from "@/lib/papers/arxiv-id";
import { getPaper, getSimilarPapers } from "@/lib/papers/data";
import { formatDay, toDayString } from "@/lib/dates/days";
import { idFromSegments } from "@/lib/papers/paper-route";
import { dayPath, paperPath, paperUrl } from "@/lib/urls";
import { latexToPlainText } from "@/lib/text/latex";
import { getCurrentCounts } from "@/lib/upvotes/current-counts";

type Props = { params: Promise<{ id: string[] }> };

async function paperFrom(params: Props["params"]) {
  const parsed = idFromSegments((await params).id);
  if (!parsed) notFound();
  if (!parsed.canonical) permanentRedirect(paperPath(parsed.id));
  const paper = await getPaper(parsed.id);
  if (!paper) notFound();
  return paper;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = idFromSegments((await params).id);
  const paper = parsed ? await getPaper(parsed.id) : null;
  if (!paper) return { title: "Paper not found" };
  const title = latexToPlainText(paper.title);
  const abstract = latexToPlainText(paper.abstract);
  const description = abstract.length > 200 ? `${abstract.slice(0, 197).trimEnd()}…` : abstract;
  const image = `/og/${paper.id}`;
  return {
    title,
    description,
    authors: paper.authors.slice(0, 10).map((name) => ({ name })),
    alternates: { canonical: paperPath(paper.id) },
    openGraph: {
      type: "article",
      title,
      description,
      url: paperPath(paper.id),
      publishedTime: paper.publishedAt.toISOString(),
      authors: paper.authors.slice(0, 10),
      images: [{ url: image, width: 1200, height: 630, alt: title }],
    },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}

export default async function PaperPage({ params }: Props) {
  const paper = await paperFrom(params);
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "ScholarlyArticle",
    headline: latexToPlainText(paper.title),
    name: latexToPlainText(paper.title),
    abstract: clipText(latexToPlainText(paper.abstract)),
    author: paper.authors.map((name) => ({ "@type": "Person", name })),
    datePublished: toDayString(paper.publishedAt),
    identifier: `arXiv:${paper.id}`,
    url: paperUrl(appUrl(), paper.id),
    sameAs: arxivAbsUrl(paper.id),
    image: `${appUrl()}/og/${paper.id}`,
  };

  return (
    <article className="mx-auto max-w-3xl wrap-anywhere">
      <script
        type="application/ld+json"
        // JSON.stringify escapes quotes; "<" is escaped too so no text can close the script element.
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }}
      />
      <PaperThumbnail
        id={paper.id}
        title={paper.title}
        url={paper.thumbnailUrl}
        className="mb-6 aspect-[4/1] w-full rounded-xl"
      />
      <div className="flex gap-4">
        {/* A withdrawn paper takes no vote: its count alone, without the reader's button. */}
        <UpvoteControl
          paperId={paper.id}
          count={paper.upvoteCount}
          counts={paper.withdrawnAt ? undefined : getCurrentCounts([paper.id])}
        />
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

      <AiSummary summary={paper.aiSummary} keywords={paper.aiKeywords} />

      <section aria-labelledby="abstract-heading" className="mt-8">
        <h2 id="abstract-heading" className="text-lg font-semibold">
          Abstract
        </h2>
        <p className="mt-2 leading-relaxed text-zinc-800 dark:text-zinc-200">
          <RichText text={paper.abstract} maxLength={ABSTRACT_DISPLAY_LIMIT} maxMath={ABSTRACT_MATH_LIMIT} />
        </p>
        {isAbstractShortened(paper.abstract) ? (
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            This abstract is shortened here.{" "}
            <a href={arxivAbsUrl(paper.id)} className="underline underline-offset-2" rel="noopener">
              Read it in full on arXiv
            </a>
            .
          </p>
        ) : null}
      </section>

      <PaperFacts paper={paper} />

      <section aria-labelledby="similar-heading" className="mt-10">
        <h2 id="similar-heading" className="text-lg font-semibold">
          Similar papers
        </h2>
        <Suspense fallback={<SimilarPapers.Skeleton />}>
          <SimilarPapers papers={getSimilarPapers(paper.id)} />
        </Suspense>
      </section>

      <Suspense fallback={<Discussion.Skeleton />}>
        <Discussion paperId={paper.id} discussion={getDiscussion(paper.id)} />
      </Suspense>
    </article>
  );
}
