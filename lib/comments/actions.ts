"use server";

import { refresh } from "next/cache";
import { expireDataCacheInAction } from "@/lib/page-cache/data-cache";
import { expirePages } from "@/lib/page-cache/invalidate";
import { authAction } from "@/lib/actions/safe-action";
import { cacheTags } from "@/lib/cache-tags";
import { addComment, deleteComment, editComment } from "@/lib/comments/mutations";
import {
  COMMENT_CHANGE_RATE_LIMIT,
  COMMENT_RATE_LIMIT,
  deleteCommentSchema,
  editCommentSchema,
  postCommentSchema,
} from "@/lib/comments/schema";

/** "45 s", "4 min 10 s": how long to wait, readably. */
function wait(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

/** Edits and deletions draw on one allowance per member, and say the same when it runs out. */
const changeLimit = {
  rateLimit: COMMENT_CHANGE_RATE_LIMIT,
  rateLimitedMessage: (seconds: number) => `That is a lot of changes in a short time. Try again in ${wait(seconds)}.`,
};

/** The paper's counts changed: cached pages that show them are rebuilt, and the reader's page is re-rendered. */
function discussionChanged(paperId: string): void {
  expireDataCacheInAction(cacheTags.paper(paperId), cacheTags.feeds);
  expirePages(cacheTags.paper(paperId), cacheTags.lists);
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
    rateLimit: COMMENT_RATE_LIMIT,
    signedOutMessage: "Sign in to join the discussion.",
    rateLimitedMessage: (seconds) =>
      `You have posted ${COMMENT_RATE_LIMIT.points} comments in the last ${COMMENT_RATE_LIMIT.durationSeconds / 60} minutes. Try again in ${wait(seconds)}.`,
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
      // Signed-out readers' copy of the page shows the comment's text (comments are not in the data cache).
      expirePages(cacheTags.paper(result.paperId));
      refresh();
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
