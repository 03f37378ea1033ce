"use client";

import { SubscribeButton } from "@/components/feed/subscribe-button";
import { maySendAsMember, useViewer } from "@/components/hooks/use-viewer";
import type { DigestChoice } from "@/lib/settings/schema";

/** The feed's call to action; it knows the reader once their state has arrived (lib/client/viewer-store.ts). */
export function SubscribeCallout() {
  const viewer = useViewer();
  const digest = viewer.digest ?? "OFF";
  return (
    <aside
      aria-label="Email digest"
      className="mb-6 flex flex-col gap-3 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 sm:flex-row sm:items-center sm:justify-between dark:border-amber-900/60 dark:bg-amber-400/5"
    >
      <Pitch digest={digest} />
      {viewer.status === "unknown" ? (
        <span className="h-8 w-24" />
      ) : (
        // Keyed by what is known, so a subscriber's "You get…" replaces the button once their state arrives.
        <SubscribeButton key={viewer.status} signedIn={maySendAsMember(viewer)} digest={digest} />
      )}
    </aside>
  );
}

/** The line beside the button: the offer, or (to a subscriber) what they get. */
function Pitch({ digest }: { digest: DigestChoice }) {
  const text =
    digest === "WEEKLY"
      ? "The week's most upvoted papers come to your inbox once a week."
      : digest === "DAILY"
        ? "Trending papers come to your inbox once a day."
        : "Get trending papers in your email inbox once a day!";
  return <p className="font-medium">{text}</p>;
}
