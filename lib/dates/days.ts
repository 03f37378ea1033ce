/**
 * Calendar days of the daily list. A day is a UTC date, carried as "YYYY-MM-DD" in URLs and as a Date at
 * 00:00 UTC in queries; nothing here depends on the server's time zone.
 */
/** One UTC day in milliseconds. */
export const DAY_MS = 86_400_000;
/** arXiv's first papers; nothing can have been featured before. */
export const EARLIEST_DAY = "1991-08-01";

export function toDayString(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Start of the UTC day containing `date`. */
export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function addDays(day: string, days: number): string {
  return toDayString(new Date(dayToDate(day).getTime() + days * DAY_MS));
}

export function today(now: Date = new Date()): string {
  return toDayString(now);
}

/** True when `day` is between arXiv's start and tomorrow (UTC), where a daily list can exist. */
export function isPlausibleDay(day: string, now: Date = new Date()): boolean {
  return day >= EARLIEST_DAY && day <= addDays(today(now), 1);
}

/** arXiv's first year. */
export const EARLIEST_YEAR = 1991;

/**
 * True when `year` is one a paper could have been featured in: from arXiv's start to next year (UTC).
 * Outside it, dates only cause trouble: year 0 does not exist in PostgreSQL, and JS turns years 0–99 into
 * 1900–1999.
 */
export function isPlausibleYear(year: number, now: Date = new Date()): boolean {
  return Number.isInteger(year) && year >= EARLIEST_YEAR && year <= now.getUTCFullYear() + 1;
}

/** "YYYY-MM-DD" when `raw` is a real calendar date in a plausible year, else null ("2025-13-40", "0000-01-01"). */
export function parseDay(raw: string, now: Date = new Date()): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || !isPlausibleYear(Number(raw.slice(0, 4)), now)) return null;
  const date = dayToDate(raw);
  return !Number.isNaN(date.getTime()) && toDayString(date) === raw ? raw : null;
}

export interface DayRange {
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

/**
 * The Monday-to-Sunday range of ISO week "YYYY-Www", or null when malformed, nonexistent or in an
 * implausible year.
 */
export function parseIsoWeek(raw: string, now: Date = new Date()): DayRange | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(raw);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (week < 1 || week > 53 || !isPlausibleYear(year, now)) return null;
  // ISO week 1 is the week with the year's first Thursday; Jan 4th is always in it.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week1Monday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS;
  const monday = new Date(week1Monday + (week - 1) * 7 * DAY_MS);
  const range = { from: toDayString(monday), to: toDayString(new Date(monday.getTime() + 6 * DAY_MS)) };
  return isoWeekOf(range.from) === raw ? range : null;
}

/** The ISO week "YYYY-Www" that `day` belongs to. */
export function isoWeekOf(day: string): string {
  const date = dayToDate(day);
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The days of month "YYYY-MM", or null when malformed or in an implausible year ("0001-01"). */
export function parseMonth(raw: string, now: Date = new Date()): DayRange | null {
  const match = /^(\d{4})-(\d{2})$/.exec(raw);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12 || !isPlausibleYear(year, now)) return null;
  const last = new Date(Date.UTC(year, month, 0));
  return { from: `${raw}-01`, to: toDayString(last) };
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/**
 * A day as people read it, in English (UTC, like the day itself): "Sunday, November 22, 2026" (full),
 * "November 22, 2026" (long), "Nov 22, 2026" (medium).
 */
export function formatDay(day: string, style: "full" | "long" | "medium" = "full"): string {
  return dayToDate(day).toLocaleDateString("en-US", { dateStyle: style, timeZone: "UTC" });
}
