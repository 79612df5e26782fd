// "Why this initiative": from the roadmap's initiative editor, the goals it serves with the
// evidence each cites and the KPIs that measure them, as the back end traces them.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { Initiative, InitiativeTrace, RoadmapOverview } from "../../backend";
import { RoadmapState } from "../../state/roadmap.svelte";
import InitiativeEditor from "./InitiativeEditor.svelte";

const AT = "2026-01-01T00:00:00Z";
const HOSTILE = "Onboarding <img src=x onerror=alert(1)> 🙂";

const initiative: Initiative = {
  id: "in1",
  title: "Mentor programme",
  description: "",
  phaseId: null,
  goalIds: ["g1"],
  kpiIds: [],
  channelIds: [],
  owner: { stakeholderId: null, name: "" },
  team: "",
  budget: null,
  schedule: "next",
  start: null,
  end: null,
  status: "planned",
  milestone: false,
  dependsOn: [],
  createdAt: AT,
  updatedAt: AT,
};

function overview(): RoadmapOverview {
  return {
    roadmap: { phases: [], initiatives: [initiative] },
    today: "2026-03-01",
    flags: [],
    totals: { overall: [], byPhase: [] } as unknown as RoadmapOverview["totals"],
    goals: [{ id: "g1", label: HOSTILE, detail: "", parentId: null }],
    kpis: [],
    channels: [],
    owners: [],
    records: 1,
    vocabulary: { schedules: [{ value: "next", label: "Next" }], statuses: [{ value: "planned", label: "Planned" }] },
    timeline: { start: "2026-03-01", end: "2026-03-01", order: ["in1"] },
    edits: {
      phases: {},
      initiatives: {
        in1: {
          title: "Mentor programme",
          description: "",
          phaseId: null,
          goalIds: ["g1"],
          kpiIds: [],
          channelIds: [],
          owner: { stakeholderId: null, name: "" },
          team: "",
          budget: "",
          currency: "",
          schedule: "next",
          start: "",
          end: "",
          status: "planned",
          milestone: false,
          dependsOn: [],
        },
      },
    },
  } as RoadmapOverview;
}

const traced: InitiativeTrace = {
  initiative: { id: "in1", title: "Mentor programme" },
  chains: [
    {
      goal: { id: "g1", title: HOSTILE },
      objective: { id: "o1", title: "Members help each other" },
      evidence: [
        { kind: "quote", id: "q1", title: "Members answer faster than we do.", detail: "Inès, 1 February", number: 2 },
        { kind: "finding", id: "f1", title: "Forum answers take 3 days", detail: "high", number: 1 },
      ],
      kpis: [{ id: "k1", title: "Median time to first answer" }],
      initiatives: [{ id: "in1", title: "Mentor programme" }],
    },
  ],
};

let answer: InitiativeTrace | null;
let asked: string[];

beforeEach(() => {
  answer = traced;
  asked = [];
  mockIPC((cmd, args) => {
    if (cmd === "initiative_trace") {
      asked.push((args as { id: string }).id);
      return answer;
    }
    throw { code: "io", message: "Not needed here.", field: null };
  });
});

afterEach(() => {
  cleanup();
  clearMocks();
});

function editor(open?: (step: string, kind: string, id: string) => void) {
  const roadmap = new RoadmapState();
  roadmap.overview = overview();
  render(InitiativeEditor, { props: { roadmap, initiative, open } });
}

describe("why this initiative", () => {
  it("is asked for only when opened, then shows goal, evidence and KPIs as text", async () => {
    const opened = vi.fn();
    editor(opened);
    expect(asked).toEqual([]);
    await fireEvent.click(screen.getByTestId("initiative-trace-toggle"));
    await vi.waitFor(() => expect(screen.getByTestId("trace-goal").textContent).toContain(HOSTILE));
    expect(asked).toEqual(["in1"]);
    const goal = screen.getByTestId("trace-goal");
    expect(goal.textContent).toContain("serves Members help each other");
    const evidence = [...screen.getByTestId("trace-goal-evidence").querySelectorAll("li")].map((li) => li.textContent);
    expect(evidence).toEqual(["[2] Quote: Members answer faster than we do.", "[1] Finding: Forum answers take 3 days"]);
    expect(screen.getByTestId("trace-goal-kpis").textContent).toBe("KPIs: Median time to first answer");
    expect(document.querySelector("img")).toBeNull();

    // Each name opens its record.
    await fireEvent.click(screen.getByText("[1] Finding: Forum answers take 3 days"));
    expect(opened).toHaveBeenLastCalledWith("audit", "finding", "f1");
    await fireEvent.click(screen.getByText("Median time to first answer"));
    expect(opened).toHaveBeenLastCalledWith("goals", "kpi", "k1");

    await fireEvent.click(screen.getByTestId("initiative-trace-toggle"));
    expect(screen.queryByTestId("trace-goal")).toBeNull();
  });

  it("says so when the initiative serves no goal", async () => {
    answer = { initiative: { id: "in1", title: "Mentor programme" }, chains: [] };
    editor();
    await fireEvent.click(screen.getByTestId("initiative-trace-toggle"));
    await vi.waitFor(() => expect(screen.getByTestId("initiative-trace-empty").textContent).toContain("serves no goal yet"));
  });

  it("shows the back end's sentence when tracing fails", async () => {
    mockIPC(() => {
      throw { code: "io", message: "The workbook could not be read.", field: null };
    });
    editor();
    await fireEvent.click(screen.getByTestId("initiative-trace-toggle"));
    await vi.waitFor(() => expect(screen.getByTestId("initiative-trace-error").textContent).toContain("The workbook could not be read."));
  });
});
