import "server-only";
import { z } from "zod";
import { IngestParseError, cleanText, httpUrl, parseVersionedId } from "@/lib/ingest/arxiv-text";
import type { HfDailyRecord, ParseResult, RejectedItem } from "@/lib/ingest/records";
import { firstIssue } from "@/lib/validation";

/**
 * Reads Hugging Face's `/api/daily_papers?date=` JSON into records (field list:
 * shared/reference/hf-daily-papers-api.md). Only the fields a paper cannot do without are required; a
 * malformed optional field is dropped, not the item; links survive only when they are http(s).
 */

/** An optional field that is dropped, not fatal, when it has the wrong shape. */
function optional<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

const text = z.string().transform((value, ctx) => {
  const clean = cleanText(value);
  if (clean === undefined) {
    ctx.addIssue({ code: "custom", message: "is empty" });
    return z.NEVER;
  }
  return clean;
});

const timestamp = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

const hfUser = z.object({
  user: optional(z.string()),
  name: optional(z.string()),
  fullname: optional(z.string()),
});

const organization = z.object({ name: optional(z.string()), fullname: optional(z.string()) });

const itemSchema = z.object({
  paper: z.object({
    id: z.string().refine((id) => parseVersionedId(id) !== undefined, "is not an arXiv id"),
    title: optional(z.string()),
    summary: optional(z.string()),
    authors: z.array(z.object({ name: text, hidden: optional(z.boolean()) })).min(1, "has no authors"),
    upvotes: optional(z.number().int().nonnegative()),
    mediaUrls: optional(z.array(z.string())),
    publishedAt: timestamp,
    submittedOnDailyAt: optional(timestamp),
    submittedOnDailyBy: optional(hfUser),
    ai_summary: optional(z.string()),
    ai_keywords: optional(z.array(z.string())),
    githubRepo: optional(z.string().nullable()),
    githubStars: optional(z.number().int().nonnegative()),
    projectPage: optional(z.string().nullable()),
    organization: optional(organization),
  }),
  publishedAt: optional(timestamp),
  title: optional(z.string()),
  summary: optional(z.string()),
  thumbnail: optional(z.string().nullable()),
  numComments: optional(z.number().int().nonnegative()),
  isAuthorParticipating: optional(z.boolean()),
  mediaUrls: optional(z.array(z.string())),
  submittedBy: optional(hfUser),
  organization: optional(organization),
});

type HfItem = z.infer<typeof itemSchema>;

/** HF handles: letters, digits, "-", "_", "." (anything else is not stored as a username). */
const HANDLE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,38}$/;

/**
 * Parses one `daily_papers` response. Items that fail validation are rejected with the reason; the rest
 * become records. Throws `IngestParseError` when the body is not a JSON array.
 */
export function parseHfDaily(json: unknown): ParseResult<HfDailyRecord> {
  if (!Array.isArray(json)) {
    throw new IngestParseError("the response is not the JSON array Hugging Face's daily papers API returns.");
  }
  const records: HfDailyRecord[] = [];
  const rejected: RejectedItem[] = [];
  json.forEach((raw: unknown, index) => {
    const parsed = itemSchema.safeParse(raw);
    const fallbackId = idOf(raw) ?? `item ${index + 1}`;
    if (!parsed.success) {
      rejected.push({ id: fallbackId, reason: issueReason(parsed.error) });
      return;
    }
    const record = toRecord(parsed.data);
    if (typeof record === "string") rejected.push({ id: fallbackId, reason: record });
    else records.push(record);
  });
  return { kind: "records", records, rejected };
}

function toRecord(item: HfItem): HfDailyRecord | string {
  const { paper } = item;
  const versioned = parseVersionedId(paper.id);
  if (!versioned) return "paper.id is not an arXiv id";
  const title = cleanText(paper.title) ?? cleanText(item.title);
  if (!title) return "no title";
  const abstract = cleanText(paper.summary) ?? cleanText(item.summary);
  if (!abstract) return "no summary";
  const submittedAt = paper.submittedOnDailyAt ?? item.publishedAt;
  if (!submittedAt) return "no date it was put on the daily list (submittedOnDailyAt or publishedAt)";

  const record: HfDailyRecord = {
    paper: {
      id: versioned.id,
      title,
      abstract,
      authors: paper.authors.map((author) => author.name),
      categories: [],
      publishedAt: paper.publishedAt,
    },
    day: submittedAt.toISOString().slice(0, 10),
    submittedAt,
  };
  const out = record.paper;
  const aiSummary = cleanText(paper.ai_summary);
  if (aiSummary) out.aiSummary = aiSummary;
  const keywords = [...new Set((paper.ai_keywords ?? []).map((k) => cleanText(k)).filter((k) => k !== undefined))];
  if (keywords.length > 0) out.aiKeywords = keywords;
  const githubRepo = httpUrl(paper.githubRepo);
  if (githubRepo) out.githubRepo = githubRepo;
  if (paper.githubStars !== undefined) out.githubStars = paper.githubStars;
  const projectPage = httpUrl(paper.projectPage);
  if (projectPage) out.projectPage = projectPage;
  const org = paper.organization ?? item.organization;
  const organizationName = cleanText(org?.fullname) ?? cleanText(org?.name);
  if (organizationName) out.organization = organizationName;
  const thumbnailUrl = httpUrl(item.thumbnail);
  if (thumbnailUrl) out.thumbnailUrl = thumbnailUrl;
  // What a mirror shows of HF's own page: its counts and flags, its media (http(s) only).
  if (paper.upvotes !== undefined) out.hfUpvotes = paper.upvotes;
  if (item.numComments !== undefined) out.hfCommentCount = item.numComments;
  if (item.isAuthorParticipating !== undefined) out.hfAuthorParticipating = item.isAuthorParticipating;
  const media = [...new Set([...(paper.mediaUrls ?? []), ...(item.mediaUrls ?? [])].flatMap((u) => httpUrl(u) ?? []))];
  if (paper.mediaUrls !== undefined || item.mediaUrls !== undefined) out.mediaUrls = media;
  out.hfHiddenAuthors = paper.authors.flatMap((author, index) => (author.hidden ? [index] : []));

  const by = paper.submittedOnDailyBy ?? item.submittedBy;
  const handle = cleanText(by?.user) ?? cleanText(by?.name);
  if (handle && HANDLE.test(handle)) {
    const fullname = cleanText(by?.fullname);
    record.submitter = fullname ? { username: handle, fullname } : { username: handle };
  }
  return record;
}

function idOf(raw: unknown): string | undefined {
  const paper = (raw as { paper?: { id?: unknown } } | null)?.paper;
  return typeof paper?.id === "string" ? (parseVersionedId(paper.id)?.id ?? paper.id.slice(0, 40)) : undefined;
}

function issueReason(error: z.ZodError): string {
  const { path, message } = firstIssue(error);
  return path ? `${path}: ${message}` : message;
}
