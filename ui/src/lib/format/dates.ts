import type { DateOrder } from "../backend";

// The one way the screens write a date: in the user's locale (the order of day, month and year
// the system is set to), with the month as a word so 04/12 can never be misread, and never
// broken across lines. ISO dates stay only where a
// machine reads them (datetime attributes, stored values). A date is one unbreakable piece:
// its spaces are no-break spaces, so "4 Dec 2026" never wraps as "4 / Dec 2026".

/** The locale the system gives the window; the tests pin it. */
export function userLocale(): string | undefined {
  return typeof navigator === "undefined" ? undefined : usableLocale(navigator.language);
}

/**
 * A system locale as Intl takes it: "en_GB.UTF-8" becomes "en-GB"; the POSIX "C" locale, or
 * anything Intl cannot read, becomes undefined (Intl's own default), never an error.
 */
export function usableLocale(tag: string | null | undefined): string | undefined {
  const cleaned = (tag ?? "").split(/[.@]/)[0]!.replace(/_/g, "-").trim();
  if (cleaned === "" || cleaned === "C" || cleaned === "POSIX") return undefined;
  try {
    return Intl.getCanonicalLocales(cleaned)[0];
  } catch {
    return undefined;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(options: Intl.DateTimeFormatOptions, locale = userLocale()): Intl.DateTimeFormat {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(usableLocale(locale), options);
    formats.set(key, f);
  }
  return f;
}

/** A calendar date "2026-03-14" as "14 Mar 2026" (or "Mar 14, 2026" where that is the custom). */
export function displayDate(iso: string | null | undefined, locale = userLocale()): string {
  if (!iso) return "—";
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  // A calendar date has no time zone: read and write it as UTC so it never shifts a day.
  return format({ day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }, locale)
    .format(new Date(Date.UTC(y, m - 1, d)))
    .replace(/\s/g, "\u00a0");
}

/** A moment "2026-03-14T14:05:00Z" as the same date style with the local time: "Sat, 14 Mar 2026, 14:05". */
export function displayDateTime(iso: string, locale = userLocale()): string {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  return format(
    { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" },
    locale,
  ).format(moment);
}

/**
 * The order in which `locale` writes day, month and year, read from Intl. The back end writes
 * the dates in its sentences (validation messages, KPI explanations, roadmap flags) in this
 * order, so they read like the dates around them.
 */
export function dateOrder(locale = userLocale()): DateOrder {
  const parts = format({ day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }, locale)
    .formatToParts(new Date(Date.UTC(2026, 10, 5)))
    .map((p) => p.type)
    .filter((t) => t === "day" || t === "month" || t === "year");
  if (parts[0] === "year") return "YearMonthDay";
  if (parts[0] === "month") return "MonthDayYear";
  return "DayMonthYear";
}
