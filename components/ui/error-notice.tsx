import { UNAVAILABLE_DIGEST, UNAVAILABLE_TEXT, UNAVAILABLE_TITLE } from "@/lib/db/unavailable";

/**
 * What an error boundary (app/error.tsx, app/global-error.tsx) says. A database outage (its errors carry
 * `UNAVAILABLE_DIGEST`, see lib/db/create-client.ts) says so calmly; anything else is a bug, logged on the
 * server, and gets the boundary's `apology`. Never a stack: production builds do not send one. The
 * boundary wraps it in its own alert; `textClassName` lays out the sentence within it.
 */
export function ErrorNotice({
  error,
  reset,
  apology,
  retry,
  textClassName,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  apology: { title: string; text: string };
  /** The button that calls `reset` ("Try again"). */
  retry: string;
  textClassName: string;
}) {
  const outage = error.digest === UNAVAILABLE_DIGEST;
  return (
    <>
      <h1 className="text-2xl font-semibold">{outage ? UNAVAILABLE_TITLE : apology.title}</h1>
      <p className={`${textClassName} text-zinc-600 dark:text-zinc-400`}>{outage ? UNAVAILABLE_TEXT : apology.text}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-zinc-900 px-4 py-2 text-sm text-white dark:bg-zinc-100 dark:text-zinc-900"
      >
        {retry}
      </button>
    </>
  );
}
