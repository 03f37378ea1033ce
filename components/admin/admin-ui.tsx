import type { ReactNode } from "react";

/** The small buttons admin forms use; `danger` for what takes something away. */
export function AdminButton({
  children,
  name,
  value,
  danger = false,
  label,
  onClick,
}: {
  children: ReactNode;
  name?: string;
  value?: string;
  danger?: boolean;
  label?: string;
  /** Given (from a client component), the button only runs it and submits nothing. */
  onClick?: () => void;
}) {
  return (
    <button
      type={onClick ? "button" : "submit"}
      onClick={onClick}
      name={name}
      value={value}
      aria-label={label}
      className={`rounded-md border px-2.5 py-1 text-sm font-medium focus-ring disabled:opacity-50 ${
        danger
          ? "border-red-200 text-red-700 hover:border-red-400 dark:border-red-900 dark:text-red-300 dark:hover:border-red-700"
          : "border-zinc-200 text-zinc-800 hover:border-zinc-400 dark:border-zinc-700 dark:text-zinc-200 dark:hover:border-zinc-500"
      }`}
    >
      {children}
    </button>
  );
}

export const adminInput =
  "min-w-0 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900 dark:[color-scheme:dark]";
