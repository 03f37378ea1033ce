import { addDays, EARLIEST_DAY, today } from "@/lib/dates/days";

/**
 * "Go to date": a GET form to /papers/date (works without JavaScript), keeping a category filter. The browser
 * refuses days no list can have (before arXiv, after tomorrow) with its own message; a browser that does not
 * (or an edited address) gets /papers/date's.
 */
export function DatePicker({ day, category = null }: { day?: string; category?: string | null }) {
  return (
    <form action="/papers/date" method="get" className="flex items-center gap-1">
      <label htmlFor="day-picker" className="sr-only">
        Go to date
      </label>
      <input
        id="day-picker"
        type="date"
        name="d"
        defaultValue={day}
        min={EARLIEST_DAY}
        max={addDays(today(), 1)}
        required
        className="rounded-md border border-zinc-200 bg-transparent px-2 py-1 text-sm dark:border-zinc-700 dark:[color-scheme:dark]"
      />
      {category ? <input type="hidden" name="category" value={category} /> : null}
      <button
        type="submit"
        className="rounded-md border border-zinc-200 px-3 py-1.5 text-sm font-medium hover:border-zinc-400 focus-visible:outline-2 focus-visible:outline-amber-500 dark:border-zinc-700"
      >
        Go
      </button>
    </form>
  );
}
