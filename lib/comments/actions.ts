"use server";

import { refresh } from "next/cache";
import { papersChanged } from "@/lib/page-cache/invalidate";
import { authAction } from "@/lib/actions/safe-action";
import { addComment, deleteComment, editComment } from "@/lib/comments/mutations";
import { deleteCommentSchema, editCommentSchema, postCommentSchema } from "@/lib/comments/schema";
import { rateLimit, tryAgainIn } from "@/lib/rate-limits";

/** Edits and deletions draw on one allowance per member, and say the same when it runs out. */
const changeLimit = {
  rateLimit: () => rateLimit("comment-change"),
  rateLimitedMessage: (seconds: number) => `That is a lot of changes in a short time. ${tryAgainIn(seconds)}`,
};

/** The paper's counts changed: cached pages that show them are rebuilt, and the reader's page is re-rendered. */
function discussionChanged(paperId: string): void {
  papersChanged([paperId]);
  refresh();
}

/**
 * Posts a comment on a paper, or a reply (`parentId`), for the signed-in member. A public endpoint: it
 * authenticates, validates (1–10,000 characters, no control characters), rate-limits per member, and
 * refuses hidden papers and deleted parents with a sentence.
 */
export const postComment = authAction(
  {
    schema: postCommentSchema,
    rateLimit: () => rateLimit("comment"),
    signedOutMessage: "Sign in to join the discussion.",
    rateLimitedMessage: (seconds) =>
      `You have posted ${rateLimit("comment").points} comments in the last ${rateLimit("comment").durationSeconds / 60} minutes. ${tryAgainIn(seconds)}`,
  },
  async ({ user, input }) => {
    const comment = await addComment(user.id, input);
    discussionChanged(input.paperId);
    return { commentId: comment.id, parentId: comment.parentId };
  },
);

/** Replaces the text of the signed-in member's own comment. */
export const updateComment = authAction(
  {
    schema: editCommentSchema,
    signedOutMessage: "Sign in to edit your comments.",
    ...changeLimit,
  },
  async ({ user, input }) => {
    const result = await editComment(user.id, input);
    if (result.edited) {
      discussionChanged(result.paperId);
    }
    return { edited: result.edited };
  },
);

/** Deletes a comment (and its replies): the member's own, or any for an admin (recorded in the audit log). */
export const removeComment = authAction(
  {
    schema: deleteCommentSchema,
    signedOutMessage: "Sign in to delete your comments.",
    ...changeLimit,
  },
  async ({ user, input }) => {
    const result = await deleteComment(user.id, input.commentId);
    discussionChanged(result.paperId);
    return { deleted: result.deleted };
  },
);
