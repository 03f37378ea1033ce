"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useSyncExternalStore } from "react";
import { FormStatus, SubmitButton, ignoreWhilePending } from "@/components/ui/form-status";
import { requestEmailSignIn } from "@/lib/auth/actions";
import { signInHref } from "@/lib/auth/sign-in-href";
import {
  parseSignInRequest,
  rememberSignInRequest,
  signInRequestSnapshot,
  subscribeToSignInRequest,
} from "@/lib/auth/sign-in-address";

/** When "Send another link" was pressed: module state, as the page is mounted afresh once the link is sent. */
let resentAt = 0;

function noteResend(): void {
  resentAt = Date.now();
}

/** Whether this mount follows a resend (once). */
function takeResend(): boolean {
  const recent = Date.now() - resentAt < 30_000;
  resentAt = 0;
  return recent;
}

const time = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit" });

/**
 * The check-your-email page's particulars: the address the link went to (remembered by the sign-in form in
 * this tab), when, and a button that sends another one. Opened elsewhere, it just offers to start again.
 * `emailed`: the link went to a real inbox (so the spam folder is worth a look).
 */
export function CheckEmailDetails({ emailed }: { emailed: boolean }) {
  const request = parseSignInRequest(useSyncExternalStore(subscribeToSignInRequest, signInRequestSnapshot, () => null));
  const [state, action, pending] = useActionState(requestEmailSignIn, null);
  const button = useRef<HTMLButtonElement>(null);

  // A sent link comes back as a navigation to this same page, which mounts it afresh with the focus on
  // the page: put the focus back on the button the reader pressed.
  useEffect(() => {
    if (takeResend()) button.current?.focus();
  }, []);

  if (!request) {
    return (
      <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">
        {emailed ? "No email?" : "Lost it?"}{" "}
        <Link href="/signin" className="font-medium text-zinc-900 underline underline-offset-2 dark:text-zinc-100">
          Ask for a new link
        </Link>
        .
      </p>
    );
  }
  return (
    <div className="mt-6 space-y-3 text-sm">
      <p className="text-zinc-600 dark:text-zinc-400">
        {emailed ? "Sent to" : "For"} <strong className="text-zinc-900 dark:text-zinc-100">{request.email}</strong> at{" "}
        <time dateTime={new Date(request.at).toISOString()}>{time.format(request.at)}</time>.
        {emailed ? " Nothing after a few minutes? Check your spam folder, or:" : ""}
      </p>
      <form
        action={action}
        onSubmit={ignoreWhilePending(pending, () => {
          noteResend();
          rememberSignInRequest(request.email, request.callbackUrl);
        })}
        className="flex flex-wrap items-center justify-center gap-3"
      >
        <input type="hidden" name="email" value={request.email} />
        <input type="hidden" name="callbackUrl" value={request.callbackUrl} />
        <SubmitButton ref={button} pending={pending} pendingLabel="Sending…" className="dark:hover:bg-white">
          Send another link
        </SubmitButton>
        <Link href={signInHref(request.callbackUrl)} className="font-medium underline underline-offset-2">
          Use another address
        </Link>
      </form>
      <FormStatus state={state} className="min-h-5" />
    </div>
  );
}
