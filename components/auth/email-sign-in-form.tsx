"use client";

import { useActionState } from "react";
import { requestEmailSignIn } from "@/lib/auth/actions";

/** The email field of the sign-in page; the server answers with the check-your-email page or a message. */
export function EmailSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(requestEmailSignIn, null);
  return (
    <form action={action} className="space-y-3">
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
        placeholder="you@university.edu"
        className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
      />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-zinc-900 px-4 py-2 font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-white"
      >
        {pending ? "Sending…" : "Email me a sign-in link"}
      </button>
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-red-600 dark:text-red-400">
        {state && !state.ok ? state.message : ""}
      </p>
    </form>
  );
}
