import { Suspense, use } from "react";
import { SubscribeButton } from "@/components/feed/subscribe-button";

export interface SubscriptionState {
  signedIn: boolean;
  subscribed: boolean;
}

/** The feed's call to action; the button knows the reader once their session has loaded. */
export function SubscribeCallout({ state }: { state: Promise<SubscriptionState> }) {
  return (
    <aside className="mb-6 flex flex-col gap-3 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 sm:flex-row sm:items-center sm:justify-between dark:border-amber-900/60 dark:bg-amber-400/5">
      <p className="font-medium">Get trending papers in your email inbox once a day!</p>
      <Suspense fallback={<span className="h-8 w-24" />}>
        <Resolved state={state} />
      </Suspense>
    </aside>
  );
}

function Resolved({ state }: { state: Promise<SubscriptionState> }) {
  const { signedIn, subscribed } = use(state);
  return <SubscribeButton signedIn={signedIn} subscribed={subscribed} />;
}
