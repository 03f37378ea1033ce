"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { paperPath } from "@/lib/urls";
import { submitPaperAction } from "@/lib/submissions/actions";

type Outcome = { kind: "listed" | "error"; message: string } | null;

/** "Submit to today's list" on a card of "New on arXiv": one click, then a link to the paper or a sentence. */
export function SubmitPaperButton({ paperId, title }: { paperId: string; title: string }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();

  function submit() {
    startTransition(async () => {
      const result = await submitPaperAction({ reference: paperId });
      if (result.ok) setOutcome({ kind: "listed", message: "Submitted to today's list." });
      // Someone was quicker: the paper is on a list all the same, and the sentence says whose.
      else setOutcome({ kind: result.code === "ALREADY_SUBMITTED" ? "listed" : "error", message: result.message });
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {outcome?.kind === "listed" ? (
        <Link
          href={paperPath(paperId)}
          className="rounded-md bg-green-100 px-3 py-1.5 text-sm font-medium text-green-900 hover:underline focus-visible:outline-2 focus-visible:outline-amber-500 dark:bg-green-950 dark:text-green-100"
        >
          On the list
        </Link>
      ) : (
        <button
          type="button"
          onClick={submit}
          disabled={pending}
          className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white focus-ring hover:bg-zinc-700 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-white"
        >
          {pending ? "Submitting…" : "Submit to today's list"}
          {/* The name starts with the visible words (axe's label-in-name) and says which paper. */}
          <span className="sr-only">: “{title.slice(0, 80)}”</span>
        </button>
      )}
      <span
        role="status"
        aria-live="polite"
        className={
          outcome?.kind === "error"
            ? "text-xs text-red-600 dark:text-red-400"
            : "text-xs text-zinc-600 dark:text-zinc-400"
        }
      >
        {outcome?.message}
      </span>
    </div>
  );
}
