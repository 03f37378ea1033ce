"use client";

import Link from "next/link";
import { useEffect, useOptimistic, useRef, useState, useTransition, type Ref } from "react";
import { CommentForm } from "@/components/comments/comment-form";
import { CommentItem } from "@/components/comments/comment-item";
import { maySendAsMember, useViewer } from "@/components/hooks/use-viewer";
import { signInHref } from "@/lib/auth/sign-in-href";
import { noteOwnComment } from "@/lib/client/viewer-store";
import { postComment, removeComment, updateComment } from "@/lib/comments/actions";
import type { CommentView } from "@/lib/comments/schema";
import { paperPath } from "@/lib/urls";

const UNREACHABLE = "Could not reach Daily Papers; the comment was not deleted. Try again in a moment.";

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

  const setFocusId = useFocusCommentAfterRender();

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

  /** Posts a comment, or a reply to the thread `parentId`, and tells the reader. */
  async function post(body: string, parentId?: string) {
    const result = await postComment(parentId === undefined ? { paperId, body } : { paperId, body, parentId });
    if (result.ok) {
      noteOwnComment(result.commentId);
      setStatus({ text: parentId === undefined ? "Comment posted." : "Reply posted.", error: false });
      setFocusId(result.commentId);
    }
    return result;
  }

  function startReply(comment: CommentView, threadId: string) {
    // Replying to a reply answers its thread, addressed to the reply's author.
    const prefill = comment.id !== threadId && comment.author.username ? `@${comment.author.username} ` : "";
    setReplyTo({ threadId, prefill });
    setConfirming(null);
  }

  function endEdit(comment: CommentView) {
    setEditing(null);
    setFocusId(comment.id);
  }

  function renderComment(comment: CommentView, threadId: string) {
    const canEdit = viewer.ownComments.has(comment.id);
    return (
      <CommentItem
        comment={comment}
        replyCount={comment.replies.filter((reply) => !deleted.has(reply.id)).length}
        canReply={signedIn && !unknown}
        canEdit={canEdit}
        canDelete={canEdit || viewer.isAdmin}
        editing={editing === comment.id}
        confirmingDelete={confirming === comment.id}
        onReply={() => startReply(comment, threadId)}
        onEdit={() => {
          setEditing(comment.id);
          setConfirming(null);
        }}
        onSave={async (body) => {
          const result = await updateComment({ commentId: comment.id, body });
          if (result.ok) setStatus({ text: result.edited ? "Comment saved." : "No changes to save.", error: false });
          return result;
        }}
        onEditEnd={() => endEdit(comment)}
        onToggleDelete={() => setConfirming(confirming === comment.id ? null : comment.id)}
        onConfirmDelete={() => remove(comment)}
        onCancelDelete={() => setConfirming(null)}
      />
    );
  }

  const visible = comments.filter((comment) => !deleted.has(comment.id));
  return (
    <>
      {!signedIn || unknown ? <SignInToDiscuss paperId={paperId} className={guestOnly} /> : null}
      <StatusLine ref={statusLine} status={status} />

      {visible.length ? (
        <ol className="mt-4 space-y-6" aria-label="Comments">
          {visible.map((comment) => {
            const replies = comment.replies.filter((reply) => !deleted.has(reply.id));
            const about = comment.author.name ?? comment.author.username ?? "this comment";
            return (
              <li key={comment.id}>
                {renderComment(comment, comment.id)}
                {replies.length || replyTo?.threadId === comment.id ? (
                  <div className="mt-3 ml-3 space-y-4 border-l-2 border-zinc-200 pl-3 sm:ml-9 sm:pl-5 dark:border-zinc-800">
                    {replies.length ? (
                      <ol className="space-y-4" aria-label={`Replies to ${about}`}>
                        {replies.map((reply) => (
                          <li key={reply.id}>{renderComment(reply, comment.id)}</li>
                        ))}
                      </ol>
                    ) : null}
                    {replyTo?.threadId === comment.id ? (
                      <CommentForm
                        key={`${comment.id}:${replyTo.prefill}`}
                        label={`Reply to ${about}`}
                        submitLabel="Reply"
                        pendingLabel="Posting…"
                        initialBody={replyTo.prefill}
                        autoFocus
                        onSubmit={(body) => post(body, comment.id)}
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
        <NoCommentsYet invite={!signedIn || unknown} inviteClassName={guestOnly} />
      )}

      {signedIn ? (
        <div className={`mt-6 ${memberOnly}`}>
          <h3 className="mb-2 text-sm font-medium">Add a comment</h3>
          <CommentForm
            label="Write a comment"
            submitLabel="Comment"
            pendingLabel="Posting…"
            onSubmit={(body) => post(body)}
          />
        </div>
      ) : null}
    </>
  );
}

/**
 * After posting, saving or cancelling, focus goes to the comment concerned once it is on the page (a new one
 * arrives with the refreshed thread), so keyboard and screen-reader users land where the change is. Returns
 * the setter of that comment's id.
 */
function useFocusCommentAfterRender(): (id: string) => void {
  const focusTarget = useRef<string | null>(null);
  useEffect(() => {
    const id = focusTarget.current;
    const element = id ? document.getElementById(`comment-${id}`) : null;
    if (!element) return;
    focusTarget.current = null;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: "nearest" });
  });
  return (id) => {
    focusTarget.current = id;
  };
}

/** A guest's way in: sign in and come back to this discussion. */
function SignInToDiscuss({ paperId, className }: { paperId: string; className: string }) {
  return (
    <p className={`mt-2 text-sm text-zinc-700 dark:text-zinc-300 ${className}`}>
      <Link
        href={signInHref(paperPath(paperId, "discussion"))}
        className="rounded-sm font-medium text-amber-800 underline underline-offset-2 hover:text-amber-900 focus-visible:outline-2 focus-visible:outline-amber-500 dark:text-amber-300 dark:hover:text-amber-200"
      >
        Sign in to join the discussion
      </Link>
    </p>
  );
}

/** What the thread's last action did (aria-live); focused after a deletion, so it is read out. */
function StatusLine({ ref, status }: { ref: Ref<HTMLParagraphElement>; status: Status }) {
  return (
    <p
      ref={ref}
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
  );
}

/** The empty discussion, inviting guests (`invite`) to bring questions, notes and links. */
function NoCommentsYet({ invite, inviteClassName }: { invite: boolean; inviteClassName: string }) {
  return (
    <div className="mt-4 rounded-xl border border-dashed border-zinc-300 px-6 py-10 text-center dark:border-zinc-700">
      <p className="font-medium">No comments yet — start the discussion</p>
      {invite ? (
        <p className={`mt-1 text-sm text-zinc-600 dark:text-zinc-400 ${inviteClassName}`}>
          Questions, notes and links are welcome.
        </p>
      ) : null}
    </div>
  );
}
