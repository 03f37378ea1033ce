"use client";

import { userPath } from "@/lib/urls";
import Link from "next/link";
import { useActionState } from "react";
import { FormStatus, SubmitButton, ignoreWhilePending } from "@/components/ui/form-status";
import { updateProfileSettings } from "@/lib/users/actions";
import { DISPLAY_NAME_MAX, USERNAME_MAX, USERNAME_MIN } from "@/lib/users/schema";

/** The profile section of Settings: display name, public handle, and whether the reading list is private. */
export function ProfileForm({
  name,
  username,
  profilePrivate,
}: {
  name: string;
  username: string;
  profilePrivate: boolean;
}) {
  const [state, action, pending] = useActionState(updateProfileSettings, null);
  const current = state?.ok ? state.username : username;
  return (
    <form action={action} onSubmit={ignoreWhilePending(pending)} className="space-y-4">
      <div>
        <label htmlFor="display-name" className="text-sm font-medium">
          Name
        </label>
        <input
          id="display-name"
          name="name"
          defaultValue={name}
          maxLength={DISPLAY_NAME_MAX}
          autoComplete="name"
          aria-describedby="display-name-hint"
          placeholder="Your name, as on your papers"
          className="mt-1 block w-full max-w-sm rounded-md border border-zinc-300 bg-white px-2 py-1 focus-visible:outline-2 focus-visible:outline-amber-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <p id="display-name-hint" className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          Shown on your comments instead of your handle. Written as on your papers, it earns the Author badge in their
          discussions. Leave it empty to show your handle.
        </p>
      </div>
      <div>
        <label htmlFor="username" className="text-sm font-medium">
          Handle
        </label>
        <div className="mt-1 flex max-w-sm items-center rounded-md border border-zinc-300 bg-white focus-within:outline-2 focus-within:outline-amber-500 dark:border-zinc-700 dark:bg-zinc-900">
          <span className="pl-2 text-sm text-zinc-500 select-none dark:text-zinc-400" aria-hidden="true">
            /users/
          </span>
          <input
            id="username"
            name="username"
            defaultValue={username}
            required
            minLength={USERNAME_MIN}
            maxLength={USERNAME_MAX}
            pattern="[a-z0-9](-?[a-z0-9])*"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            aria-describedby="username-hint"
            className="min-w-0 flex-1 rounded-md bg-transparent px-1 py-1 outline-none"
          />
        </div>
        <p id="username-hint" className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          {USERNAME_MIN}–{USERNAME_MAX} lowercase letters, digits and dashes. Shown on the papers you submit.
        </p>
      </div>
      <label className="flex max-w-md cursor-pointer gap-2 text-sm">
        <input
          type="checkbox"
          name="profilePrivate"
          defaultChecked={profilePrivate}
          className="mt-0.5 accent-amber-500"
        />
        <span>
          <span className="block font-medium">Keep my reading list private</span>
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">
            Others see that your page exists, but not the papers you upvoted. You still see it.
          </span>
        </span>
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Saving…" className="text-sm">
          Save profile
        </SubmitButton>
        <FormStatus
          state={state}
          saved={
            <>
              Saved. Your page is{" "}
              <Link href={userPath(current)} className="underline underline-offset-2">
                /users/{current}
              </Link>
              .
            </>
          }
          className="text-sm"
        />
      </div>
    </form>
  );
}
