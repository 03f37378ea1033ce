import "server-only";
import type { AdminActionKind } from "@/lib/admin/schema";
import { COMMENT_HTML_VERSION, renderCommentHtml } from "@/lib/comments/render";
import type { EditCommentInput, PostCommentInput } from "@/lib/comments/schema";
import { prisma } from "@/lib/db/client";
import { isAdminAddress } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * The paper a comment goes on, refusing one that is gone or hidden (its discussion is closed). A paper its
 * authors withdrew keeps an open discussion: its page stays, a comment ranks nothing on any list, and why
 * it was withdrawn is worth discussing.
 */
async function openPaper(paperId: string): Promise<void> {
  const paper = await prisma.paper.findUnique({ where: { id: paperId }, select: { hiddenAt: true } });
  if (!paper) throw new AppError("NOT_FOUND", `There is no paper ${paperId} here.`);
  if (paper.hiddenAt)
    throw new AppError("PAPER_HIDDEN", "This paper was hidden by an admin; its discussion is closed.");
}

/** Whether `error` is PostgreSQL refusing a reply because its parent comment was deleted meanwhile. */
function isMissingParent(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") return true;
  return error instanceof Error && /Comment_parentId_fkey/.test(error.message);
}

/** A body's HTML and the renderer's version, stored with it: views serve them instead of rendering again. */
function renderedHtml(body: string): { html: string; htmlVersion: number } {
  return { html: renderCommentHtml(body), htmlVersion: COMMENT_HTML_VERSION };
}

/**
 * Stores the HTML rendered for comments that had none of the current version (written before it), each
 * only if its body is still the one rendered: an edit meanwhile stored its own.
 */
export async function storeCommentHtml(rendered: { id: string; body: string; html: string }[]): Promise<void> {
  await Promise.all(
    rendered.map(({ id, body, html }) =>
      prisma.comment.updateMany({ where: { id, body }, data: { html, htmlVersion: COMMENT_HTML_VERSION } }),
    ),
  );
}

/**
 * Posts member `userId`'s comment on a paper, or a reply. One level of replies: a reply to a reply is
 * attached to that reply's top-level comment, as on Hugging Face. Refuses a paper that is gone or hidden,
 * and a parent that is gone or belongs to another paper. `Paper.commentCount` follows by trigger.
 *
 * No transaction: the checks only decide what to say; the foreign keys guard the rows (a parent deleted
 * between the check and the insert makes the insert fail, and the reader is told so).
 */
export async function addComment(
  userId: string,
  input: PostCommentInput,
): Promise<{ id: string; parentId: string | null }> {
  await openPaper(input.paperId);
  let parentId: string | null = null;
  if (input.parentId) {
    const parent = await prisma.comment.findUnique({
      where: { id: input.parentId },
      select: { id: true, paperId: true, parentId: true },
    });
    if (!parent || parent.paperId !== input.paperId) {
      throw new AppError("NOT_FOUND", "The comment you are replying to was deleted.");
    }
    parentId = parent.parentId ?? parent.id;
  }
  try {
    return await prisma.comment.create({
      data: { paperId: input.paperId, userId, parentId, body: input.body, ...renderedHtml(input.body) },
      select: { id: true, parentId: true },
    });
  } catch (error) {
    if (isMissingParent(error)) {
      throw new AppError("NOT_FOUND", "The comment you are replying to was deleted.", { cause: error });
    }
    throw error;
  }
}

/** Replaces the body of member `userId`'s own comment and marks it edited (an unchanged body changes nothing). */
export async function editComment(
  userId: string,
  input: EditCommentInput,
): Promise<{ paperId: string; edited: boolean }> {
  const comment = await prisma.comment.findUnique({
    where: { id: input.commentId },
    select: { userId: true, paperId: true, body: true },
  });
  if (!comment) throw new AppError("NOT_FOUND", "That comment was deleted.");
  if (comment.userId !== userId) throw new AppError("FORBIDDEN", "You can only edit your own comments.");
  await openPaper(comment.paperId);
  if (comment.body === input.body) return { paperId: comment.paperId, edited: false };
  // `userId` in the filter says whose the row must be; 0 rows means it was deleted meanwhile.
  const { count } = await prisma.comment.updateMany({
    where: { id: input.commentId, userId },
    data: { body: input.body, ...renderedHtml(input.body), editedAt: new Date() },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "That comment was deleted.");
  return { paperId: comment.paperId, edited: true };
}

/** Whether `userId` is an admin by the database's record (verified address in ADMIN_EMAILS), not a session's. */
async function isAdminUser(tx: Tx, userId: string): Promise<boolean> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, emailVerified: true } });
  return isAdminAddress(user);
}

const ALREADY_DELETED = "That comment was already deleted.";

/**
 * Deletes a comment: the author may delete their own, an admin any (recorded as a "delete-comment"
 * AdminAction in the same transaction, so there is no deletion by an admin without its audit row).
 *
 * Deleting a top-level comment deletes its replies with it (the foreign key cascades): a reply without
 * the comment it answers reads as nonsense, and a "[deleted]" shell would need a column this schema does
 * not have. The confirmation in the UI says how many replies go with it.
 */
export async function deleteComment(
  userId: string,
  commentId: string,
): Promise<{ paperId: string; deleted: number; asAdmin: boolean }> {
  const comment = await prisma.comment.findUnique({
    where: { id: commentId },
    select: {
      userId: true,
      paperId: true,
      body: true,
      user: { select: { username: true } },
      _count: { select: { replies: true } },
    },
  });
  if (!comment) throw new AppError("NOT_FOUND", ALREADY_DELETED);
  const replies = comment._count.replies;
  if (comment.userId === userId) {
    // deleteMany: a concurrent deletion (of it, or of its parent) is "already deleted", not a crash.
    const { count } = await prisma.comment.deleteMany({ where: { id: commentId, userId } });
    if (count === 0) throw new AppError("NOT_FOUND", ALREADY_DELETED);
    return { paperId: comment.paperId, deleted: 1 + replies, asAdmin: false };
  }
  return prisma.$transaction(
    async (tx) => {
      if (!(await isAdminUser(tx, userId))) throw new AppError("FORBIDDEN", "You can only delete your own comments.");
      const { count } = await tx.comment.deleteMany({ where: { id: commentId } });
      if (count === 0) throw new AppError("NOT_FOUND", ALREADY_DELETED);
      const excerpt = comment.body.replace(/\s+/g, " ").slice(0, 80);
      const also = replies ? ` and ${replies} ${replies === 1 ? "reply" : "replies"}` : "";
      await tx.adminAction.create({
        data: {
          adminId: userId,
          action: "delete-comment" satisfies AdminActionKind,
          targetId: comment.paperId,
          detail: `comment ${commentId} by @${comment.user.username ?? "?"}${also}: “${excerpt}”`,
        },
      });
      return { paperId: comment.paperId, deleted: 1 + replies, asAdmin: true };
    },
    // Admin deletions are rare; under a burst of other writes, wait for a connection rather than fail.
    { maxWait: 10_000 },
  );
}
