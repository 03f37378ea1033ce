"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useOptimistic, useRef, useState, useTransition } from "react";
import { rememberIntent, signInHref, takeIntent } from "@/lib/auth/pending-intent";
import { castUpvote } from "@/lib/upvotes/actions";

interface Vote {
  upvoted: boolean;
  count: number;
}

/**
 * The upvote control: optimistic, rolled back when the server refuses (shown in the status line).
 * Signed out, it remembers the intent and goes to sign-in; back here, the vote is cast.
 */
export function UpvoteButton({ paperId, count, upvoted, signedIn }: Vote & { paperId: string; signedIn: boolean }) {
  const [vote, setVote] = useState<Vote>({ upvoted, count });
  const [shown, setShown] = useOptimistic(vote);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const pathname = usePathname();
  const resumed = useRef(false);

  function send(target: boolean) {
    startTransition(async () => {
      setShown({ upvoted: target, count: shown.count + (target === shown.upvoted ? 0 : target ? 1 : -1) });
      const result = await castUpvote({ paperId, upvoted: target });
      if (result.ok) {
        setVote({ upvoted: result.upvoted, count: result.count });
        setMessage({ text: result.upvoted ? "Upvoted" : "Upvote removed", error: false });
      } else {
        setMessage({ text: result.message, error: true });
      }
    });
  }

  function onClick() {
    if (!signedIn) {
      rememberIntent({ kind: "upvote", paperId });
      router.push(signInHref(`${pathname}${window.location.search}`));
      return;
    }
    send(!shown.upvoted);
  }

  useEffect(() => {
    if (!signedIn || resumed.current) return;
    resumed.current = true;
    if (takeIntent((intent) => intent.kind === "upvote" && intent.paperId === paperId)) send(true);
    // Runs once after sign-in; `send` is stable enough for that single call.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signedIn, paperId]);

  return (
    <div className="flex shrink-0 flex-col items-center self-start">
      <button
        type="button"
        onClick={onClick}
        aria-pressed={shown.upvoted}
        aria-label={shown.upvoted ? `Remove upvote (${shown.count} upvotes)` : `Upvote (${shown.count} upvotes)`}
        aria-busy={pending}
        className={`flex h-16 w-12 flex-col items-center justify-center rounded-lg border text-sm transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500 ${
          shown.upvoted
            ? "border-amber-500 bg-amber-50 text-amber-700 dark:border-amber-400 dark:bg-amber-400/10 dark:text-amber-300"
            : "border-zinc-200 hover:border-zinc-400 dark:border-zinc-700 dark:hover:border-zinc-500"
        }`}
      >
        <svg aria-hidden viewBox="0 0 12 12" className="size-3 fill-current">
          <path d="M6 2 11 9H1z" />
        </svg>
        <span className="font-semibold tabular-nums">{shown.count}</span>
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
