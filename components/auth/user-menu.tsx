import Link from "next/link";
import { Suspense } from "react";
import { SignInLink } from "@/components/auth/sign-in-link";
import { signOutAction } from "@/lib/auth/actions";
import type { CurrentUser } from "@/lib/auth/session";

/** The header's per-reader corner: avatar (settings) and sign-out (on phones, in Settings), or a sign-in link. */
export function UserMenu({ user }: { user: CurrentUser | null }) {
  if (!user) {
    return (
      <Suspense fallback={null}>
        <SignInLink />
      </Suspense>
    );
  }
  const label = user.name ?? user.username ?? user.email ?? "You";
  return (
    <div className="flex shrink-0 items-center gap-1 sm:gap-2">
      <Link
        href="/settings"
        title={`Settings for ${label}`}
        aria-label={`Your settings (${label})`}
        className="grid size-8 shrink-0 place-items-center rounded-full bg-amber-400 text-sm font-semibold text-zinc-950 uppercase focus-ring"
      >
        {label.slice(0, 1)}
      </Link>
      <form action={signOutAction} className="hidden sm:block">
        <button
          type="submit"
          className="rounded-md px-2 py-1 text-sm whitespace-nowrap text-zinc-600 hover:text-zinc-950 focus-visible:outline-2 focus-visible:outline-amber-500 dark:text-zinc-400 dark:hover:text-white"
        >
          Sign out
        </button>
      </form>
    </div>
  );
}
