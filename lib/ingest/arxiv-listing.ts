import "server-only";
import { arxivDayOf } from "@/lib/dates/arxiv-calendar";
import {
  IngestParseError,
  asArray,
  asObject,
  attrOf,
  cleanText,
  parseTimestamp,
  parseVersionedId,
  parseXml,
  saysWithdrawn,
  splitCreditedAuthors,
  textOf,
  uniqueCategories,
} from "@/lib/ingest/arxiv-text";
import type { ArxivRecord, ParseResult, RejectedItem } from "@/lib/ingest/records";

export { IngestParseError } from "@/lib/ingest/arxiv-text";

/**
 * Reads arXiv's listing feeds (rss.arxiv.org, RSS 2.0 and Atom flavours) into records.
 *
 * A listing item says less than the export API: no submission date, no comment; its description is
 * "arXiv:2411.17700v1 Announce Type: new \nAbstract: …". Items that cannot be read are rejected one by one;
 * only a body that is not XML, or not a listing feed, throws.
 */

const ANNOUNCE_TYPES = new Set(["new", "cross", "replace", "replace-cross"]);

/**
 * Parses one listing feed response. A "Feed error for query" channel is a `source-error`; a feed with no
 * items (weekends, holidays, an empty archive) is `records: []`. Throws `IngestParseError` when `xml` is not
 * well-formed or is no RSS/Atom feed.
 */
export function parseArxivListing(xml: string): ParseResult<ArxivRecord> {
  const doc = parseXml(xml);
  const channel = asObject(asObject(doc.rss)?.channel);
  if (channel) return readChannel(channel, "rss");
  const feed = asObject(doc.feed);
  if (feed) return readChannel(feed, "atom");
  throw new IngestParseError("the response is XML but not an arXiv listing feed (no RSS channel or Atom feed).");
}

function readChannel(channel: Record<string, unknown>, flavour: "rss" | "atom"): ParseResult<ArxivRecord> {
  const title = cleanText(textOf(channel.title)) ?? "";
  if (/^feed error for query/i.test(title)) {
    const detail = cleanText(textOf(flavour === "rss" ? channel.description : channel.subtitle));
    return { kind: "source-error", message: detail ? `arXiv: ${detail}` : `arXiv: ${title}` };
  }
  const channelDate = parseTimestamp(textOf(flavour === "rss" ? channel.pubDate : channel.updated));
  const channelDay = channelDate ? arxivDayOf(channelDate) : undefined;

  const records: ArxivRecord[] = [];
  const rejected: RejectedItem[] = [];
  const items = asArray(flavour === "rss" ? channel.item : channel.entry);
  items.forEach((raw, index) => {
    const item = asObject(raw) ?? {};
    const read = readItem(item, flavour, channelDay);
    if ("reason" in read) rejected.push({ id: read.id ?? `item ${index + 1}`, reason: read.reason });
    else records.push(read);
  });
  const announcedOn = records[0]?.announcedOn ?? channelDay;
  return { kind: "records", records, rejected, ...(announcedOn ? { announcedOn } : {}) };
}

function readItem(
  item: Record<string, unknown>,
  flavour: "rss" | "atom",
  channelDay: string | undefined,
): ArxivRecord | { id?: string; reason: string } {
  const description = textOf(flavour === "rss" ? item.description : item.summary) ?? "";
  const header = /arXiv:(\S+)\s+Announce Type:\s*([\w-]+)/i.exec(description);
  const guid = textOf(flavour === "rss" ? item.guid : item.id);
  const versioned = parseVersionedId(guid) ?? parseVersionedId(header?.[1]);
  if (!versioned) return { reason: `no arXiv id in its ${flavour === "rss" ? "guid" : "id"} or description` };
  const { id, version } = versioned;

  const announceType = (cleanText(textOf(item["arxiv:announce_type"])) ?? header?.[2])?.toLowerCase();
  if (!announceType || !ANNOUNCE_TYPES.has(announceType)) {
    return { id, reason: `unknown announce type "${announceType ?? ""}"` };
  }
  const title = cleanText(textOf(item.title));
  if (!title) return { id, reason: "no title" };
  const abstractAt = description.search(/Abstract:\s/);
  const abstract = cleanText(abstractAt >= 0 ? description.slice(abstractAt).replace(/^Abstract:\s/, "") : undefined);
  if (!abstract) return { id, reason: 'no "Abstract:" in its description' };
  const credited = asArray(item["dc:creator"]).flatMap((creator) => splitCreditedAuthors(textOf(creator) ?? ""));
  const authors = credited.map((author) => author.name);
  if (authors.length === 0) return { id, reason: "no authors (dc:creator)" };

  const categories = uniqueCategories(
    asArray(item.category).map((category) => (flavour === "rss" ? textOf(category) : attrOf(category, "term"))),
  );
  const itemDate = parseTimestamp(textOf(flavour === "rss" ? item.pubDate : item.published));
  const announcedOn = itemDate ? arxivDayOf(itemDate) : channelDay;

  const record: ArxivRecord = { id, title, abstract, authors, categories, announceType };
  if (version !== undefined) record.version = version;
  if (credited.some((author) => author.affiliation)) {
    record.affiliations = credited.map((author) => author.affiliation ?? "");
  }
  if (saysWithdrawn(undefined, abstract)) record.withdrawn = true;
  if (announcedOn) record.announcedOn = announcedOn;
  const license = cleanText(textOf(item["dc:rights"]));
  if (license) record.license = license;
  const doi = cleanText(textOf(item["arxiv:DOI"]) ?? textOf(item["arxiv:doi"]));
  if (doi) record.doi = doi;
  const journalRef = cleanText(textOf(item["arxiv:journal_reference"]) ?? textOf(item["arxiv:journal_ref"]));
  if (journalRef) record.journalRef = journalRef;
  return record;
}
