import { Suspense, use } from "react";
import { SubscribeButton } from "@/components/feed/subscribe-button";
import type { DigestChoice } from "@/lib/settings/schema";

export interface SubscriptionState {
  signedIn: boolean;
  /** The digest the reader already gets ("OFF" when signed out). */
  digest: DigestChoice;
}

/** The feed's call to action; the button knows the reader once their session has loaded. */
export function SubscribeCallout({ state }: { state: Promise<SubscriptionState> }) {
  return (
    <aside
      aria-label="Email digest"
      className="mb-6 flex flex-col gap-3 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 sm:flex-row sm:items-center sm:justify-between dark:border-amber-900/60 dark:bg-amber-400/5"
    >
      <Suspense
        fallback={
          <>
            <Pitch digest="OFF" />
            <span className="h-8 w-24" />
          </>
        }
      >
        <Resolved state={state} />
      </Suspense>
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

function Resolved({ state }: { state: Promise<SubscriptionState> }) {
  const { signedIn, digest } = use(state);
  return (
    <>
      <Pitch digest={digest} />
      <SubscribeButton signedIn={signedIn} digest={digest} />
    </>
  );
}
