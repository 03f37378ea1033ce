"use client";

import { useActionState } from "react";
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
    <form action={action} className="space-y-5">
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
                <span className="block text-xs text-zinc-500">{choice.hint}</span>
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
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900"
        >
          {pending ? "Saving…" : "Save"}
        </button>
        <p
          role="status"
          aria-live="polite"
          className={`text-sm ${state && !state.ok ? "text-red-600 dark:text-red-400" : "text-green-700 dark:text-green-400"}`}
        >
          {state ? (state.ok ? "Saved." : state.message) : ""}
        </p>
      </div>
    </form>
  );
}
