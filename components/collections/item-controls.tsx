"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { moveItemAction, removeFromCollectionAction, setItemNoteAction } from "@/lib/collections/actions";
import { COLLECTION_TEXT_MAX, type Move } from "@/lib/collections/schema";

const small =
  "rounded-md border border-zinc-200 px-2 py-0.5 text-xs font-medium text-zinc-700 focus-ring hover:border-zinc-400 aria-disabled:opacity-50 dark:border-zinc-700 dark:text-zinc-300 dark:hover:border-zinc-500";

/** The four moves, and the end of the list where each has nowhere to go. */
const MOVE_BUTTONS: { move: Move; text: string; label: string; atEnd: "first" | "last" }[] = [
  { move: "up", text: "↑", label: "up", atEnd: "first" },
  { move: "down", text: "↓", label: "down", atEnd: "last" },
  { move: "top", text: "Top", label: "to the top", atEnd: "first" },
  { move: "bottom", text: "Bottom", label: "to the bottom", atEnd: "last" },
];

/**
 * The owner's controls under a paper of their collection: move it up, down, to the top or the bottom, take it
 * out, and write its note (Markdown with math, as in comments). Each is one server action, then the page's
 * data again (no reload).
 */
export function ItemControls({
  collectionId,
  paperId,
  title,
  note,
  first,
  last,
}: {
  collectionId: string;
  paperId: string;
  /** The paper's title as plain text, for the buttons' accessible names. */
  title: string;
  note: string;
  first: boolean;
  last: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState("");

  function run(action: () => Promise<{ ok: true } | { ok: false; message: string }>, done?: () => void) {
    if (pending) return;
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setStatus(result.message);
        return;
      }
      setStatus("");
      done?.();
      router.refresh();
    });
  }

  const move = (to: Move) => run(() => moveItemAction({ collectionId, paperId, move: to }));

  function saveNote(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get("note") ?? "");
    run(
      () => setItemNoteAction({ collectionId, paperId, note: text }),
      () => setEditing(false),
    );
  }

  return (
    <div className="mt-2 space-y-2">
      <div className="flex flex-wrap items-center gap-2" aria-busy={pending}>
        {MOVE_BUTTONS.map(({ move: to, text, label, atEnd }) => {
          const stuck = atEnd === "first" ? first : last;
          return (
            <button
              key={to}
              type="button"
              className={small}
              aria-disabled={stuck}
              aria-label={`Move “${title}” ${label}`}
              onClick={() => !stuck && move(to)}
            >
              {text}
            </button>
          );
        })}
        <button type="button" className={small} aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {note ? "Edit note" : "Add note"}
        </button>
        <button
          type="button"
          className={small}
          aria-label={`Take “${title}” out of the collection`}
          onClick={() => run(() => removeFromCollectionAction({ collectionId, paperId }))}
        >
          Remove
        </button>
        <span role="status" aria-live="polite" className="text-xs text-red-700 dark:text-red-400">
          {status}
        </span>
      </div>
      {editing ? (
        <form onSubmit={saveNote} className="space-y-2">
          <label className="block text-xs font-medium" htmlFor={`note-${paperId}`}>
            Your note (Markdown, $math$)
          </label>
          <textarea
            id={`note-${paperId}`}
            name="note"
            defaultValue={note}
            maxLength={COLLECTION_TEXT_MAX}
            rows={3}
            autoFocus
            className="block w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-amber-500 dark:border-zinc-700 dark:bg-zinc-900"
          />
          <div className="flex gap-2">
            <button type="submit" className={small} aria-disabled={pending}>
              Save note
            </button>
            <button type="button" className={small} onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
