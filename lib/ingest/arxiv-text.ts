import "server-only";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { AppError } from "@/lib/errors";
import { parseArxivId } from "@/lib/papers/arxiv-id";

/**
 * Helpers shared by the arXiv and Hugging Face parsers: reading XML safely, normalising text the way
 * arXiv's formats disagree on it (hard wraps, padding), splitting author lists and reading versioned ids.
 * arXiv's calendar (New York days) is lib/dates/arxiv-calendar.ts.
 */

/** A response that cannot be read at all (cut off, not XML, not the shape a source sends). */
export class IngestParseError extends AppError {
  constructor(reason: string) {
    super("UPSTREAM_FAILED", reason);
    this.name = "IngestParseError";
  }
}

/** Elements that may repeat and so are always read as arrays, whatever their count. */
const REPEATED = new Set(["item", "entry", "category", "dc:creator", "author", "link", "arxiv:affiliation"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Ids such as "2411.17700" and titles such as "1984" must stay strings.
  parseTagValue: false,
  // Character references (`&#246;`, `&#xF6;`) are decoded with the XML, once: `&amp;#246;` stays as written.
  htmlEntities: true,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

/**
 * Parses `xml` into plain objects, or throws `IngestParseError` with one sentence on why it is not
 * well-formed (a cut-off body names the line it stops at).
 */
export function parseXml(xml: string): Record<string, unknown> {
  if (xml.trim() === "") throw new IngestParseError("the response is empty, not XML.");
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) {
    const { msg, line } = verdict.err;
    const lines = xml.split("\n").length;
    // The validator reports tags left open at the end as one error on line 1: that is a cut-off body.
    const open = /^Invalid '\[(.*)\]' found\.$/s.exec(msg);
    if (open?.[1]) {
      const tags = open[1]
        .split(",")
        .map((tag) => `<${tag.trim().replace(/^"|"$/g, "")}>`)
        .join(", ");
      throw new IngestParseError(
        `the response is not well-formed XML (cut off at line ${lines}, ${tags} never closed).`,
      );
    }
    throw new IngestParseError(`the response is not well-formed XML (${msg.replace(/\.$/, "")} at line ${line}).`);
  }
  return parser.parse(xml) as Record<string, unknown>;
}

/** A child value read as an object (an element with attributes or children), else undefined. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A child value as an array of whatever it holds (absent → []). */
export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** An element's text: plain text, or `#text` when it also has attributes. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = asObject(value)?.["#text"];
  return typeof text === "string" ? text : undefined;
}

/** An attribute of an element, when it is there. */
export function attrOf(value: unknown, name: string): string | undefined {
  const attr = asObject(value)?.[`@_${name}`];
  return typeof attr === "string" ? attr : undefined;
}

// Control characters other than whitespace cannot be stored in PostgreSQL text (NUL) or shown.
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;

/**
 * Text as one line: hard wraps and padding collapsed to single spaces, control characters dropped. LaTeX
 * is left exactly as written. Empty text becomes undefined.
 */
export function cleanText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const clean = text
    .replace(CONTROL, "")
    .replace(/[ \t\n\r\f\v]+/g, " ")
    .trim();
  return clean === "" ? undefined : clean;
}

