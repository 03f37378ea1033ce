"use client";

import Link from "next/link";
import { useEffect, useOptimistic, useRef, useState, useTransition } from "react";
import { CommentBody } from "@/components/comments/comment-body";
import { CommentForm, dangerButtonClass, secondaryButtonClass } from "@/components/comments/comment-form";
import { maySendAsMember, useViewer } from "@/components/hooks/use-viewer";
import { signInHref } from "@/lib/auth/sign-in-href";
import { noteOwnComment } from "@/lib/client/viewer-store";
import { postComment, removeComment, updateComment } from "@/lib/comments/actions";
import type { CommentView } from "@/lib/comments/schema";
import { paperPath, userPath } from "@/lib/urls";

const UNREACHABLE = "Could not reach Daily Papers; the comment was not deleted. Try again in a moment.";

const linkButton =
  "rounded-sm text-xs font-medium text-zinc-600 hover:text-zinc-900 hover:underline focus-ring dark:text-zinc-400 dark:hover:text-zinc-100";

type Status = { text: string; error: boolean } | null;

/**
 * The thread of a paper's discussion and everything a reader may do in it: reply (one level; replying
 * to a reply answers its thread and starts with "@handle"), edit and delete their own comments (admins:
 * delete any), each with a pending state and a status line. Deletions disappear at once and come back
 * if the server refuses. The comment box for a new comment sits below the thread for members; a guest gets
 * a sign-in link that comes back here. The thread is the same for everyone; which comments are the reader's
 * (and whether they are an admin) is their state, asked once by the page (lib/client/viewer-store.ts).
 */
