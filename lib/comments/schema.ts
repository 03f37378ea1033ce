import { z } from "zod";
import { parseArxivId } from "@/lib/papers/arxiv-id";
import { CONTROL_CHARACTERS } from "@/lib/text/unsafe-characters";

/** Longest comment, in characters after trimming. */
export const COMMENT_MAX = 10_000;

/** A comment's Markdown: line endings made `\n`, trimmed, 1–10,000 characters, no control characters. */
export const commentBodyField = z
  .string({ error: "Write a comment first." })
  .transform((value) => value.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, "Write something first: the comment is empty.")
      .refine((value) => value.length <= COMMENT_MAX, {
        error: (issue) =>
          `Comments can be at most ${COMMENT_MAX.toLocaleString("en-US")} characters; this one has ${String(issue.input).length.toLocaleString("en-US")}.`,
      })
      .refine((value) => !CONTROL_CHARACTERS.test(value), "Comments cannot contain control characters (such as NUL)."),
  );

const paperIdField = z
  .string({ error: "Not a paper id." })
  .max(64, "Not a paper id.")
  .refine((id) => parseArxivId(id) === id, "Not a paper id.");

/** Comment ids are cuids: short, lowercase letters and digits. */
export const commentIdField = z
  .string({ error: "That comment does not exist." })
  .regex(/^[a-z0-9]{1,40}$/, "That comment does not exist.");

export const postCommentSchema = z.object({
  paperId: paperIdField,
  body: commentBodyField,
  /** The comment replied to; a reply to a reply attaches to that reply's top-level comment. */
  parentId: z.preprocess((value) => (value === "" || value === null ? undefined : value), commentIdField.optional()),
});

export const editCommentSchema = z.object({ commentId: commentIdField, body: commentBodyField });

export const deleteCommentSchema = z.object({ commentId: commentIdField });

export type PostCommentInput = z.infer<typeof postCommentSchema>;
export type EditCommentInput = z.infer<typeof editCommentSchema>;

/** A mark in the thread next to an author's handle. */
export type CommentBadge = "Submitter" | "Author";

/** One comment as the discussion shows it, with what the reader viewing it may do. Plain data (props). */
export interface CommentView {
  id: string;
  parentId: string | null;
  author: {
    /** Public handle (links to /users/<handle>); null for a member who never had one. */
    username: string | null;
    /** Display name, if any. */
    name: string | null;
    badges: CommentBadge[];
  };
  /** Markdown as written (the edit box starts from it). */
  body: string;
  /** Sanitised HTML rendered from `body` on the server. */
  html: string;
  /** ISO timestamps, and the same as a sentence for people ("3 hours ago") and an absolute title. */
  createdAt: string;
  createdAgo: string;
  createdTitle: string;
  editedAt: string | null;
  editedTitle: string | null;
  /** Replies, oldest first (top-level comments only; replies have none). */
  replies: CommentView[];
}

/** A paper's discussion, the same for every reader. */
export interface DiscussionView {
  paperId: string;
  /** Comments and replies, all counted. */
  count: number;
  /** Top-level comments, oldest first, each with its replies. */
  comments: CommentView[];
}

/** A member's comment as their public page lists it. */
export interface RecentComment {
  id: string;
  paperId: string;
  paperTitle: string;
  html: string;
  createdAt: string;
  createdAgo: string;
  createdTitle: string;
  isReply: boolean;
}
