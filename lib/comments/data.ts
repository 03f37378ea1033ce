import "server-only";
import { storeCommentHtml } from "@/lib/comments/mutations";
import { COMMENT_HTML_VERSION, renderCommentHtml } from "@/lib/comments/render";
import type { CommentBadge, CommentView, DiscussionView, RecentComment } from "@/lib/comments/schema";
import { exactTime, timeAgo } from "@/lib/dates/time-ago";
import { prisma } from "@/lib/db/client";
import { visiblePaper } from "@/lib/papers/visibility";

/**
 * Most comments (and replies) one discussion loads. Far beyond any real thread here; it only keeps a
 * flooded paper from loading an unbounded list (the oldest are shown).
 */
export const MAX_THREAD_COMMENTS = 2_000;

const commentSelect = {
  id: true,
  parentId: true,
  userId: true,
  body: true,
  html: true,
  htmlVersion: true,
  createdAt: true,
  editedAt: true,
  user: { select: { username: true, name: true } },
} as const;

/**
 * Each comment's HTML in `rows`' order: as stored when it was written, or, for a comment stored without
 * HTML of the current renderer version, rendered now and stored for the next views.
 */
async function commentHtml(rows: { id: string; body: string; html: string | null; htmlVersion: number }[]) {
  const stale: { id: string; body: string; html: string }[] = [];
  const html = rows.map((row) => {
    if (row.html !== null && row.htmlVersion === COMMENT_HTML_VERSION) return row.html;
    const rendered = renderCommentHtml(row.body);
    stale.push({ id: row.id, body: row.body, html: rendered });
    return rendered;
  });
  if (stale.length) {
    try {
      await storeCommentHtml(stale);
    } catch (error) {
      // The view has its HTML; only the saving for later views failed (they render it again meanwhile).
      console.error(`[comments] storing the HTML of ${stale.length} comment(s) failed`, error);
    }
  }
  return html;
}

/** A paper's comments in thread order (oldest first), with their authors. Null if the paper is gone or hidden. */
async function threadRows(paperId: string) {
  const paper = await prisma.paper.findFirst({
    where: { id: paperId, ...visiblePaper() },
    select: { id: true, authors: true, daily: { select: { submittedById: true } } },
  });
  if (!paper) return null;
  const rows = await prisma.comment.findMany({
    where: { paperId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: MAX_THREAD_COMMENTS,
    select: commentSelect,
  });
  return { paper, rows };
}

/** A name as compared with the paper's author list: Unicode-normalised, case-folded, spaces collapsed. */
export function comparableName(name: string): string {
  return name.normalize("NFKC").toLocaleLowerCase("en").replace(/\s+/g, " ").trim();
}

/**
 * The badges of a commenter: "Submitter" for the member who put the paper on the daily list, "Author" for a
 * member whose display name is one of the paper's authors (compared case-insensitively, spaces collapsed).
 */
function badgesFor(
  user: { id: string; name: string | null },
  submitterId: string | null,
  authorNames: ReadonlySet<string>,
): CommentBadge[] {
  const badges: CommentBadge[] = [];
  if (user.id === submitterId) badges.push("Submitter");
  if (user.name && authorNames.has(comparableName(user.name))) badges.push("Author");
  return badges;
}

/**
 * Paper `paperId`'s discussion, the same for every reader (it is part of the cached page): top-level
 * comments oldest first, each with its replies oldest first, rendered to sanitised HTML, with the badges of
 * their authors. Which of them a reader may edit or delete is theirs to know (asked by the page through
 * `GET /api/viewer`, lib/viewer/data.ts). Null when the paper is gone or hidden.
 */
export async function getDiscussion(paperId: string, now: Date = new Date()): Promise<DiscussionView | null> {
  const thread = await threadRows(paperId);
  if (!thread) return null;
  const { paper, rows } = thread;
  const submitterId = paper.daily?.submittedById ?? null;
  const authorNames = new Set(paper.authors.map(comparableName));

  const html = await commentHtml(rows);
  const topLevel: CommentView[] = [];
  const byId = new Map<string, CommentView>();
  for (const [index, row] of rows.entries()) {
    const view: CommentView = {
      id: row.id,
      parentId: row.parentId,
      author: {
        username: row.user.username,
        name: row.user.name,
        badges: badgesFor({ id: row.userId, name: row.user.name }, submitterId, authorNames),
      },
      body: row.body,
      html: html[index] ?? "",
      createdAt: row.createdAt.toISOString(),
      createdAgo: timeAgo(row.createdAt, now),
      createdTitle: exactTime(row.createdAt),
      editedAt: row.editedAt?.toISOString() ?? null,
      editedTitle: row.editedAt ? `Edited ${exactTime(row.editedAt)}` : null,
      replies: [],
    };
    if (row.parentId === null) {
      topLevel.push(view);
      byId.set(row.id, view);
    } else {
      // Rows come oldest first, so a parent is always seen before its replies.
      byId.get(row.parentId)?.replies.push(view);
    }
  }
  const count = topLevel.reduce((sum, comment) => sum + 1 + comment.replies.length, 0);
  return { paperId: paper.id, count, comments: topLevel };
}

/** One comment of the JSON API (`GET /api/papers/{id}/comments`). */
export interface ApiComment {
  id: string;
  parentId: string | null;
  /** As in the rest of the API: `name` is the handle, `fullname` the display name. */
  author: { name: string; fullname: string };
  /** Markdown as written. */
  body: string;
  /** The same, rendered and sanitised as the site shows it. */
  html: string;
  createdAt: string;
  editedAt: string | null;
}

/**
 * Paper `paperId`'s comments for the JSON API, in thread order (each top-level comment followed by its
 * replies, oldest first). Null when the paper is gone or hidden.
 */
export async function getApiComments(paperId: string): Promise<ApiComment[] | null> {
  const discussion = await getDiscussion(paperId);
  if (!discussion) return null;
  const toApi = (comment: CommentView): ApiComment => {
    const handle = comment.author.username ?? "";
    return {
      id: comment.id,
      parentId: comment.parentId,
      author: { name: handle, fullname: comment.author.name ?? handle },
      body: comment.body,
      html: comment.html,
      createdAt: comment.createdAt,
      editedAt: comment.editedAt,
    };
  };
  return discussion.comments.flatMap((comment) => [toApi(comment), ...comment.replies.map(toApi)]);
}

/** Member `userId`'s latest comments on papers readers may see, newest first (for their public page). */
export async function getRecentComments(userId: string, limit = 20, now: Date = new Date()): Promise<RecentComment[]> {
  const rows = await prisma.comment.findMany({
    where: { userId, paper: visiblePaper() },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      parentId: true,
      body: true,
      html: true,
      htmlVersion: true,
      createdAt: true,
      paper: { select: { id: true, title: true } },
    },
  });
  const html = await commentHtml(rows);
  return rows.map((row, index) => ({
    id: row.id,
    paperId: row.paper.id,
    paperTitle: row.paper.title,
    html: html[index] ?? "",
    createdAt: row.createdAt.toISOString(),
    createdAgo: timeAgo(row.createdAt, now),
    createdTitle: exactTime(row.createdAt),
    isReply: row.parentId !== null,
  }));
}
