import { describe, expect, it } from "vitest";
import type { Initiative } from "../../backend";
import { initiative } from "../../testing/records";
import { blankQuery, tableRows } from "./table";

const list = [
  initiative("Forum", { start: "2026-03-01", budget: { minor: 1_250_000, currency: "EUR", text: "EUR 12,500", short: "EUR 12.5k" }, owner: { stakeholderId: null, name: "Ana" }, phaseId: "p1" }),
  initiative("Meetup", { schedule: "later", start: null, end: null, status: "parked" }),
  initiative("Ambassadors", { start: "2026-01-10", status: "inProgress", team: "Support", budget: { minor: 500, currency: "EUR", text: "EUR 5", short: "EUR 5" } }),
  initiative("Newsletter", { schedule: "next", start: null, end: null }),
];
const names = (rows: Initiative[]) => rows.map((i) => i.title);

describe("the initiative table", () => {
  it("sorts by start with undated rows after dated ones, next before later", () => {
    expect(names(tableRows(list, blankQuery(), () => ""))).toEqual(["Ambassadors", "Forum", "Newsletter", "Meetup"]);
  });

  it("sorts by budget either way, rows without a budget last when ascending", () => {
    const q = { ...blankQuery(), sort: "budget" as const, descending: true };
    expect(names(tableRows(list, q, () => ""))[0]).toBe("Forum");
    expect(names(tableRows(list, { ...q, descending: false }, () => "")).slice(-2)).toEqual(["Ambassadors", "Forum"]);
  });

  it("filters by words in title, owner or team, by status and by phase", () => {
    expect(names(tableRows(list, { ...blankQuery(), text: "support" }, () => ""))).toEqual(["Ambassadors"]);
    expect(names(tableRows(list, { ...blankQuery(), text: "ANA" }, () => ""))).toEqual(["Forum"]);
    expect(names(tableRows(list, { ...blankQuery(), status: "parked" }, () => ""))).toEqual(["Meetup"]);
    expect(names(tableRows(list, { ...blankQuery(), phaseId: "p1" }, () => ""))).toEqual(["Forum"]);
    expect(tableRows(list, { ...blankQuery(), phaseId: "none" }, () => "")).toHaveLength(3);
  });
});
