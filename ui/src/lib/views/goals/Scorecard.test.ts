// The scorecard lists the KPIs whose cadence asks for a measurement, longest overdue first,
// with the back end's sentence, and opens one when its name is clicked.
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import type { GoalsOverview, Kpi, KpiReport } from "../../backend";
import { GoalsState } from "../../state/goals.svelte";
import { goalsOverview } from "../../testing/records";
import Scorecard from "./Scorecard.svelte";

function kpi(id: string, name: string): Kpi {
  return {
    id,
    goalId: "g1",
    name,
    category: "growth",
    customCategory: "",
    definition: "",
    unit: "",
    direction: "higher",
    baselineValue: 0,
    baselineDate: "2026-01-01",
    targetValue: 100,
    targetDate: "2026-12-31",
    dataSource: "",
    owner: { stakeholderId: null, name: "" },
    cadence: "monthly",
    weight: 1,
    createdAt: "",
    updatedAt: "",
  };
}

function report(kpiId: string, dueOn: string | null): KpiReport {
  return {
    kpiId,
    today: "2026-07-02",
    latest: null,
    progress: null,
    expectedValue: 50,
    expectedProgress: 0.5,
    baselineText: "0",
    targetText: "100",
    expectedText: "50",
    latestText: null,
    status: "notYetMeasured",
    statusLabel: "Not yet measured",
    explanation: "",
    chart: { points: [], expected: [], xTicks: [], yTicks: [] } as unknown as KpiReport["chart"],
    due: dueOn ? { since: "2026-01-01", dueOn } : null,
  };
}

function overview(): GoalsOverview {
  const o = goalsOverview(3);
  o.goals.kpis = [kpi("k1", "Active members"), kpi("k2", "Answer time"), kpi("k3", "Sign-ups")];
  o.reports = [report("k1", "2026-06-01"), report("k2", "2026-02-01"), report("k3", null)];
  o.vocabulary.cadences = [{ value: "monthly", label: "Monthly" }];
  return o;
}

describe("Scorecard", () => {
  afterEach(cleanup);

  it("lists the KPIs due for a measurement, longest overdue first, and opens one", async () => {
    const goals = new GoalsState();
    const o = overview();
    goals.apply(o);
    render(Scorecard, { goals, overview: o });
    const list = screen.getByTestId("kpis-due");
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.querySelector("button")?.textContent)).toEqual(["Answer time", "Active members"]);
    expect(items[0]?.textContent).toMatch(/Monthly KPI, not measured since its baseline of .*2026: due since .*Feb.*2026/);
    expect(screen.getAllByTestId("scorecard-due")).toHaveLength(2);
    await fireEvent.click(within(list).getByRole("button", { name: "Answer time" }));
    expect(goals.selectedKpi).toBe("k2");
  });

  it("shows no list when nothing is due", () => {
    const goals = new GoalsState();
    const o = overview();
    o.reports = o.reports.map((r) => ({ ...r, due: null }));
    goals.apply(o);
    render(Scorecard, { goals, overview: o });
    expect(screen.queryByTestId("kpis-due")).toBeNull();
  });
});
