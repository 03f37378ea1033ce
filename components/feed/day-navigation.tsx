import { ButtonLink } from "@/components/ui/button-link";
import { withCategory } from "@/lib/papers/categories";
import { DatePicker } from "@/components/feed/date-picker";
import { formatDay } from "@/lib/dates/days";
import { dayPath } from "@/lib/urls";

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
        href={previousDay ? withCategory(dayPath(previousDay), category) : null}
        rel="prev"
        label={previousDay ? `Previous day with ${which}: ${formatDay(previousDay, "medium")}` : undefined}
      >
        ← Previous
      </ButtonLink>
      <DatePicker day={day} category={category} />
      <ButtonLink
        href={nextDay ? withCategory(dayPath(nextDay), category) : null}
        rel="next"
        label={nextDay ? `Next day with ${which}: ${formatDay(nextDay, "medium")}` : undefined}
      >
        Next →
      </ButtonLink>
    </div>
  );
}
