import type { FormEvent, ReactNode, Ref } from "react";
import type { ActionResult } from "@/lib/actions/result";

/**
 * The parts every `useActionState` form of the site shares: a submit button that says it is working, an
 * onSubmit that ignores a second press, and an aria-live status line that says how it went.
 */

const primary =
  "rounded-md bg-zinc-900 px-4 py-2 font-medium text-white hover:bg-zinc-700 focus-ring aria-disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900";

/**
 * The form's primary button, reading `pendingLabel` while the action runs. It is never `disabled` (that
 * drops the keyboard focus to the page), only aria-disabled: pair it with {@link ignoreWhilePending}.
 * `className` adds to the dark primary look (width, text size, hover in dark mode).
 */
export function SubmitButton({
  pending,
  pendingLabel,
  className,
  ref,
  children,
}: {
  pending: boolean;
  pendingLabel: string;
  className?: string;
  ref?: Ref<HTMLButtonElement>;
  children: ReactNode;
}) {
  return (
    <button ref={ref} type="submit" aria-disabled={pending} className={className ? `${primary} ${className}` : primary}>
      {pending ? pendingLabel : children}
    </button>
  );
}

/**
 * The form's onSubmit: while the action runs, a second press is ignored (the button stays enabled so the
 * keyboard focus stays on it); otherwise `then` runs, if given, before the form posts.
 */
export function ignoreWhilePending(
  pending: boolean,
  then?: (event: FormEvent<HTMLFormElement>) => void,
): (event: FormEvent<HTMLFormElement>) => void {
  return (event) => {
    if (pending) return event.preventDefault();
    then?.(event);
  };
}

/**
 * The status line under a form: empty until the action answers, then its failure message in red, or
 * `saved` in green (forms without `saved` say nothing on success: they navigate or change the page).
 * Always rendered, so screen readers announce what appears in it. `className` sets its layout and size.
 */
export function FormStatus({
  state,
  saved,
  className,
}: {
  state: ActionResult | null;
  saved?: ReactNode;
  className: string;
}) {
  const green = saved !== undefined && !(state && !state.ok);
  return (
    <p
      role="status"
      aria-live="polite"
      className={`${className} ${green ? "text-green-700 dark:text-green-400" : "text-red-600 dark:text-red-400"}`}
    >
      {state ? (state.ok ? (saved ?? "") : state.message) : ""}
    </p>
  );
}
