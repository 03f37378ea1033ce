"use client";

import { useActionState } from "react";
import { FormStatus, SubmitButton, ignoreWhilePending } from "@/components/ui/form-status";
import { updateEmailPreferences } from "@/lib/settings/actions";
import type { DigestChoice } from "@/lib/settings/schema";

const choices: { value: DigestChoice; label: string; hint: string }[] = [
  { value: "OFF", label: "Off", hint: "No digest emails." },
  { value: "DAILY", label: "Daily", hint: "The day's trending papers, every morning." },
  { value: "WEEKLY", label: "Weekly", hint: "The week's most upvoted papers, once a week." },
];

export function EmailPreferencesForm({ digest, minUpvotes }: { digest: DigestChoice; minUpvotes: number }) {
  const [state, action, pending] = useActionState(updateEmailPreferences, null);
  return (
    <form action={action} onSubmit={ignoreWhilePending(pending)} className="space-y-5">
      <fieldset>
        <legend className="text-sm font-medium">Digest</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          {choices.map((choice) => (
            <label
              key={choice.value}
              className="flex cursor-pointer gap-2 rounded-lg border border-zinc-200 p-3 has-checked:border-amber-500 has-checked:bg-amber-50 dark:border-zinc-700 dark:has-checked:bg-amber-400/10"
            >
              <input
                type="radio"
                name="digest"
                value={choice.value}
                defaultChecked={choice.value === digest}
                className="mt-1 accent-amber-500"
              />
              <span>
                <span className="block font-medium">{choice.label}</span>
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">{choice.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="minUpvotes" className="text-sm font-medium">
          Only papers with at least
        </label>
        <div className="mt-1 flex items-center gap-2">
          <input
            id="minUpvotes"
            name="minUpvotes"
            type="number"
            min={0}
            max={10000}
            defaultValue={minUpvotes}
            className="w-24 rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
          />
          <span className="text-sm text-zinc-600 dark:text-zinc-400">upvotes</span>
        </div>
      </div>
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Saving…" className="text-sm">
          Save
        </SubmitButton>
        <FormStatus state={state} saved="Saved." className="text-sm" />
      </div>
    </form>
  );
}
