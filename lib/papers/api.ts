import { arxivAbsUrl, arxivPdfUrl } from "@/lib/papers/arxiv-id";
import type { PaperSummary } from "@/lib/papers/schema";
import { latexToPlainText } from "@/lib/text/latex";

/**
 * The public JSON API's shapes: the items of Hugging Face's Daily Papers API (field names kept so that
 * clients port by changing the host; see shared/reference/hf-daily-papers-api.md), built from our papers.
 * Optional fields are left out, never null, when a paper lacks them.
 */

export interface ApiAuthor {
  /** Stable per paper and position: `${paperId}:${index}`. */
  _id: string;
  name: string;
  hidden: false;
}

export interface ApiUser {
  _id: string;
  /** The username (handle). */
  name: string;
  /** The display name. */
  fullname: string;
  /** Null: avatars are not part of a paper summary. */
  avatarUrl: string | null;
}

export interface ApiPaper {
  /** Bare arXiv id, no version suffix. */
  id: string;
  /** arXiv's text with its hard line wraps collapsed; LaTeX kept, as arXiv and Hugging Face keep it. */
  title: string;
  summary: string;
  authors: ApiAuthor[];
  /** arXiv publication, ISO datetime. */
  publishedAt: string;
  upvotes: number;
  discussionId: string;
  submittedOnDailyAt?: string;
  submittedOnDailyBy?: ApiUser;
  githubRepo?: string;
  projectPage?: string;
}

export interface DailyPaperItem {
  paper: ApiPaper;
  /** When the paper was put on the daily list (its arXiv publication for papers never featured). */
  publishedAt: string;
  /** Plain text: LaTeX rendered to text, line wraps collapsed. */
  title: string;
  summary: string;
  thumbnail: string;
  numComments: number;
  isAuthorParticipating: boolean;
  submittedBy: ApiUser & { type: "user" };
}

export interface PaperJson extends ApiPaper {
  arxivUrl: string;
  pdfUrl: string;
  /** The paper's page on this site. */
  url: string;
}

/** Control characters other than whitespace, which stray into scraped metadata and break XML. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Collapses arXiv's hard line wraps and any other run of whitespace (or control characters) into one space. */
function collapseWhitespace(text: string): string {
  return text.replace(CONTROL_CHARS, " ").replace(/\s+/g, " ").trim();
}

/** Plain text for readers: LaTeX rendered to text, whitespace collapsed. */
export function plainText(text: string): string {
  return collapseWhitespace(latexToPlainText(text));
}

function apiUser(submitter: NonNullable<PaperSummary["submittedBy"]>): ApiUser {
  const handle = submitter.username ?? "";
  return { _id: handle, name: handle, fullname: submitter.name ?? handle, avatarUrl: null };
}

/** Stands in for a submitter who deleted their account, and for papers that were never featured. */
const NOBODY: ApiUser = { _id: "", name: "", fullname: "", avatarUrl: null };

function apiPaper(paper: PaperSummary): ApiPaper {
  return {
    id: paper.id,
    title: collapseWhitespace(paper.title),
    summary: collapseWhitespace(paper.abstract),
    authors: paper.authors.map((name, index) => ({ _id: `${paper.id}:${index}`, name, hidden: false })),
    publishedAt: paper.publishedAt.toISOString(),
    upvotes: paper.upvoteCount,
    // Comments hang off the paper, so its id is the discussion's.
    discussionId: paper.id,
    ...(paper.submittedAt ? { submittedOnDailyAt: paper.submittedAt.toISOString() } : {}),
    ...(paper.submittedBy ? { submittedOnDailyBy: apiUser(paper.submittedBy) } : {}),
    ...(paper.githubRepo ? { githubRepo: paper.githubRepo } : {}),
    ...(paper.projectPage ? { projectPage: paper.projectPage } : {}),
  };
}

/** The page of paper `id` on the site at `baseUrl` (no trailing slash). */
export function paperUrl(id: string, baseUrl: string): string {
  return `${baseUrl}/papers/${id}`;
}

/** One item of `/api/daily_papers` (and of `/api/papers/search`), in Hugging Face's shape. */
export function toDailyPaperItem(paper: PaperSummary, baseUrl: string): DailyPaperItem {
  return {
    paper: apiPaper(paper),
    publishedAt: (paper.submittedAt ?? paper.publishedAt).toISOString(),
    title: plainText(paper.title),
    summary: plainText(paper.abstract),
    thumbnail: `${baseUrl}/og/${paper.id}`,
    numComments: paper.commentCount,
    isAuthorParticipating: false,
    submittedBy: { ...(paper.submittedBy ? apiUser(paper.submittedBy) : NOBODY), type: "user" },
  };
}

/** The body of `/api/papers/{id}`: the item's `paper` object plus links to arXiv and to its page here. */
export function toPaperJson(paper: PaperSummary, baseUrl: string): PaperJson {
  return {
    ...apiPaper(paper),
    arxivUrl: arxivAbsUrl(paper.id),
    pdfUrl: arxivPdfUrl(paper.id),
    url: paperUrl(paper.id, baseUrl),
  };
}

/** Headers of every JSON API answer: a public, read-only API that any site may call. */
const API_HEADERS = {
  "Cache-Control": "public, max-age=60",
  "Access-Control-Allow-Origin": "*",
} as const;

/** A JSON answer of the public API. */
export function apiJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: API_HEADERS });
}

/** A JSON error of the public API: `{ error }` with a sentence meant for the caller. */
export function apiError(status: 400 | 404, message: string): Response {
  return apiJson({ error: message }, status);
}

/**
 * Runs a route handler's work and turns an unexpected failure into a logged 500 with a JSON `{ error }`,
 * so that API clients never get an HTML error page.
 */
export async function answerJson(route: string, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    console.error(`${route} failed`, error);
    return Response.json(
      { error: "The server could not answer this request; try again later." },
      { status: 500, headers: { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" } },
    );
  }
}
