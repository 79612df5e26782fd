import { describe, expect, it } from "vitest";
import { dateOrder, displayDate as unbroken, displayDateTime, usableLocale } from "./dates";

/** The date with its no-break spaces read as plain spaces. */
const displayDate = (iso: string | null, locale?: string) => unbroken(iso, locale).replace(/\u00a0/g, " ");

describe("displayDate", () => {
  it("writes the month as a word, in the order of the locale", () => {
    expect(displayDate("2026-03-14", "en-GB")).toBe("14 Mar 2026");
    expect(displayDate("2026-03-14", "en-US")).toBe("Mar 14, 2026");
    expect(displayDate("2026-12-04", "de-DE")).toMatch(/^4\. Dez\.? 2026$/);
  });

  it("never shifts a calendar date by a time zone", () => {
    expect(displayDate("2026-01-01", "en-GB")).toBe("1 Jan 2026");
    expect(displayDate("2026-12-31", "en-GB")).toBe("31 Dec 2026");
  });

  it("never breaks a date across lines", () => {
    expect(unbroken("2026-12-04", "en-GB")).toBe("4\u00a0Dec\u00a02026");
    expect(unbroken("2026-12-04", "en-US")).not.toMatch(/\s(?<!\u00a0)/);
  });

  it("says so when there is no date, and shows what it cannot read as it is", () => {
    expect(displayDate(null)).toBe("—");
    expect(displayDate("")).toBe("—");
    expect(displayDate("soon")).toBe("soon");
  });
});

describe("displayDateTime", () => {
  it("names the day, the date in the same style, and the time", () => {
    const text = displayDateTime(new Date(2025, 2, 3, 14, 5).toISOString(), "en-GB");
    expect(text).toContain("3 Mar 2025");
    expect(text).toContain("Mon");
    expect(text).toContain("14:05");
  });

  it("shows what it cannot read as it is", () => {
    expect(displayDateTime("not a moment")).toBe("not a moment");
  });
});

describe("usableLocale", () => {
  it("reads what a system gives, and never fails on the POSIX locale", () => {
    expect(usableLocale("en_GB.UTF-8")).toBe("en-GB");
    expect(usableLocale("de-DE")).toBe("de-DE");
    expect(usableLocale("C")).toBeUndefined();
    expect(usableLocale("C.UTF-8")).toBeUndefined();
    expect(usableLocale("not a locale!")).toBeUndefined();
    expect(usableLocale("")).toBeUndefined();
    expect(() => displayDate("2026-03-14", "C")).not.toThrow();
    expect(displayDate("2026-03-14", "C")).toMatch(/2026/);
  });
});

describe("dateOrder", () => {
  it("reads the order of day, month and year the locale writes", () => {
    expect(dateOrder("en-GB")).toBe("DayMonthYear");
    expect(dateOrder("de-DE")).toBe("DayMonthYear");
    expect(dateOrder("en-US")).toBe("MonthDayYear");
    expect(dateOrder("ja-JP")).toBe("YearMonthDay");
    expect(dateOrder("hu-HU")).toBe("YearMonthDay");
  });
});
