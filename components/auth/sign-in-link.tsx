"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { signInHref } from "@/lib/auth/pending-intent";

/** "Sign in", coming back to the current page afterwards. */
export function SignInLink() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const here = pathname.startsWith("/signin") ? "/" : `${pathname}${search ? `?${search}` : ""}`;
  return (
    <Link
      href={signInHref(here)}
      className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500 dark:bg-zinc-100 dark:text-zinc-900"
    >
      Sign in
    </Link>
  );
}
