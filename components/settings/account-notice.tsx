"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

/**
 * The confirmation after deleting an account: the action signs the reader out and lands on
 * `/?account=deleted`, and this line (in the header, so no page has to know) says it worked.
 */
export function AccountNotice() {
  const deleted = useSearchParams().get("account") === "deleted";
  const pathname = usePathname();
  const router = useRouter();
  if (!deleted) return null;
  return (
    <div className="border-t border-green-200 bg-green-50 text-green-900 dark:border-green-900 dark:bg-green-950 dark:text-green-100">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm">
        <p role="status">
          Your account is deleted: your upvotes, comments and email settings are gone, and no more digests will be sent.
        </p>
        <button
          type="button"
          onClick={() => router.replace(pathname)}
          className="rounded-md px-2 py-1 font-medium underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-amber-500"
        >
          Dismiss
        </button>
      </div>
    </div>
  );
}
