import { z } from "zod";
import { parseArxivId } from "@/lib/papers/arxiv-id";
import { DAY_MS } from "@/lib/dates/days";

/** Longest reference a member may type: a full arXiv URL with a version fits easily. */
export const MAX_REFERENCE_LENGTH = 300;

/** arxiv.org and its mirrors/aliases that serve the same paths. */
const ARXIV_HOSTS = new Set(["arxiv.org", "www.arxiv.org", "export.arxiv.org", "browse.arxiv.org"]);
/** The paths that name a paper: /abs/<id>, /pdf/<id>[.pdf], /html/<id>, /format/<id>. */
const PAPER_PATH = /^\/(?:abs|pdf|html|format)\/(.+?)(?:\.pdf)?\/?$/;

/**
 * The bare arXiv id a member meant, from an id ("2501.12948", "arXiv:2501.12948v2", "hep-th/9901001") or
 * an arXiv link ("https://arxiv.org/abs/2501.12948v3", "arxiv.org/pdf/2501.12948.pdf"); null when it is
 * neither. Only arxiv.org links count, so a look-alike host cannot smuggle an id in.
 */
export function parseArxivReference(raw: string): string | null {
  const text = raw.trim();
  if (!text || text.length > MAX_REFERENCE_LENGTH) return null;
  const direct = parseArxivId(text);
  if (direct) return direct;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (!ARXIV_HOSTS.has(url.hostname.toLowerCase())) return null;
  const match = PAPER_PATH.exec(decodeURIComponentSafe(url.pathname));
  return match?.[1] ? parseArxivId(match[1]) : null;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The submit form: one field, an arXiv id or link, turned into the bare id. */
export const submitPaperSchema = z.object({
  reference: z
    .string({ error: "Enter an arXiv id or link." })
    .trim()
    .min(1, "Enter an arXiv id or link.")
    .max(MAX_REFERENCE_LENGTH, "That is too long for an arXiv id or link.")
    .transform((value, context) => {
      const id = parseArxivReference(value);
      if (!id) {
        context.addIssue({
          code: "custom",
          message: `“${value.slice(0, 60)}” is not an arXiv id or link (for example 2501.12948 or https://arxiv.org/abs/2501.12948).`,
        });
        return z.NEVER;
      }
      return id;
    }),
});

export type SubmitPaperInput = z.input<typeof submitPaperSchema>;

/** What a successful submission answers: the paper and the day's list it is now on. */
export interface SubmittedPaper {
  paperId: string;
  title: string;
  /** "YYYY-MM-DD" (UTC): today's list. */
  day: string;
  /** True when the paper was fetched from arXiv for this submission. */
  imported: boolean;
}

/** `?category=` of "New on arXiv": an arXiv category such as cs.CL or hep-th; anything else is refused. */
export const categoryParam = z
  .string()
  .max(40)
  .regex(/^[a-zA-Z-]+(\.[a-zA-Z-]+)?$/);

/** A paper of the latest arXiv announcement, as "New on arXiv" lists it. */
/** The earliest arXiv date a paper may have to be submitted at `now`: `windowDays` (SUBMIT_WINDOW_DAYS) before. */
export function submitWindowStart(now: Date, windowDays: number): Date {
  return new Date(now.getTime() - windowDays * DAY_MS);
}

export interface AnnouncedPaper {
  id: string;
  title: string;
  authors: string[];
  /** Primary first. */
  categories: string[];
  /** "new" or "cross" (a cross-list from another category). */
  announceType: string | null;
  abstract: string;
  /** The day's list it is on ("YYYY-MM-DD"), if any. */
  onListDay: string | null;
  /** Its arXiv date is older than the submission window (SUBMIT_WINDOW_DAYS): it can no longer be submitted. */
  tooOld: boolean;
}

/** One page of "New on arXiv". */
export interface Announcement {
  /** The announcement day ("YYYY-MM-DD", arXiv's America/New_York date), or null when nothing was imported. */
  announcedOn: string | null;
  papers: AnnouncedPaper[];
  /** How many days old a paper may be to be submitted (SUBMIT_WINDOW_DAYS). */
  windowDays: number;
  total: number;
  page: number;
  pageCount: number;
}

export const ANNOUNCEMENT_PAGE_SIZE = 50;
