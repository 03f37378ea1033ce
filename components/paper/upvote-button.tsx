"use client";

import { useOptimistic, useState, useTransition } from "react";
import { usePendingIntent } from "@/components/hooks/use-pending-intent";
import { maySendAsMember, useViewer } from "@/components/hooks/use-viewer";
import { becomeGuest, noteVote } from "@/lib/client/viewer-store";
import type { VoteResult } from "@/lib/upvotes/vote-result";

const UNREACHABLE = "Could not reach Daily Papers; your vote was not counted. Try again in a moment.";

interface Vote {
  upvoted: boolean;
  count: number;
}

/**
 * Sends the vote to `POST /api/upvotes` (lib/upvotes/vote-endpoint.ts), which answers the new count or a
 * refusal in the same shape; throws when no such answer came (offline, a server that went away).
 */
async function castUpvote(paperId: string, upvoted: boolean): Promise<VoteResult> {
  const response = await fetch("/api/upvotes", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ paperId, upvoted }),
  });
  const result = (await response.json()) as VoteResult;
  if (typeof result?.ok !== "boolean") throw new Error(`The vote was answered ${response.status}.`);
  return result;
}

/**
 * The upvote control: optimistic, rolled back when the server refuses or cannot be reached (said in the
 * status line, never by replacing the page). `count` is the page's (the same for everyone); a member's
 * own vote and the count as it is now come from their state (lib/client/viewer-store.ts).
 * Signed out, it remembers the intent and goes to sign-in; back here, the vote is cast.
 */
export function UpvoteButton({ paperId, count }: { paperId: string; count: number }) {
  const viewer = useViewer({ paperIds: [paperId] });
  const vote: Vote = { upvoted: viewer.upvoted.has(paperId), count: viewer.counts.get(paperId) ?? count };
  const [shown, setShown] = useOptimistic(vote);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();

  function send(target: boolean) {
    startTransition(async () => {
      setShown({ upvoted: target, count: shown.count + (target === shown.upvoted ? 0 : target ? 1 : -1) });
      let result: VoteResult;
      try {
        result = await castUpvote(paperId, target);
      } catch {
        // The vote was never answered (offline, a server that went away): an error
        // thrown out of a transition would replace the page with the error boundary. Ending the transition
        // rolls the optimistic vote back; the status line says why.
        setMessage({ text: UNREACHABLE, error: true });
        return;
      }
      if (result.ok) {
        noteVote(paperId, result.upvoted, result.count);
        setMessage({ text: result.upvoted ? "Upvoted" : "Upvote removed", error: false });
      } else {
        // The page was marked a member's but the session is gone (expired, signed out elsewhere).
        if (result.code === "UNAUTHENTICATED") becomeGuest();
        setMessage({ text: result.message, error: true });
      }
    });
  }

  const signInToUpvote = usePendingIntent({ kind: "upvote", paperId }, viewer.status === "member", () => send(true));

  function onClick() {
    if (!maySendAsMember(viewer)) return signInToUpvote();
    send(!shown.upvoted);
  }

  return (
    <div className="vote-control" data-vote-paper={paperId}>
      {/* Its look, pressed or not, is the vote-button class's (app/globals.css), by aria-pressed. */}
      <button type="button" onClick={onClick} aria-pressed={shown.upvoted} aria-busy={pending} className="vote-button">
        <svg aria-hidden viewBox="0 0 12 12">
          <path d="M6 2 11 9H1z" />
        </svg>
        {/* The name comes from this text, not aria-label: axe's label-in-name check drops "(29 upvotes)". */}
        <span aria-hidden className="tabular-nums">
          {shown.count}
        </span>
        <span className="sr-only">
          {shown.upvoted ? `Remove upvote (${shown.count} upvotes)` : `Upvote (${shown.count} upvotes)`}
        </span>
      </button>
      <span
        role="status"
        aria-live="polite"
        className={message?.error ? "mt-1 max-w-28 text-center text-xs text-red-600 dark:text-red-400" : "sr-only"}
      >
        {message?.text}
      </span>
    </div>
  );
}
