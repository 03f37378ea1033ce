import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { PaperView } from "@/components/paper/paper-view";
import { getDiscussion } from "@/lib/comments/data";
import { appUrl } from "@/lib/env";
import { clipText } from "@/lib/papers/abstract";
import { arxivAbsUrl } from "@/lib/papers/arxiv-id";
import { citationMeta } from "@/lib/papers/citation-meta";
import { getPaper, getSimilarPapers } from "@/lib/papers/data";
import type { PaperDetail } from "@/lib/papers/schema";
import { toDayString } from "@/lib/dates/days";
import { idFromSegments } from "@/lib/papers/paper-route";
import { paperPath, paperUrl } from "@/lib/urls";
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
    // For reference managers: Zotero's connector, Google Scholar.
    other: citationMeta(paper),
  };
}

export default async function PaperPage({ params }: Props) {
  const paper = await paperFrom(params);
  return (
    <PaperView
      paper={paper}
      jsonLd={scholarlyArticle(paper)}
      // A withdrawn paper takes no vote: its count alone, without the reader's button.
      counts={paper.withdrawnAt ? undefined : getCurrentCounts([paper.id])}
      similar={getSimilarPapers(paper.id)}
      discussion={getDiscussion(paper.id)}
    />
  );
}

/** The paper as a schema.org ScholarlyArticle (JSON-LD), with absolute URLs. */
function scholarlyArticle(paper: PaperDetail): Record<string, unknown> {
  return {
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
}
