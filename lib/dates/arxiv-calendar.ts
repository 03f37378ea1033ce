import "server-only";
import { addDays } from "@/lib/dates/days";

/**
 * arXiv's announcement calendar. arXiv announces new papers at 20:00 America/New_York on Sunday to
 * Thursday evenings; the listing it sends is dated the next day (Monday to Friday), which is the date
 * its feeds carry. There is no announcement on Friday or Saturday evenings, nor on the evenings of
 * arXiv's holidays. Days here are calendar dates in New York ("YYYY-MM-DD"), whatever the server's zone.
 *
 * The holidays are rules drawn from arXiv's published 2024 schedule (https://info.arxiv.org/help/availability.html),
 * which it repeats each year: Martin Luther King Jr. Day (third Monday of January), Juneteenth (19 June),
 * Independence Day (4 July), Labor Day (first Monday of September), Thanksgiving (fourth Thursday of
 * November), 25 and 26 December, 31 December, and New Year's Day. arXiv occasionally adds a one-off
 * closure; a pull on such a day that finds nothing is reported as unexpected, which is only a louder log line.
 */

/** arXiv's time zone: its announcement days and hours are New York's, and so are the import jobs' crons. */
export const ARXIV_TIME_ZONE = "America/New_York";
/** arXiv's announcement hour, New York time. */
export const ANNOUNCEMENT_HOUR = 20;

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** "Saturday" for "2024-11-30". */
export function weekdayOf(day: string): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[new Date(`${day}T12:00:00Z`).getUTCDay()]!;
}

/** The arXiv holiday `day` is, if any ("Thanksgiving"). */
export function arxivHoliday(day: string): string | undefined {
  const [year, month] = day.split("-").map(Number) as [number, number];
  const fixed: Record<string, string> = {
    "01-01": "New Year's Day",
    "06-19": "Juneteenth",
    "07-04": "Independence Day",
    "12-25": "Christmas",
    "12-26": "the day after Christmas",
    "12-31": "New Year's Eve",
  };
  const byDate = fixed[day.slice(5)];
  if (byDate) return byDate;
  if (month === 1 && day === nthWeekday(year, 1, 1, 3)) return "Martin Luther King Jr. Day";
  if (month === 9 && day === nthWeekday(year, 9, 1, 1)) return "Labor Day";
  if (month === 11 && day === nthWeekday(year, 11, 4, 4)) return "Thanksgiving";
  return undefined;
}

/** True when arXiv announces new papers on the evening of `day` (New York). */
export function isAnnouncementDay(day: string): boolean {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday <= 4 && arxivHoliday(day) === undefined;
}

/** "no arXiv announcement on 2024-11-30 (Saturday)", "… on 2024-11-28 (Thursday, Thanksgiving)". */
export function noAnnouncementMessage(day: string): string {
  const holiday = arxivHoliday(day);
  return `no arXiv announcement on ${day} (${weekdayOf(day)}${holiday ? `, ${holiday}` : ""})`;
}

const newYorkParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: ARXIV_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** The wall-clock fields (year, month, day, hour, minute, second) in New York at `date`. */
function newYorkFields(date: Date): Record<string, number> {
  return Object.fromEntries(
    newYorkParts
      .formatToParts(date)
      .filter((part) => part.type !== "literal")
      .map((part) => [part.type, Number(part.value)]),
  );
}

/** The day ("YYYY-MM-DD") it is in New York at `date`: arXiv's announcement day. */
export function arxivDayOf(date: Date): string {
  const { year = 0, month = 0, day = 0 } = newYorkFields(date);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The date and hour in New York at `now`. */
export function newYorkTime(now: Date): { day: string; hour: number } {
  return { day: arxivDayOf(now), hour: newYorkFields(now).hour ?? 0 };
}

/** 00:00 in New York on `day` ("YYYY-MM-DD"), as an instant: EST or EDT as the date falls. */
export function arxivDayStart(day: string): Date {
  const naive = new Date(`${day}T00:00:00.000Z`).getTime();
  // New York is 4 or 5 hours behind UTC; read the offset at that moment and correct for it.
  const fields = newYorkFields(new Date(naive + 5 * 3_600_000));
  const shown = Date.UTC(fields.year ?? 0, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour, fields.minute);
  const offset = shown - (naive + 5 * 3_600_000);
  return new Date(naive - offset);
}

/** The evening whose announcement a listing feed shows at `now`: today's once it is 20:00 in New York, else yesterday's. */
export function latestAnnouncementEvening(now: Date): string {
  const { day, hour } = newYorkTime(now);
  return hour >= ANNOUNCEMENT_HOUR ? day : addDays(day, -1);
}

/**
 * Why an empty listing feed at `now` is expected ("no arXiv announcement on … (Saturday)"), or undefined
 * when arXiv should have announced something. arXiv's feeds switch to a new listing some time between the
 * 20:00 announcement and midnight, so both the latest evening and the one before today's date are checked:
 * if either had no announcement, an empty feed is what arXiv serves.
 */
export function expectedEmptyReason(now: Date): string | undefined {
  const evening = latestAnnouncementEvening(now);
  const listingEve = addDays(newYorkTime(now).day, -1);
  for (const day of [evening, listingEve]) {
    if (!isAnnouncementDay(day)) return noAnnouncementMessage(day);
  }
  return undefined;
}

/** The `n`-th `weekday` (0 = Sunday) of `month` (1-12) in `year`, as "YYYY-MM-DD". */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const date = 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
  return `${year}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
}
