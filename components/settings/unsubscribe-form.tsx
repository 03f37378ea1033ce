"use client";

import Link from "next/link";
import { useActionState } from "react";
import { unsubscribeWithToken } from "@/lib/settings/actions";

export function UnsubscribeForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(unsubscribeWithToken, null);
  if (state?.ok) {
    return (
      <p role="status" className="mt-6">
        You are unsubscribed. No more digests will be sent.{" "}
        <Link href="/settings" className="underline underline-offset-2">
          Email settings
        </Link>
      </p>
    );
  }
  return (
    <form action={action} className="mt-6">
      <input type="hidden" name="token" value={token} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-zinc-900 px-4 py-2 font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900"
      >
        Unsubscribe
      </button>
      <p role="status" aria-live="polite" className="mt-2 text-sm text-red-600 dark:text-red-400">
        {state && !state.ok ? state.message : ""}
      </p>
    </form>
  );
}
