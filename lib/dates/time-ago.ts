const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago": how long before `now` `date` was. */
export function timeAgo(date: Date, now: Date = new Date()): string {
  const seconds = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  if (seconds < 45) return "just now";
  for (const [unit, size] of UNITS) {
    if (seconds >= size) return relative.format(-Math.floor(seconds / size), unit);
  }
  return relative.format(-Math.max(1, Math.round(seconds / 60)), "minute");
}

/**
 * "this hour", "5 hours ago", "3 days ago": how long before `now` `date` was, in whole hours up to two days and
 * whole days after. Trending ranks by hours since featured, so its cards count its way, never in minutes.
 */
export function hoursAgo(date: Date, now: Date): string {
  const hours = Math.max(0, Math.floor((now.getTime() - date.getTime()) / 3_600_000));
  return hours < 48 ? relative.format(-hours, "hour") : relative.format(-Math.floor(hours / 24), "day");
}

/** The exact time for a tooltip, in UTC since the server does not know the reader's zone: "2026-12-01 14:03 UTC". */
export function exactTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
