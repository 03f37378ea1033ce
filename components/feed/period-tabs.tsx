import Link from "next/link";
import { isoWeekOf, monthOf } from "@/lib/papers/dates";

type Period = "day" | "week" | "month" | "trending";

/** Daily / Weekly / Monthly / Trending switch, anchored on `day`. */
export function PeriodTabs({ day, active }: { day: string; active: Period }) {
  const tabs: { period: Period; label: string; href: string }[] = [
    { period: "day", label: "Daily", href: `/papers/date/${day}` },
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
          href={tab.href}
          aria-current={tab.period === active ? "page" : undefined}
          className="rounded-md px-3 py-1 text-zinc-600 hover:text-zinc-950 focus-visible:outline-2 focus-visible:outline-amber-500 aria-[current=page]:bg-zinc-900 aria-[current=page]:text-white dark:text-zinc-400 dark:hover:text-white dark:aria-[current=page]:bg-zinc-100 dark:aria-[current=page]:text-zinc-900"
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
