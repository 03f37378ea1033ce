"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { CommentBody } from "@/components/comments/comment-body";
import { CommentForm, dangerButtonClass, secondaryButtonClass } from "@/components/comments/comment-form";
import type { ActionResult } from "@/lib/actions/result";
import type { CommentView } from "@/lib/comments/schema";
import { userPath } from "@/lib/urls";

const linkButton =
  "rounded-sm text-xs font-medium text-zinc-600 hover:text-zinc-900 hover:underline focus-ring dark:text-zinc-400 dark:hover:text-zinc-100";

/** Who wrote `comment`, as the thread names them. */
function authorName(comment: CommentView): string {
  return comment.author.name ?? comment.author.username ?? "A former member";
}

/**
 * One comment of a discussion (a top-level one or a reply): its author, age and body, or the edit box while
 * it is being edited, then the Reply, Edit and Delete buttons the reader may use, and the deletion's
 * confirmation. What the buttons do is the thread's (components/comments/discussion-thread.tsx).
 */
export function CommentItem({
  comment,
  replyCount,
  canReply,
  canEdit,
  canDelete,
  editing,
  confirmingDelete,
  onReply,
  onEdit,
  onSave,
  onEditEnd,
  onToggleDelete,
  onConfirmDelete,
  onCancelDelete,
}: {
  comment: CommentView;
  /** Replies still shown under it, which a deletion takes too. */
  replyCount: number;
  canReply: boolean;
  canEdit: boolean;
  canDelete: boolean;
  editing: boolean;
  confirmingDelete: boolean;
  onReply: () => void;
  onEdit: () => void;
  /** Sends the edited text; the edit box stays open with the message when the server refuses. */
  onSave: (body: string) => Promise<ActionResult>;
  /** The edit was saved or cancelled. */
  onEditEnd: () => void;
  onToggleDelete: () => void;
  onConfirmDelete: () => void;
  onCancelDelete: () => void;
}) {
  const author = authorName(comment);
  return (
    <article
      id={`comment-${comment.id}`}
      tabIndex={-1}
      aria-label={`Comment by ${author}, ${comment.createdAgo}`}
      className="scroll-mt-24 rounded-lg focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-amber-500"
    >
      <CommentHeader comment={comment} author={author} />

      <div className="mt-1 pl-9">
        {editing ? (
          <CommentForm
            label="Edit your comment"
            submitLabel="Save"
            pendingLabel="Saving…"
            initialBody={comment.body}
            autoFocus
            onSubmit={onSave}
            onDone={onEditEnd}
            onCancel={onEditEnd}
          />
        ) : (
          <CommentBody html={comment.html} />
        )}

        {!editing ? (
          <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
            {canReply ? (
              <button type="button" className={linkButton} aria-label={`Reply to ${author}`} onClick={onReply}>
                Reply
              </button>
            ) : null}
            {canEdit ? (
              <button type="button" className={linkButton} onClick={onEdit}>
                Edit
              </button>
            ) : null}
            {canDelete ? (
              <button type="button" className={linkButton} aria-expanded={confirmingDelete} onClick={onToggleDelete}>
                Delete
              </button>
            ) : null}
          </div>
        ) : null}

        {confirmingDelete ? (
          <DeleteConfirmation replies={replyCount} onConfirm={onConfirmDelete} onCancel={onCancelDelete} />
        ) : null}
      </div>
    </article>
  );
}

/** The avatar initial, the author (a link to their profile when they have a handle), badges, age and "(edited)". */
function CommentHeader({ comment, author }: { comment: CommentView; author: string }) {
  return (
    <header className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
      <span
        aria-hidden
        className="flex size-7 shrink-0 items-center justify-center rounded-full bg-zinc-200 text-xs font-semibold text-zinc-700 uppercase dark:bg-zinc-700 dark:text-zinc-200"
      >
        {author.slice(0, 1)}
      </span>
      {comment.author.username ? (
        <Link
          href={userPath(comment.author.username)}
          className="rounded-sm font-medium hover:underline focus-visible:outline-2 focus-visible:outline-amber-500"
        >
          {author}
        </Link>
      ) : (
        <span className="font-medium">{author}</span>
      )}
      {comment.author.badges.map((badge) => (
        <span
          key={badge}
          className={`rounded-full px-2 py-0.5 text-xs font-medium ${
            badge === "Author"
              ? "bg-sky-100 text-sky-900 dark:bg-sky-400/15 dark:text-sky-200"
              : "bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-200"
          }`}
        >
          {badge}
        </span>
      ))}
      <span aria-hidden className="text-zinc-500 dark:text-zinc-400">
        ·
      </span>
      <time dateTime={comment.createdAt} title={comment.createdTitle} className="text-zinc-600 dark:text-zinc-400">
        {comment.createdAgo}
      </time>
      {comment.editedAt ? (
        <span title={comment.editedTitle ?? undefined} className="text-xs text-zinc-600 italic dark:text-zinc-400">
          (edited)
        </span>
      ) : null}
    </header>
  );
}

/**
 * "Delete this comment?" inline under the comment. Focus starts on Cancel, the choice that loses nothing
 * (as the ARIA alert-dialog pattern advises); Escape cancels too.
 */
function DeleteConfirmation({
  replies,
  onConfirm,
  onCancel,
}: {
  replies: number;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      role="group"
      aria-label="Confirm deletion"
      className="mt-2 flex flex-wrap items-center gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm dark:border-red-900 dark:bg-red-950/60"
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
    >
      <span className="mr-auto text-red-900 dark:text-red-100">
        {replies
          ? `Delete this comment and its ${replies} ${replies === 1 ? "reply" : "replies"}? This cannot be undone.`
          : "Delete this comment? This cannot be undone."}
      </span>
      <button ref={cancel} type="button" onClick={onCancel} className={secondaryButtonClass}>
        Cancel
      </button>
      <button type="button" onClick={onConfirm} className={dangerButtonClass}>
        Delete
      </button>
    </div>
  );
}
