// How the home screen says when a workbook was last edited.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** Start of the local calendar day containing `d`. */
function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/**
 * "just now", "5 minutes ago", "3 hours ago", "yesterday", "3 days ago", "2 weeks ago",
 * "4 months ago", "2 years ago". Days count calendar days, so last night at 23:00 is
 * "yesterday" at 08:00 this morning. A time in the future (a clock that moved) reads "just now".
 */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return "at an unknown time";
  const elapsed = now.getTime() - then.getTime();
  if (elapsed < MINUTE) return "just now";
  if (elapsed < HOUR) return relative.format(-Math.floor(elapsed / MINUTE), "minute");
  const days = Math.round((startOfDay(now) - startOfDay(then)) / DAY);
  if (days === 0) return relative.format(-Math.floor(elapsed / HOUR), "hour");
  if (days < 7) return relative.format(-days, "day");
  if (days < 31) return relative.format(-Math.floor(days / 7), "week");
  if (days < 365) return relative.format(-Math.max(1, Math.floor(days / 30.44)), "month");
  return relative.format(-Math.floor(days / 365), "year");
}