export function DiscussionThread({ paperId, comments }: { paperId: string; comments: CommentView[] }) {
  const viewer = useViewer({ discussion: paperId });
  const signedIn = maySendAsMember(viewer);
  // Before the reader's state arrives, the page has both the sign-in link and the comment box, and the
  // server's mark on <html> shows one (app/globals.css): no jump, and a page without scripts is right too.
  const unknown = viewer.status === "unknown";
  const guestOnly = unknown ? "viewer-guest-only" : "";
  const memberOnly = unknown ? "viewer-member-only" : "";
  const [replyTo, setReplyTo] = useState<{ threadId: string; prefill: string } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [deleted, hide] = useOptimistic(new Set<string>(), (set: Set<string>, id: string) => new Set(set).add(id));
  const [, startTransition] = useTransition();
  const statusLine = useRef<HTMLParagraphElement>(null);

  // After posting, saving or cancelling, focus goes to the comment concerned once it is on the page (a
  // new one arrives with the refreshed thread), so keyboard and screen-reader users land where the change is.
  const focusTarget = useRef<string | null>(null);
  const setFocusId = (id: string) => {
    focusTarget.current = id;
  };
  useEffect(() => {
    const id = focusTarget.current;
    const element = id ? document.getElementById(`comment-${id}`) : null;
    if (!element) return;
    focusTarget.current = null;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: "nearest" });
  });

  function remove(comment: CommentView) {
    setConfirming(null);
    startTransition(async () => {
      hide(comment.id);
      let result: Awaited<ReturnType<typeof removeComment>>;
      try {
        result = await removeComment({ commentId: comment.id });
      } catch {
        setStatus({ text: UNREACHABLE, error: true });
        return;
      }
      if (result.ok) {
        const replies = result.deleted - 1;
        setStatus({
          text: replies ? `Comment and ${replies} ${replies === 1 ? "reply" : "replies"} deleted.` : "Comment deleted.",
          error: false,
        });
      } else {
        setStatus({ text: result.message, error: true });
      }
      statusLine.current?.focus();
    });
  }

  function renderComment(comment: CommentView, threadId: string) {
    const canEdit = viewer.ownComments.has(comment.id);
    const canDelete = canEdit || viewer.isAdmin;
    const author = comment.author.name ?? comment.author.username ?? "A former member";
    const replies = comment.replies.filter((reply) => !deleted.has(reply.id));
    return (
      <article
        id={`comment-${comment.id}`}
        tabIndex={-1}
        aria-label={`Comment by ${author}, ${comment.createdAgo}`}
        className="scroll-mt-24 rounded-lg focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-amber-500"
      >
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

        <div className="mt-1 pl-9">
          {editing === comment.id ? (
            <CommentForm
              label="Edit your comment"
              submitLabel="Save"
              pendingLabel="Saving…"
              initialBody={comment.body}
              autoFocus
              onSubmit={async (body) => {
                const result = await updateComment({ commentId: comment.id, body });
                if (result.ok)
                  setStatus({ text: result.edited ? "Comment saved." : "No changes to save.", error: false });
                return result;
              }}
              onDone={() => {
                setEditing(null);
                setFocusId(comment.id);
              }}
              onCancel={() => {
                setEditing(null);
                setFocusId(comment.id);
              }}
            />
          ) : (
            <CommentBody html={comment.html} />
          )}

          {editing !== comment.id ? (
            <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
              {signedIn && !unknown ? (
                <button
                  type="button"
                  className={linkButton}
                  aria-label={`Reply to ${author}`}
                  onClick={() => {
                    setReplyTo({
                      threadId,
                      prefill: comment.id !== threadId && comment.author.username ? `@${comment.author.username} ` : "",
                    });
                    setConfirming(null);
                  }}
                >
                  Reply
                </button>
              ) : null}
              {canEdit ? (
                <button
                  type="button"
                  className={linkButton}
                  onClick={() => {
                    setEditing(comment.id);
                    setConfirming(null);
                  }}
                >
                  Edit
                </button>
              ) : null}
              {canDelete ? (
                <button
                  type="button"
                  className={linkButton}
                  aria-expanded={confirming === comment.id}
                  onClick={() => setConfirming(confirming === comment.id ? null : comment.id)}
                >
                  Delete
                </button>
              ) : null}
            </div>
          ) : null}

          {confirming === comment.id ? (
            <DeleteConfirmation
              replies={replies.length}
              onConfirm={() => remove(comment)}
              onCancel={() => setConfirming(null)}
            />
          ) : null}
        </div>
      </article>
    );
  }

  const visible = comments.filter((comment) => !deleted.has(comment.id));
  return (
    <>
      {!signedIn || unknown ? (
        <p className={`mt-2 text-sm text-zinc-700 dark:text-zinc-300 ${guestOnly}`}>
          <Link
            href={signInHref(paperPath(paperId, "discussion"))}
            className="rounded-sm font-medium text-amber-800 underline underline-offset-2 hover:text-amber-900 focus-visible:outline-2 focus-visible:outline-amber-500 dark:text-amber-300 dark:hover:text-amber-200"
          >
            Sign in to join the discussion
          </Link>
        </p>
      ) : null}
      <p
        ref={statusLine}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className={
          status
            ? `mt-3 rounded-md px-3 py-2 text-sm outline-none ${
                status.error
                  ? "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200"
                  : "bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200"
              }`
            : "sr-only"
        }
      >
        {status?.text}
      </p>

      {visible.length ? (
        <ol className="mt-4 space-y-6" aria-label="Comments">
          {visible.map((comment) => {
            const replies = comment.replies.filter((reply) => !deleted.has(reply.id));
            return (
              <li key={comment.id}>
                {renderComment(comment, comment.id)}
                {replies.length || replyTo?.threadId === comment.id ? (
                  <div className="mt-3 ml-3 space-y-4 border-l-2 border-zinc-200 pl-3 sm:ml-9 sm:pl-5 dark:border-zinc-800">
                    {replies.length ? (
                      <ol
                        className="space-y-4"
                        aria-label={`Replies to ${comment.author.name ?? comment.author.username ?? "this comment"}`}
                      >
                        {replies.map((reply) => (
                          <li key={reply.id}>{renderComment(reply, comment.id)}</li>
                        ))}
                      </ol>
                    ) : null}
                    {replyTo?.threadId === comment.id ? (
                      <CommentForm
                        key={`${comment.id}:${replyTo.prefill}`}
                        label={`Reply to ${comment.author.name ?? comment.author.username ?? "this comment"}`}
                        submitLabel="Reply"
                        pendingLabel="Posting…"
                        initialBody={replyTo.prefill}
                        autoFocus
                        onSubmit={async (body) => {
                          const result = await postComment({ paperId, body, parentId: comment.id });
                          if (result.ok) {
                            noteOwnComment(result.commentId);
                            setStatus({ text: "Reply posted.", error: false });
                            setFocusId(result.commentId);
                          }
                          return result;
                        }}
                        onDone={() => setReplyTo(null)}
                        onCancel={() => {
                          setReplyTo(null);
                          setFocusId(comment.id);
                        }}
                      />
                    ) : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : (
        <div className="mt-4 rounded-xl border border-dashed border-zinc-300 px-6 py-10 text-center dark:border-zinc-700">
          <p className="font-medium">No comments yet — start the discussion</p>
          {!signedIn || unknown ? (
            <p className={`mt-1 text-sm text-zinc-600 dark:text-zinc-400 ${guestOnly}`}>
              Questions, notes and links are welcome.
            </p>
          ) : null}
        </div>
      )}

      {signedIn ? (
        <div className={`mt-6 ${memberOnly}`}>
          <h3 className="mb-2 text-sm font-medium">Add a comment</h3>
          <CommentForm
            label="Write a comment"
            submitLabel="Comment"
            pendingLabel="Posting…"
            onSubmit={async (body) => {
              const result = await postComment({ paperId, body });
              if (result.ok) {
                noteOwnComment(result.commentId);
                setStatus({ text: "Comment posted.", error: false });
                setFocusId(result.commentId);
              }
              return result;
            }}
          />
        </div>
      ) : null}
    </>
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
