"use client";

import { useSyncExternalStore } from "react";
import { peekIntent } from "@/lib/client/pending-intent";

const reasons = {
  upvote: "Sign in to upvote. Your vote is counted as soon as you are back on the page.",
  subscribe: "Sign in to get the daily digest. You are subscribed as soon as you are back.",
  comment: "Sign in to join the discussion.",
  submit: "Sign in to submit a paper. You are back at the form as soon as you are signed in.",
  settings: "Sign in to see your settings.",
} as const;

/** Why the reader is here as the return address says it: a comment link, the submit form, the settings. */
export type AddressReason = "comment" | "submit" | "settings";

/** The intent's kind (a stable snapshot); it stays stored, for the page the reader returns to. */
function intentKind(): keyof typeof reasons | null {
  return peekIntent()?.kind ?? null;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}

/**
 * Why the reader is on the sign-in page, when a button sent them (upvote, subscribe): said first, so
 * signing in is not a surprise; `reason` is what the return address says instead (a comment link, a page
 * that needs an account).
 */
export function SignInReason({ reason }: { reason: AddressReason | null }) {
  const kind = useSyncExternalStore(subscribe, intentKind, () => null) ?? reason;
  if (!kind) return null;
  return (
    <p
      role="status"
      className="mt-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-900/60 dark:bg-amber-400/10 dark:text-amber-100"
    >
      {reasons[kind]}
    </p>
  );
}
