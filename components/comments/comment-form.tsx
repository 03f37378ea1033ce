"use client";

import { useEffect, useId, useRef, useState, useTransition, type FormEvent, type KeyboardEvent } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { COMMENT_MAX } from "@/lib/comments/schema";

const UNREACHABLE = "Could not reach Daily Papers; nothing was saved. Try again in a moment.";

export const buttonClass =
  "rounded-md px-3 py-1.5 text-sm font-medium focus-ring disabled:cursor-wait disabled:opacity-70";
export const primaryButtonClass = `${buttonClass} bg-zinc-900 text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300`;
export const dangerButtonClass = `${buttonClass} bg-red-700 text-white hover:bg-red-800 dark:hover:bg-red-600`;
export const secondaryButtonClass = `${buttonClass} border border-zinc-300 hover:border-zinc-500 dark:border-zinc-700 dark:hover:border-zinc-500`;

/**
 * The comment box, for a new comment, a reply or an edit: a textarea with the Markdown hint, a submit
 * button that says when it is working, and a status line (aria-live) for refusals. Ctrl/⌘+Enter submits,
 * Escape cancels (when there is something to cancel). The text stays until the server accepts it.
 */
export function CommentForm({
  label,
  submitLabel,
  pendingLabel,
  initialBody = "",
  autoFocus = false,
  onSubmit,
  onDone,
  onCancel,
}: {
  /** The textarea's accessible name ("Write a comment", "Reply to Alice", "Edit your comment"). */
  label: string;
  submitLabel: string;
  pendingLabel: string;
  initialBody?: string;
  autoFocus?: boolean;
  onSubmit: (body: string) => Promise<ActionResult>;
  /** Called after the server accepted the text. */
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const { body, setBody, error, pending, textarea, submit, onKeyDown } = useCommentDraft({
    initialBody,
    autoFocus,
    onSubmit,
    onDone,
    onCancel,
  });
  const id = useId();

  return (
    <form onSubmit={submit} className="space-y-2" aria-busy={pending}>
      <label htmlFor={`${id}-body`} className="sr-only">
        {label}
      </label>
      <textarea
        ref={textarea}
        id={`${id}-body`}
        name="body"
        value={body}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={onKeyDown}
        readOnly={pending}
        rows={4}
        placeholder={label}
        aria-describedby={`${id}-hint ${id}-status`}
        aria-invalid={error ? true : undefined}
        className="block min-h-24 w-full resize-y rounded-lg border border-zinc-300 bg-white px-3 py-2 text-[0.9375rem] leading-relaxed placeholder:text-zinc-500 read-only:opacity-70 focus:border-amber-500 focus:outline-2 focus:outline-amber-500/40 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-400"
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <CommentHint id={`${id}-hint`} length={body.trim().length} />
        <div className="flex gap-2">
          {onCancel ? (
            <button type="button" onClick={onCancel} disabled={pending} className={secondaryButtonClass}>
              Cancel
            </button>
          ) : null}
          <button type="submit" disabled={pending} className={primaryButtonClass}>
            {pending ? pendingLabel : submitLabel}
          </button>
        </div>
      </div>
      <p
        id={`${id}-status`}
        role="status"
        aria-live="polite"
        className={error ? "text-sm text-red-700 dark:text-red-400" : "sr-only"}
      >
        {error ?? (pending ? pendingLabel : "")}
      </p>
    </form>
  );
}

/**
 * The comment box's text and its sending: an empty text is refused before it is sent, a refusal or an
 * unreachable server keeps the text with a message, an accepted one clears it and calls `onDone`.
 * Ctrl/⌘+Enter submits; Escape cancels when `onCancel` is given and nothing is being sent.
 */
function useCommentDraft({
  initialBody,
  autoFocus,
  onSubmit,
  onDone,
  onCancel,
}: {
  initialBody: string;
  autoFocus: boolean;
  onSubmit: (body: string) => Promise<ActionResult>;
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const [body, setBody] = useState(initialBody);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!autoFocus || !textarea.current) return;
    const element = textarea.current;
    element.focus();
    // The caret after any prefilled text ("@alice ").
    element.setSelectionRange(element.value.length, element.value.length);
  }, [autoFocus]);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (pending) return;
    if (body.trim() === "") {
      setError("Write something first: the comment is empty.");
      textarea.current?.focus();
      return;
    }
    startTransition(async () => {
      let result: ActionResult;
      try {
        result = await onSubmit(body);
      } catch {
        setError(UNREACHABLE);
        return;
      }
      if (result.ok) {
        setError(null);
        setBody("");
        onDone?.();
      } else {
        setError(result.message);
        textarea.current?.focus();
      }
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) submit();
    else if (event.key === "Escape" && onCancel && !pending) {
      event.preventDefault();
      onCancel();
    }
  }

  return { body, setBody, error, pending, textarea, submit, onKeyDown };
}

/** What the box accepts, and from 80% of the limit on, how much of it the text uses (red past it). */
function CommentHint({ id, length }: { id: string; length: number }) {
  return (
    <p id={id} className="text-xs text-zinc-600 dark:text-zinc-400">
      Markdown and $math$ supported
      {length > COMMENT_MAX * 0.8 ? (
        <span className={length > COMMENT_MAX ? "font-medium text-red-700 dark:text-red-400" : undefined}>
          {" "}
          · {length.toLocaleString("en-US")} / {COMMENT_MAX.toLocaleString("en-US")}
        </span>
      ) : null}
    </p>
  );
}
