"use client";

import { useActionState } from "react";
import { FormStatus, SubmitButton, ignoreWhilePending } from "@/components/ui/form-status";
import { requestEmailSignIn } from "@/lib/auth/actions";
import { rememberSignInRequest } from "@/lib/auth/sign-in-address";

/** The email field of the sign-in page; the server answers with the check-your-email page or a message. */
export function EmailSignInForm({ callbackUrl, defaultEmail = "" }: { callbackUrl: string; defaultEmail?: string }) {
  const [state, action, pending] = useActionState(requestEmailSignIn, null);
  return (
    <form
      action={action}
      onSubmit={ignoreWhilePending(pending, (event) => {
        // The check-your-email page names the address and can send another link.
        const email = new FormData(event.currentTarget).get("email");
        if (typeof email === "string") rememberSignInRequest(email.trim(), callbackUrl);
      })}
      className="space-y-3"
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label htmlFor="email" className="block text-sm font-medium">
        Email address
      </label>
      <input
        id="email"
        name="email"
        type="email"
        required
        autoComplete="email"
        defaultValue={defaultEmail}
        placeholder="you@university.edu"
        className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
      />
      <SubmitButton pending={pending} pendingLabel="Sending…" className="w-full dark:hover:bg-white">
        Email me a sign-in link
      </SubmitButton>
      <FormStatus state={state} className="min-h-5 text-sm" />
    </form>
  );
}
