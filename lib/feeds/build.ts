import "server-only";
import { Feed, type Item } from "feed";
import { cacheTags } from "@/lib/cache-tags";
import { appUrl } from "@/lib/env";
import { getFeedPapers } from "@/lib/feeds/data";
import { feedTitle, type FeedName } from "@/lib/feeds/links";
import { cachedRead } from "@/lib/page-cache/data-cache";
import { arxivPdfUrl } from "@/lib/papers/arxiv-id";
import { withCategory } from "@/lib/papers/categories";
import type { PaperSummary } from "@/lib/papers/schema";
import { paperUrl } from "@/lib/urls";
import { escapeHtml } from "@/lib/text/escape-html";
import { plainText } from "@/lib/text/plain-text";

/**
 * The site's RSS 2.0 and Atom 1.0 feeds (`/feeds/<name>.xml`, `/feeds/<name>.atom`), built with the `feed`
 * package from the daily list and from trending; `?category=cs.CL` narrows either to one arXiv category.
 */

export type { FeedName };
export type FeedFormat = "rss" | "atom";

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
};

const EXTENSIONS: Record<FeedFormat, string> = { rss: "xml", atom: "atom" };

/** How long a built feed is reused; mutations that change the lists also invalidate `cacheTags.lists`. */
const FEED_REVALIDATE_SECONDS = 300;

const FEEDS: Record<FeedName, { description: string; pagePath: string }> = {
  daily: {
    description: "The research papers featured each day, most upvoted first.",
    pagePath: "/",
  },
  trending: {
    description: "The papers of the past week that are gathering upvotes fastest.",
    pagePath: "/papers/trending",
  },
};

/** The feed a file name in `/feeds/` names ("daily.xml", "trending.atom"), or null. */
export function parseFeedFile(file: string): { name: FeedName; format: FeedFormat } | null {
  const match = /^(daily|trending)\.(xml|atom)$/.exec(file);
  if (!match) return null;
  return { name: match[1] as FeedName, format: match[2] === "atom" ? "atom" : "rss" };
}

/** The absolute URL of a feed, of one arXiv category when given. */
export function feedUrl(
  name: FeedName,
  format: FeedFormat,
  baseUrl: string = appUrl(),
  category: string | null = null,
): string {
  return withCategory(`${baseUrl}/feeds/${name}.${EXTENSIONS[format]}`, category);
}

/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates), which arXiv text can hold. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlSafe(text: string): string {
  return text.replace(NOT_XML, "");
}

/** Plain text as HTML source, for the elements readers render as HTML (Atom `type="html"`, RSS description). */
function asHtml(text: string): string {
  return escapeHtml(xmlSafe(text));
}

const DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";

function feedItem(paper: PaperSummary, format: FeedFormat, baseUrl: string): Item {
  const title = plainText(paper.title);
  const abstract = plainText(paper.abstract);
  const authors = paper.authors.map((name) => xmlSafe(name));
  const item: Item = {
    // The paper's URL is both its link and its id/guid (a permalink in RSS).
    link: paperUrl(baseUrl, paper.id),
    // The `feed` package wraps titles in CDATA in both formats. Escaped as HTML, a title can neither end the
    // CDATA section ("]]>" becomes "]]&gt;") nor carry markup a reader would render ("<script>").
    title: asHtml(title),
    description: asHtml(abstract),
    date: paper.submittedAt ?? paper.publishedAt,
  };
  if (format === "atom") {
    item.author = authors.map((name) => ({ name }));
  } else {
    // RSS's <author> must be an e-mail address; names go in dc:creator, declared where used.
    if (authors.length > 0) {
      item.extensions = [
        { name: "dc:creator", objects: { _attributes: { "xmlns:dc": DUBLIN_CORE }, _text: authors.join(", ") } },
      ];
    }
    // The `feed` package labels Atom enclosures by file extension (wrong for arXiv's PDF URLs), so only RSS
    // carries one.
    item.enclosure = { url: arxivPdfUrl(paper.id), type: "application/pdf", length: 0 };
  }
  return item;
}

/** Renders feed `name` in `format` for `papers` (already in feed order), of one arXiv category if given. */
export function buildFeed(
  name: FeedName,
  format: FeedFormat,
  papers: PaperSummary[],
  baseUrl: string,
  { now = new Date(), category = null }: { now?: Date; category?: string | null } = {},
): string {
  const meta = FEEDS[name];
  const items = papers.map((paper) => feedItem(paper, format, baseUrl));
  const newest = items.reduce<Date | null>((max, item) => (max && max >= item.date ? max : item.date), null);
  const feed = new Feed({
    id: feedUrl(name, "atom", baseUrl, category),
    title: feedTitle(name, category),
    description: category ? `${meta.description} Only papers in ${category}.` : meta.description,
    link: withCategory(`${baseUrl}${meta.pagePath}`, category),
    language: "en",
    updated: newest ?? now,
    generator: "Daily Papers",
    feedLinks: { rss: feedUrl(name, "rss", baseUrl, category), atom: feedUrl(name, "atom", baseUrl, category) },
    author: { name: "Daily Papers", link: `${baseUrl}/` },
  });
  for (const item of items) feed.addItem(item);
  return format === "atom" ? feed.atom1() : feed.rss2();
}

/** Feed `name` in `format` (of one arXiv category, if given), straight from the database. */
export async function renderFeed(
  name: FeedName,
  format: FeedFormat,
  baseUrl: string = appUrl(),
  category: string | null = null,
): Promise<string> {
  return buildFeed(name, format, await getFeedPapers(name, category), baseUrl, { category });
}

/**
 * Feed `name` in `format` (of one arXiv category, if given), reused for a few minutes (feed readers poll
 * often) and dropped when a mutation invalidates `cacheTags.lists`.
 */
export function getFeedXml(name: FeedName, format: FeedFormat, category: string | null = null): Promise<string> {
  return cachedFeedXml(name, format, appUrl(), category);
}

const cachedFeedXml = cachedRead(renderFeed, "feed", () => [cacheTags.lists], FEED_REVALIDATE_SECONDS);
