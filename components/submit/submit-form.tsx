"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { dayPath, paperPath } from "@/lib/urls";
import { submitPaperAction } from "@/lib/submissions/actions";
import { MAX_REFERENCE_LENGTH, parseArxivReference, type SubmittedPaper } from "@/lib/submissions/schema";

type State = { result: ActionResult<SubmittedPaper>; paperId: string | null } | null;

const link = "font-medium underline underline-offset-2 hover:text-zinc-950 dark:hover:text-white";

/** The submit form: an arXiv id or link in, a sentence (and links) out, in an aria-live status line. */
export function SubmitForm({ initialReference }: { initialReference: string }) {
  const [reference, setReference] = useState(initialReference);
  const [state, action, pending] = useActionState<State, FormData>(async (_previous, formData) => {
    const raw = formData.get("reference");
    const paperId = typeof raw === "string" ? parseArxivReference(raw) : null;
    return { result: await submitPaperAction(formData), paperId };
  }, null);
  const result = state?.result;

  return (
    <form action={action} className="space-y-3">
      <label htmlFor="reference" className="block text-sm font-medium">
        arXiv id or link
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="reference"
          name="reference"
          value={reference}
          onChange={(event) => setReference(event.target.value)}
          required
          maxLength={MAX_REFERENCE_LENGTH}
          autoComplete="off"
          spellCheck={false}
          placeholder="2501.12948 or https://arxiv.org/abs/2501.12948"
          aria-describedby="reference-hint submit-status"
          className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white focus-ring hover:bg-zinc-700 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-white"
        >
          {pending ? "Submitting…" : "Submit"}
        </button>
      </div>
      <p id="reference-hint" className="text-xs text-zinc-500 dark:text-zinc-400">
        Accepts <code>2501.12948</code>, <code>arXiv:2501.12948v2</code>, <code>hep-th/9901001</code> and arxiv.org
        abstract or PDF links.
      </p>
      <div id="submit-status" role="status" aria-live="polite" className="text-sm">
        {pending ? (
          <span className="text-zinc-500 dark:text-zinc-400">
            Checking the paper (this can take a few seconds if arXiv is asked)…
          </span>
        ) : result?.ok ? (
          <p className="rounded-md border border-green-200 bg-green-50 p-3 text-green-900 dark:border-green-900 dark:bg-green-950 dark:text-green-100">
            Submitted: <strong>{result.title}</strong> is on today&apos;s list.{" "}
            <Link href={paperPath(result.paperId)} className={link}>
              Open the paper
            </Link>{" "}
            ·{" "}
            <Link href={dayPath(result.day)} className={link}>
              See today&apos;s list
            </Link>
          </p>
        ) : result ? (
          <p className="rounded-md border border-red-200 bg-red-50 p-3 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
            {result.message}
            {result.code === "ALREADY_SUBMITTED" && state?.paperId ? (
              <>
                {" "}
                <Link href={paperPath(state.paperId)} className={link}>
                  Open the paper
                </Link>
              </>
            ) : null}
          </p>
        ) : null}
      </div>
    </form>
  );
}
