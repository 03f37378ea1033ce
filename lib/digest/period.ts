import "server-only";
import { addDays, formatDay, isoWeekOf, parseDay, parseIsoWeek, type DayRange } from "@/lib/dates/days";

export type DigestPeriodName = "daily" | "weekly";

export interface DigestPeriodSpec {
  period: DigestPeriodName;
  /** "2026-11-22" (daily) or "2026-W47" (weekly): the ledger key, one delivery per user and key. */
  key: string;
  /** The featured days whose papers the digest covers. */
  range: DayRange;
  /** "Sunday, November 22, 2026" or "the week of November 16, 2026" */
  label: string;
}

/**
 * The period a digest covers: a daily digest the day `day`, a weekly one the ISO week containing `day`.
 * Scheduled runs pass yesterday, so a digest always covers a finished day or week.
 */
export function digestPeriod(period: DigestPeriodName, day: string): DigestPeriodSpec {
  if (!parseDay(day)) throw new Error(`Not a date: ${day}`);
  if (period === "daily") {
    return { period, key: day, range: { from: day, to: day }, label: formatDay(day, "full") };
  }
  const key = isoWeekOf(day);
  const range = parseIsoWeek(key)!;
  return { period, key, range, label: `the week of ${formatDay(range.from, "long")}` };
}

/** The period a scheduled run at `now` sends: the previous UTC day, or the ISO week that ended. */
export function previousPeriod(period: DigestPeriodName, now: Date = new Date()): DigestPeriodSpec {
  const yesterday = addDays(now.toISOString().slice(0, 10), -1);
  return digestPeriod(period, yesterday);
}
