import "server-only";
import { Feed, type Item } from "feed";
import { unstable_cache } from "next/cache";
import { cacheTags } from "@/lib/cache-tags";
import { appUrl } from "@/lib/env";
import { paperUrl, plainText } from "@/lib/papers/api";
import { getRecentDailyPapers } from "@/lib/papers/api-data";
import { arxivPdfUrl } from "@/lib/papers/arxiv-id";
import { getTrendingPapers } from "@/lib/papers/data";
import type { PaperSummary } from "@/lib/papers/schema";

/**
 * The site's RSS 2.0 and Atom 1.0 feeds (`/feeds/<name>.xml`, `/feeds/<name>.atom`), built with the `feed`
 * package from the daily list and from trending.
 */

export type FeedName = "daily" | "trending";
export type FeedFormat = "rss" | "atom";

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
};

const EXTENSIONS: Record<FeedFormat, string> = { rss: "xml", atom: "atom" };

/** The daily feed covers the latest days that have papers, newest day first, up to this many papers. */
const DAILY_FEED_DAYS = 7;
const DAILY_FEED_LIMIT = 100;
const TRENDING_FEED_LIMIT = 50;
/** How long a built feed is reused; mutations that change the lists also invalidate `cacheTags.feeds`. */
const FEED_REVALIDATE_SECONDS = 300;

const FEEDS: Record<FeedName, { title: string; description: string; pagePath: string }> = {
  daily: {
    title: "Daily Papers",
    description: "The research papers featured each day, most upvoted first.",
    pagePath: "/",
  },
  trending: {
    title: "Daily Papers — Trending",
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

/** The absolute URL of a feed. */
export function feedUrl(name: FeedName, format: FeedFormat, baseUrl: string = appUrl()): string {
  return `${baseUrl}/feeds/${name}.${EXTENSIONS[format]}`;
}

/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates), which arXiv text can hold. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlSafe(text: string): string {
  return text.replace(NOT_XML, "");
}

/** Plain text as HTML source, for the elements readers render as HTML (Atom `type="html"`, RSS description). */
function asHtml(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Plain text kept verbatim in a CDATA section, which cannot contain its own terminator. */
function asCdataText(text: string): string {
  return xmlSafe(text).replaceAll("]]>", "]] >");
}

const DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";

function feedItem(paper: PaperSummary, format: FeedFormat, baseUrl: string): Item {
  const title = plainText(paper.title);
  const abstract = plainText(paper.abstract);
  const authors = paper.authors.map((name) => xmlSafe(name));
  const item: Item = {
    // The paper's URL is both its link and its id/guid (a permalink in RSS).
    link: paperUrl(paper.id, baseUrl),
    title: format === "atom" ? asHtml(title) : asCdataText(title),
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

/** Renders feed `name` in `format` for `papers` (already in feed order). */
export function buildFeed(
  name: FeedName,
  format: FeedFormat,
  papers: PaperSummary[],
  baseUrl: string,
  now: Date = new Date(),
): string {
  const meta = FEEDS[name];
  const items = papers.map((paper) => feedItem(paper, format, baseUrl));
  const newest = items.reduce<Date | null>((max, item) => (max && max >= item.date ? max : item.date), null);
  const feed = new Feed({
    id: feedUrl(name, "atom", baseUrl),
    title: meta.title,
    description: meta.description,
    link: `${baseUrl}${meta.pagePath}`,
    language: "en",
    updated: newest ?? now,
    generator: "Daily Papers",
    feedLinks: { rss: feedUrl(name, "rss", baseUrl), atom: feedUrl(name, "atom", baseUrl) },
    author: { name: "Daily Papers", link: `${baseUrl}/` },
  });
  for (const item of items) feed.addItem(item);
  return format === "atom" ? feed.atom1() : feed.rss2();
}

/** Reads the papers of feed `name`, in feed order. */
async function feedPapers(name: FeedName): Promise<PaperSummary[]> {
  return name === "daily"
    ? getRecentDailyPapers(DAILY_FEED_DAYS, DAILY_FEED_LIMIT)
    : getTrendingPapers(TRENDING_FEED_LIMIT);
}

/** Feed `name` in `format`, straight from the database. */
export async function renderFeed(name: FeedName, format: FeedFormat, baseUrl: string = appUrl()): Promise<string> {
  return buildFeed(name, format, await feedPapers(name), baseUrl);
}

/**
 * Feed `name` in `format`, reused for a few minutes (feed readers poll often) and dropped when a mutation
 * invalidates `cacheTags.feeds`.
 */
export function getFeedXml(name: FeedName, format: FeedFormat): Promise<string> {
  const baseUrl = appUrl();
  return unstable_cache(() => renderFeed(name, format, baseUrl), ["feed", name, format, baseUrl], {
    tags: [cacheTags.feeds],
    revalidate: FEED_REVALIDATE_SECONDS,
  })();
}
