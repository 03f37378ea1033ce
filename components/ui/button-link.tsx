import Link from "next/link";
import type { ReactNode } from "react";

const base = "inline-flex items-center gap-1 rounded-md border px-3 py-1.5 text-sm font-medium focus-ring";
const enabled = "border-zinc-200 hover:border-zinc-400 dark:border-zinc-700 dark:hover:border-zinc-500";
const disabled = "cursor-not-allowed border-zinc-100 text-zinc-400 dark:border-zinc-800 dark:text-zinc-600";

/** A link styled as a button, or an inert look-alike when there is nowhere to go. */
export function ButtonLink({
  href,
  children,
  rel,
  label,
}: {
  href: string | null;
  children: ReactNode;
  rel?: string;
  label?: string;
}) {
  if (!href) {
    return (
      <span aria-disabled="true" className={`${base} ${disabled}`}>
        {children}
      </span>
    );
  }
  return (
    <Link href={href} rel={rel} aria-label={label} className={`${base} ${enabled}`}>
      {children}
    </Link>
  );
}
