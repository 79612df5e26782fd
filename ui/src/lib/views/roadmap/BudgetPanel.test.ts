// The budget panel shows the amounts as the back end writes them: each currency with its own
// decimals, worked out in the core, never again here.
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/svelte";
import type { BudgetTotals, Money, RoadmapOverview } from "../../backend";
import BudgetPanel from "./BudgetPanel.svelte";

const yen: Money = { minor: 1200, currency: "JPY", text: "JPY 1,200", short: "JPY 1.2k" };
const dinars: Money = { minor: 12500, currency: "BHD", text: "BHD 12.500", short: "BHD 12" };

function overview(totals: BudgetTotals): RoadmapOverview {
  return { totals } as unknown as RoadmapOverview;
}

afterEach(cleanup);

describe("the budget panel", () => {
  it("prints the totals' text from the back end, yen whole and dinars to the thousandth", () => {
    render(BudgetPanel, {
      overview: overview({
        overall: [dinars, yen],
        overallText: "BHD 12.500 + JPY 1,200",
        byPhase: [{ id: "p1", label: "Launch", amounts: [dinars, yen], text: "BHD 12.500 + JPY 1,200", initiatives: 2 }],
        byGoal: [],
        byOwner: [{ id: null, label: "No owner", amounts: [], text: "No budget", initiatives: 1 }],
      }),
    });
    expect(screen.getByTestId("budget-overall").textContent).toContain("BHD 12.500 + JPY 1,200");
    const phase = screen.getByTestId("budget-by-phase").textContent ?? "";
    expect(phase).toContain("BHD 12.500 + JPY 1,200");
    expect(phase).not.toContain("12.00");
    expect(screen.getByTestId("budget-by-owner").textContent).toContain("—");
  });

  it("shows a dash when nothing is budgeted", () => {
    render(BudgetPanel, {
      overview: overview({ overall: [], overallText: "No budget", byPhase: [], byGoal: [], byOwner: [] }),
    });
    expect(screen.getByTestId("budget-overall").textContent).toBe("Total budget: —");
  });
});
