"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Suspense, useEffect } from "react";
import { SignInLink } from "@/components/auth/sign-in-link";
import { useViewer } from "@/components/hooks/use-viewer";
import { signOutAction } from "@/lib/auth/actions";
import { becomeGuest, newPageView } from "@/lib/client/viewer-store";

const avatarClass =
  "grid size-8 shrink-0 place-items-center rounded-full bg-amber-400 text-sm font-semibold text-zinc-950 uppercase focus-ring";

/**
 * The header's per-reader corner: avatar (settings) and sign-out (on phones, in Settings), or a sign-in link.
 * The reader is known in the browser (lib/client/viewer-store.ts); until then the server's mark decides
 * which placeholder shows (app/globals.css, `.viewer-member-only`), so the corner does not jump. Every page
 * view asks again (with the page's own questions, in one request): a session that ended elsewhere, a
 * sign-out from Settings, shows at the next page.
 */
export function UserMenu() {
  const viewer = useViewer();
  const pathname = usePathname();
  useEffect(() => newPageView(), [pathname]);
  if (viewer.status === "guest") {
    return (
      <Suspense fallback={null}>
        <SignInLink />
      </Suspense>
    );
  }
  if (viewer.status !== "member") {
    return (
      <>
        <span className="viewer-member-only">
          {viewer.status === "failed" ? (
            <Link href="/settings" aria-label="Your settings" className={avatarClass}>
              ?
            </Link>
          ) : (
            <span aria-hidden className="skeleton block size-8 shrink-0 rounded-full" />
          )}
        </span>
        <span className="viewer-guest-only">
          <Suspense fallback={null}>
            <SignInLink />
          </Suspense>
        </span>
      </>
    );
  }
  const label = viewer.user?.label ?? "You";
  return (
    <div className="flex shrink-0 items-center gap-1 sm:gap-2">
      <Link
        href="/settings"
        title={`Settings for ${label}`}
        aria-label={`Your settings (${label})`}
        className={avatarClass}
      >
        {label.slice(0, 1)}
      </Link>
      <form
        action={async () => {
          becomeGuest();
          await signOutAction();
        }}
        className="hidden sm:block"
      >
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
