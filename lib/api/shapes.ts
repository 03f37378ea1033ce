import "server-only";
import { arxivAbsUrl, arxivPdfUrl } from "@/lib/papers/arxiv-id";
import type { PaperDetail, PaperSummary } from "@/lib/papers/schema";
import { paperUrl, safeHttpUrl } from "@/lib/urls";
import { collapseWhitespace, plainText } from "@/lib/text/plain-text";

/**
 * The public JSON API's shapes: the items of Hugging Face's Daily Papers API (field names kept so that
 * clients port by changing the host; see shared/reference/hf-daily-papers-api.md), built from our papers.
 * Hugging Face's optional fields are left out, never null, when a paper lacks them. arXiv's bibliographic
 * details (ours, and HF's `withdrawnAt`) are always there, null when unknown or not so, so a client tells
 * "no DOI" from "a server that does not say".
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
  githubStars?: number;
  projectPage?: string;
  /** Hugging Face's AI-generated one-sentence summary and keywords. */
  ai_summary?: string;
  ai_keywords?: string[];
  /** The lab or company credited, in the shape of Hugging Face's organization (we keep only its name). */
  organization?: ApiOrganization;
  /** Ours, not Hugging Face's: arXiv categories, primary first. */
  categories?: string[];
  /** The latest arXiv version seen (2 for "v2"), and when arXiv's latest version was submitted (ISO). */
  version: number | null;
  updatedAt: string | null;
  /** The authors' arXiv comment ("12 pages, 4 figures"), journal reference, DOI and licence URL. */
  arxivComment: string | null;
  journalRef: string | null;
  doi: string | null;
  license: string | null;
  /** Hugging Face's name: when arXiv showed the paper withdrawn by its authors (ISO); null when it was not. */
  withdrawnAt: string | null;
}

export interface ApiOrganization {
  name: string;
  fullname: string;
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

function apiUser(submitter: NonNullable<PaperSummary["submittedBy"]>): ApiUser {
  const handle = submitter.username ?? "";
  return { _id: handle, name: handle, fullname: submitter.name ?? handle, avatarUrl: null };
}

/** Stands in for a submitter who deleted their account, and for papers that were never featured. */
const NOBODY: ApiUser = { _id: "", name: "", fullname: "", avatarUrl: null };

function apiPaper(paper: PaperDetail): ApiPaper {
  // Links from sources reach clients only when they are http(s), as on the site.
  const githubRepo = safeHttpUrl(paper.githubRepo);
  const projectPage = safeHttpUrl(paper.projectPage);
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
    ...(githubRepo ? { githubRepo } : {}),
    ...(paper.githubStars !== null ? { githubStars: paper.githubStars } : {}),
    ...(projectPage ? { projectPage } : {}),
    ...(paper.aiSummary ? { ai_summary: paper.aiSummary } : {}),
    ...(paper.aiKeywords.length ? { ai_keywords: paper.aiKeywords } : {}),
    ...(paper.organization ? { organization: { name: paper.organization, fullname: paper.organization } } : {}),
    ...(paper.categories.length ? { categories: paper.categories } : {}),
    version: paper.version,
    updatedAt: paper.revisedAt?.toISOString() ?? null,
    arxivComment: paper.arxivComment,
    journalRef: paper.journalRef,
    doi: paper.doi,
    license: paper.license,
    withdrawnAt: paper.withdrawnAt?.toISOString() ?? null,
  };
}

/** One item of `/api/daily_papers` (and of `/api/papers/search`), in Hugging Face's shape. */
export function toDailyPaperItem(paper: PaperDetail, baseUrl: string): DailyPaperItem {
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
export function toPaperJson(paper: PaperDetail, baseUrl: string): PaperJson {
  return {
    ...apiPaper(paper),
    arxivUrl: arxivAbsUrl(paper.id),
    pdfUrl: arxivPdfUrl(paper.id),
    url: paperUrl(baseUrl, paper.id),
  };
}
