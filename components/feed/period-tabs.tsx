import { dayPath } from "@/lib/urls";
import Link from "next/link";
import { withCategory } from "@/lib/papers/categories";
import { isoWeekOf, monthOf } from "@/lib/dates/days";

type Period = "day" | "week" | "month" | "trending";

/** Daily / Weekly / Monthly / Trending switch, anchored on `day`; a category filter carries over. */
export function PeriodTabs({
  day,
  active,
  category = null,
}: {
  day: string;
  active: Period;
  category?: string | null;
}) {
  const tabs: { period: Period; label: string; href: string }[] = [
    { period: "day", label: "Daily", href: dayPath(day) },
    { period: "week", label: "Weekly", href: `/papers/week/${isoWeekOf(day)}` },
    { period: "month", label: "Monthly", href: `/papers/month/${monthOf(day)}` },
    { period: "trending", label: "Trending", href: "/papers/trending" },
  ];
  return (
    <nav
      aria-label="Period"
      className="inline-flex rounded-lg border border-zinc-200 p-0.5 text-sm dark:border-zinc-800"
    >
      {tabs.map((tab) => (
        <Link
          key={tab.period}
          href={withCategory(tab.href, category)}
          aria-current={tab.period === active ? "page" : undefined}
          className="tab"
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