/** The bare id and version in "2411.17700v2", "oai:arXiv.org:hep-th/9901001v1", an abs or pdf URL. */
export function parseVersionedId(raw: string | undefined): { id: string; version?: number } | undefined {
  if (!raw) return undefined;
  const candidate = raw
    .trim()
    .replace(/^oai:arxiv\.org:/i, "")
    .replace(/^https?:\/\/(?:export\.)?arxiv\.org\/(?:abs|pdf)\//i, "")
    .replace(/\.pdf$/i, "");
  const id = parseArxivId(candidate);
  if (!id) return undefined;
  const version = /v(\d{1,3})$/.exec(candidate)?.[1];
  return version ? { id, version: Number(version) } : { id };
}

/** An author as a listing feed names them: "Jun Cui (Tianjin University, China)". */
export interface CreditedAuthor {
  name: string;
  /** What the parentheses after the name said, when there were any. */
  affiliation?: string;
}

/**
 * A group credited as one author: "ATLAS and CMS Collaborations" is one author, not "ATLAS" and "CMS
 * Collaborations".
 */
const GROUP_AUTHOR = /\b(?:collaborations?|consortium|consortia|teams?|groups?|projects?|networks?)$/i;

/**
 * Authors from a listing feed's `dc:creator`: "A, B, C" or "A, B and C", where a name may carry its
 * affiliations in parentheses ("Jun Cui (Tianjin University, China)"). Commas inside parentheses do not
 * split; the affiliations are kept apart from the names, so the names match what the export API gives.
 */
export function splitCreditedAuthors(creators: string): CreditedAuthor[] {
  const parts: { name: string; affiliation: string }[] = [];
  let depth = 0;
  let name = "";
  let affiliation = "";
  for (const char of creators) {
    if (char === "(") {
      if (depth > 0) affiliation += char;
      else if (affiliation) affiliation += "; ";
      depth += 1;
    } else if (char === ")") {
      depth = Math.max(0, depth - 1);
      if (depth > 0) affiliation += char;
    } else if (depth > 0) affiliation += char;
    else if (char === ",") {
      parts.push({ name, affiliation });
      name = "";
      affiliation = "";
    } else name += char;
  }
  parts.push({ name, affiliation });
  return parts.flatMap((part) => {
    const names = GROUP_AUTHOR.test(part.name.trim()) ? [part.name] : part.name.split(/\s+and\s+/);
    const clean = names
      .map((each) => cleanText(each.replace(/^and\s+/, "")))
      .filter((each): each is string => each !== undefined);
    const credit = cleanText(part.affiliation);
    // The parentheses belong to the name they follow: the last one when "and" joined two.
    return clean.map((each, index) =>
      credit && index === clean.length - 1 ? { name: each, affiliation: credit } : { name: each },
    );
  });
}

/** Author names alone from a listing feed's `dc:creator` (see `splitCreditedAuthors`). */
export function splitAuthors(creators: string): string[] {
  return splitCreditedAuthors(creators).map((author) => author.name);
}

/**
 * How arXiv shows a withdrawal: the withdrawn version's comment, or its abstract, says "This paper has been
 * withdrawn" (by its authors, or "by arXiv administrators"), or the comment is just "withdrawn".
 */
const WITHDRAWN =
  /^(?:withdrawn\b|(?:this|the) (?:paper|article|manuscript|submission|preprint|work) (?:has been|is|was) withdrawn\b)|\bpaper has been withdrawn\b/i;

/** Whether arXiv's comment or abstract of a version says it is withdrawn. */
export function saysWithdrawn(comment: string | undefined, abstract: string | undefined): boolean {
  return [comment, abstract].some((text) => text !== undefined && WITHDRAWN.test(text.trim()));
}

/** arXiv category names ("cs.AI", "astro-ph.CO", "math-ph"), not MSC or ACM classes ("35", "I.2.7"). */
const CATEGORY = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[A-Za-z]+)*)?$/;

/**
 * arXiv categories without blanks, repeats, or the MSC/ACM classes the old API lists among them, in the
 * order given (primary first when the caller put it first).
 */
export function uniqueCategories(categories: (string | undefined)[]): string[] {
  const clean = categories.map((category) => cleanText(category));
  return [...new Set(clean.filter((c): c is string => c !== undefined && CATEGORY.test(c)))];
}

/** A date from an ISO or RFC 822 timestamp, or undefined when it is not one. */
export function parseTimestamp(raw: string | undefined): Date | undefined {
  if (!raw) return undefined;
  const date = new Date(raw.trim());
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Only http(s) URLs, trimmed; anything else (`javascript:`, `data:`, garbage) is undefined. */
export function httpUrl(raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  const trimmed = raw.trim();
  if (!URL.canParse(trimmed)) return undefined;
  const url = new URL(trimmed);
  return url.protocol === "http:" || url.protocol === "https:" ? trimmed : undefined;
}
