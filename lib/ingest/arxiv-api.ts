import "server-only";
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
  textOf,
  uniqueCategories,
} from "@/lib/ingest/arxiv-text";
import type { ArxivRecord, ParseResult, RejectedItem } from "@/lib/ingest/records";

export { IngestParseError } from "@/lib/ingest/arxiv-text";

/**
 * Reads the arXiv export API's Atom (`export.arxiv.org/api/query`) into records, whichever of its three
 * shapes arrives: the old one (namespaces declared per element, hard-wrapped summaries, links with
 * rel/title), the late-2025 one (entry links with no rel/type/title), and the current one. Elements are
 * read by name, never by position, and links are told apart by title/rel when they have them, by href
 * otherwise.
 */

/**
 * Parses one export API response. An error entry (`<entry><title>Error</title>`) is a `source-error` with
 * arXiv's message; an empty result is `records: []`; empty stub entries (ids arXiv does not know, in the
 * old format) are dropped silently, as the new format drops them. Throws `IngestParseError` when `xml` is
 * not well-formed or is no Atom feed.
 */
export function parseArxivApi(xml: string): ParseResult<ArxivRecord> {
  const feed = asObject(parseXml(xml).feed);
  if (!feed) throw new IngestParseError("the response is XML but not an arXiv API Atom feed (no <feed>).");
  const entries = asArray(feed.entry).map((entry) => asObject(entry) ?? {});

  const error = entries.find(isErrorEntry);
  if (error) {
    const message = cleanText(textOf(error.summary)) ?? "the request was refused";
    return { kind: "source-error", message: `arXiv API: ${message}` };
  }

  const records: ArxivRecord[] = [];
  const rejected: RejectedItem[] = [];
  entries.forEach((entry, index) => {
    if (isStub(entry)) return;
    const read = readEntry(entry);
    if ("reason" in read) rejected.push({ id: read.id ?? `entry ${index + 1}`, reason: read.reason });
    else records.push(read);
  });
  return { kind: "records", records, rejected };
}

function isErrorEntry(entry: Record<string, unknown>): boolean {
  const id = textOf(entry.id) ?? "";
  return cleanText(textOf(entry.title)) === "Error" && (id === "" || /\/api\/errors/.test(id));
}

/** The old API's placeholder for an unknown id: no id, no title, only blank categories. */
function isStub(entry: Record<string, unknown>): boolean {
  return !cleanText(textOf(entry.id)) && !cleanText(textOf(entry.title));
}

interface Link {
  href: string;
  rel?: string;
  title?: string;
}

function readEntry(entry: Record<string, unknown>): ArxivRecord | { id?: string; reason: string } {
  const links: Link[] = asArray(entry.link).flatMap((link) => {
    const href = attrOf(link, "href")?.trim();
    return href ? [{ href, rel: attrOf(link, "rel"), title: attrOf(link, "title") }] : [];
  });
  const abs = links.find((link) => link.rel === "alternate") ?? links.find((link) => /\/abs\//.test(link.href));
  const versioned = parseVersionedId(textOf(entry.id)) ?? parseVersionedId(abs?.href);
  if (!versioned) return { reason: `no arXiv id in <id> "${cleanText(textOf(entry.id)) ?? ""}"` };
  const { id, version } = versioned;

  const title = cleanText(textOf(entry.title));
  if (!title) return { id, reason: "no title" };
  const abstract = cleanText(textOf(entry.summary));
  if (!abstract) return { id, reason: "no abstract (summary)" };
  const credited = asArray(entry.author).flatMap((author) => {
    const name = cleanText(textOf(asObject(author)?.name));
    if (!name) return [];
    const affiliation = asArray(asObject(author)?.["arxiv:affiliation"])
      .map((each) => cleanText(textOf(each)))
      .filter((each): each is string => each !== undefined)
      .join("; ");
    return [{ name, affiliation }];
  });
  const authors = credited.map((author) => author.name);
  if (authors.length === 0) return { id, reason: "no authors" };
  const publishedAt = parseTimestamp(textOf(entry.published));
  if (!publishedAt) return { id, reason: "no valid <published> date" };

  const primary = attrOf(entry["arxiv:primary_category"], "term");
  const categories = uniqueCategories([primary, ...asArray(entry.category).map((c) => attrOf(c, "term"))]);

  const record: ArxivRecord = { id, title, abstract, authors, categories, publishedAt };
  if (version !== undefined) record.version = version;
  if (credited.some((author) => author.affiliation)) record.affiliations = credited.map((a) => a.affiliation);
  const revisedAt = parseTimestamp(textOf(entry.updated));
  if (revisedAt) record.revisedAt = revisedAt;
  const comment = cleanText(textOf(entry["arxiv:comment"]));
  if (comment) record.comment = comment;
  const journalRef = cleanText(textOf(entry["arxiv:journal_ref"]));
  if (journalRef) record.journalRef = journalRef;
  const doi = cleanText(textOf(entry["arxiv:doi"])) ?? doiFromLinks(links);
  if (doi) record.doi = doi;
  const license = cleanText(textOf(entry["arxiv:license"]));
  if (license) record.license = license;
  if (saysWithdrawn(comment, abstract)) record.withdrawn = true;
  return record;
}

/** The DOI of a `title="doi"` link, or of any link to doi.org when links carry no title. */
function doiFromLinks(links: Link[]): string | undefined {
  const link =
    links.find((candidate) => candidate.title === "doi") ??
    links.find((candidate) => /^https?:\/\/(?:dx\.)?doi\.org\//i.test(candidate.href));
  if (!link) return undefined;
  const encoded = link.href.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, "");
  try {
    return cleanText(decodeURIComponent(encoded));
  } catch {
    return cleanText(encoded);
  }
}
