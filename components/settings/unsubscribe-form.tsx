"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormStatus, SubmitButton, ignoreWhilePending } from "@/components/ui/form-status";
import { unsubscribeWithToken } from "@/lib/settings/actions";
import type { DigestChoice } from "@/lib/settings/schema";

/**
 * The unsubscribe page's question and its one button; once it worked, the question gives way to the
 * answer (and the heading says so), so the page never asks again.
 */
export function UnsubscribeForm({
  token,
  maskedEmail,
  digest,
}: {
  token: string;
  maskedEmail: string;
  digest: DigestChoice;
}) {
  const [state, action, pending] = useActionState(unsubscribeWithToken, null);
  if (state?.ok) {
    return (
      <section className="mx-auto max-w-md py-8 text-center">
        {/* The button is gone: the focus moves to the answer rather than to the top of the page. */}
        <h1
          ref={(heading) => heading?.focus()}
          tabIndex={-1}
          className="text-2xl font-semibold tracking-tight outline-none"
        >
          You are unsubscribed
        </h1>
        <p role="status" className="mt-3 text-zinc-600 dark:text-zinc-400">
          {maskedEmail} gets no more digests. Changed your mind? Choose a digest in your{" "}
          <Link href="/settings" className="font-medium text-zinc-900 underline underline-offset-2 dark:text-zinc-100">
            email settings
          </Link>
          .
        </p>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-md py-8 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Unsubscribe from Daily Papers digests?</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        {digest === "OFF"
          ? `${maskedEmail} gets no digests already.`
          : `${maskedEmail} will stop getting the ${digest.toLowerCase()} digest.`}
      </p>
      <form action={action} onSubmit={ignoreWhilePending(pending)} className="mt-6">
        <input type="hidden" name="token" value={token} />
        <SubmitButton pending={pending} pendingLabel="Unsubscribing…">
          Unsubscribe
        </SubmitButton>
        <FormStatus state={state} className="mt-2 text-sm" />
      </form>
    </section>
  );
}
