"use client";

import { useActionState } from "react";
import { FormStatus, ignoreWhilePending } from "@/components/ui/form-status";
import { deleteAccount } from "@/lib/settings/actions";

export function DeleteAccountForm() {
  const [state, action, pending] = useActionState(deleteAccount, null);
  return (
    <form action={action} onSubmit={ignoreWhilePending(pending)} className="space-y-3">
      <label htmlFor="confirm-delete" className="block text-sm">
        Type <strong>delete</strong> to remove your account, your upvotes, your comments, your collections, your tokens
        for agents, what you follow and mute, and your email settings for good.
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="confirm-delete"
          name="confirm"
          autoComplete="off"
          className="w-40 rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button
          type="submit"
          aria-disabled={pending}
          className="rounded-md bg-red-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-500 aria-disabled:opacity-60"
        >
          Delete my account
        </button>
      </div>
      <FormStatus state={state} className="text-sm" />
    </form>
  );
}
