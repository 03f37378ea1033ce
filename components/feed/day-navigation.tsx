import { ButtonLink } from "@/components/ui/button-link";
import { withCategory } from "@/lib/papers/categories";
import { addDays, EARLIEST_DAY, formatDay, today } from "@/lib/papers/dates";

/**
 * Previous / next day that has papers (in `category`, when the day is filtered, and the links keep the
 * filter), and a date picker that works without JavaScript.
 */
export function DayNavigation({
  day,
  previousDay,
  nextDay,
  category = null,
}: {
  day: string;
  previousDay: string | null;
  nextDay: string | null;
  category?: string | null;
}) {
  const which = category ? `${category} papers` : "papers";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ButtonLink
        href={previousDay ? withCategory(`/papers/date/${previousDay}`, category) : null}
        rel="prev"
        label={previousDay ? `Previous day with ${which}: ${formatDay(previousDay, "medium")}` : undefined}
      >
        ← Previous
      </ButtonLink>
      <form action="/papers/date" method="get" className="flex items-center gap-1">
        <label htmlFor="day-picker" className="sr-only">
          Go to date
        </label>
        <input
          id="day-picker"
          type="date"
          name="d"
          defaultValue={day}
          // The browser refuses days no list can have (before arXiv, after tomorrow) with its own message.
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
      <ButtonLink
        href={nextDay ? withCategory(`/papers/date/${nextDay}`, category) : null}
        rel="next"
        label={nextDay ? `Next day with ${which}: ${formatDay(nextDay, "medium")}` : undefined}
      >
        Next →
      </ButtonLink>
    </div>
  );
}
