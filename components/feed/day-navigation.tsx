import { ButtonLink } from "@/components/ui/button-link";
import { formatDay } from "@/lib/papers/dates";

/** Previous / next day that has papers, and a date picker that works without JavaScript. */
export function DayNavigation({
  day,
  previousDay,
  nextDay,
}: {
  day: string;
  previousDay: string | null;
  nextDay: string | null;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ButtonLink
        href={previousDay ? `/papers/date/${previousDay}` : null}
        rel="prev"
        label={previousDay ? `Previous day with papers: ${formatDay(previousDay, "medium")}` : undefined}
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
          required
          className="rounded-md border border-zinc-200 bg-transparent px-2 py-1 text-sm dark:border-zinc-700 dark:[color-scheme:dark]"
        />
        <button
          type="submit"
          className="rounded-md border border-zinc-200 px-3 py-1.5 text-sm font-medium hover:border-zinc-400 focus-visible:outline-2 focus-visible:outline-amber-500 dark:border-zinc-700"
        >
          Go
        </button>
      </form>
      <ButtonLink
        href={nextDay ? `/papers/date/${nextDay}` : null}
        rel="next"
        label={nextDay ? `Next day with papers: ${formatDay(nextDay, "medium")}` : undefined}
      >
        Next →
      </ButtonLink>
    </div>
  );
}
