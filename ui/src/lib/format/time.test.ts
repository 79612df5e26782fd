import { describe, expect, it } from "vitest";
import { relativeTime } from "./time";

// A fixed local "now": Wednesday 12 March 2025, 14:00 local time.
const now = new Date(2025, 2, 12, 14, 0, 0);
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("relativeTime", () => {
  it.each([
    [ago(10_000), "just now"],
    [ago(5 * MIN), "5 minutes ago"],
    [ago(59 * MIN), "59 minutes ago"],
    [ago(3 * HOUR), "3 hours ago"],
    [new Date(2025, 2, 11, 23, 0).toISOString(), "yesterday"],
    [ago(3 * DAY), "3 days ago"],
    [ago(8 * DAY), "last week"],
    [ago(20 * DAY), "2 weeks ago"],
    [ago(45 * DAY), "last month"],
    [ago(120 * DAY), "3 months ago"],
    [ago(400 * DAY), "last year"],
    [ago(3 * 365 * DAY), "3 years ago"],
  ])("%s reads as %s", (iso, expected) => {
    expect(relativeTime(iso, now)).toBe(expected);
  });

  it("counts calendar days: last night is yesterday even if under 24 hours ago", () => {
    const morning = new Date(2025, 2, 12, 8, 0);
    expect(relativeTime(new Date(2025, 2, 11, 23, 30).toISOString(), morning)).toBe("yesterday");
  });

  it("treats a time in the future (a clock that moved) as just now", () => {
    expect(relativeTime(new Date(now.getTime() + 2 * HOUR).toISOString(), now)).toBe("just now");
  });

  it("says so when the date cannot be read", () => {
    expect(relativeTime("not a date", now)).toBe("at an unknown time");
  });
});
