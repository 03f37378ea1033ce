"use client";

import { useActionState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/result";

type AdminActionResult = ActionResult<{ message: string }>;

/**
 * A form posting to one admin server action, with its outcome in an aria-live status line. The fields
 * and buttons come as children; a button's name/value (intent=hide…) is posted with the form.
 */
export function ActionForm({
  action,
  children,
  label,
  className = "",
}: {
  action: (input: FormData) => Promise<AdminActionResult>;
  children: ReactNode;
  label: string;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState<AdminActionResult | null, FormData>(
    (_previous, formData) => action(formData),
    null,
  );
  return (
    <form action={formAction} aria-label={label} className={className}>
      <fieldset disabled={pending} className="contents">
        {children}
      </fieldset>
      <p
        role="status"
        aria-live="polite"
        className={`basis-full text-xs ${state && !state.ok ? "text-red-600 dark:text-red-400" : "text-green-700 dark:text-green-400"}`}
      >
        {pending ? "Working…" : state ? state.message : ""}
      </p>
    </form>
  );
}
