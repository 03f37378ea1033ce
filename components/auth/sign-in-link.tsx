"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { signInHref } from "@/lib/auth/sign-in-href";

/** "Sign in", coming back to the current page afterwards. */
export function SignInLink() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const here = pathname.startsWith("/signin") ? "/" : `${pathname}${search ? `?${search}` : ""}`;
  return (
    <Link
      href={signInHref(here)}
      className="shrink-0 rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium whitespace-nowrap text-white focus-ring hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900"
    >
      Sign in
    </Link>
  );
}
