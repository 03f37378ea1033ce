"use client";

import { useActionState, useState } from "react";
import { FormStatus, SubmitButton, ignoreWhilePending } from "@/components/ui/form-status";
import { rotateFeedAddresses } from "@/lib/site-access/actions";
import type { PrivateFeed } from "@/lib/site-access/data";

/**
 * Settings' "Feeds" on a members-only site: the member's private feed addresses, each with a Copy button, and
 * "New addresses", which voids the old ones (asked twice: every feed reader then needs the new address).
 */
export function PrivateFeeds({ feeds: initial }: { feeds: PrivateFeed[] }) {
  const [state, rotate, pending] = useActionState(rotateFeedAddresses, null);
  const [confirming, setConfirming] = useState(false);
  const feeds = state?.ok ? state.feeds : initial;
  return (
    <div className="space-y-4">
      <ul className="space-y-3">
        {feeds.map((feed) => (
          <li key={feed.url}>
            <FeedAddress feed={feed} />
          </li>
        ))}
      </ul>
      {confirming && !pending && !state?.ok ? (
        <form
          action={rotate}
          onSubmit={ignoreWhilePending(pending)}
          role="group"
          aria-label="Confirm new feed addresses"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950"
        >
          <p>The addresses above stop working at once: every feed reader that uses one needs the new one.</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <SubmitButton pending={pending} pendingLabel="Making new addresses…" className="text-sm">
              Make new addresses
            </SubmitButton>
            <button
              type="button"
              onClick={() => setConfirming(false)}
              className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium focus-ring hover:border-zinc-500 dark:border-zinc-700"
            >
              Keep these
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          onClick={() => setConfirming(true)}
          className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium focus-ring hover:border-zinc-500 dark:border-zinc-700 dark:hover:border-zinc-500"
        >
          New addresses…
        </button>
      )}
      <FormStatus state={state} saved="New addresses made: the old ones no longer work." className="text-sm" />
    </div>
  );
}

function FeedAddress({ feed }: { feed: PrivateFeed }) {
  const [copied, setCopied] = useState(false);
  const id = `feed-${feed.title.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {feed.title}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id={id}
          readOnly
          value={feed.url}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-zinc-50 px-2 py-1.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
        />
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(feed.url).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
          className="shrink-0 rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium focus-ring hover:border-zinc-500 dark:border-zinc-700 dark:hover:border-zinc-500"
        >
          {copied ? "Copied" : "Copy"}
          <span className="sr-only"> the address of {feed.title}</span>
        </button>
      </div>
    </div>
  );
}
