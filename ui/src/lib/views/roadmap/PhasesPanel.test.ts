import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { Phase, PhaseEdit, RoadmapOverview } from "../../backend";
import { RoadmapState } from "../../state/roadmap.svelte";
import PhasesPanel from "./PhasesPanel.svelte";

function phase(id: string, name: string, start: string, end: string): Phase {
  return { id, name, start, end, objective: "", createdAt: "", updatedAt: "" };
}

/** A roadmap with these phases and nothing else, shaped like the back end's answer. */
function overview(phases: Phase[]): RoadmapOverview {
  return {
    roadmap: { phases, initiatives: [] },
    today: "2026-03-01",
    flags: [],
    totals: { overall: [], byPhase: [], byGoal: [] } as unknown as RoadmapOverview["totals"],
    goals: [],
    kpis: [],
    channels: [],
    owners: [],
    records: phases.length,
    vocabulary: { schedules: [], statuses: [] },
    timeline: { start: "2026-01-01", end: "2026-12-31", order: [] },
    edits: { phases: Object.fromEntries(phases.map((p) => [p.id, { name: p.name, start: p.start, end: p.end, objective: p.objective }])), initiatives: {} },
  };
}

const saves: PhaseEdit[] = [];

function setup(phases: Phase[]): RoadmapState {
  saves.length = 0;
  let current = overview(phases);
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as { edit?: PhaseEdit };
    if (cmd === "save_phase" && args.edit) {
      saves.push(args.edit);
      if (args.edit.end < args.edit.start) throw { code: "invalid", message: "The end date is before the start date.", field: "end" };
      const id = `p${current.roadmap.phases.length + 1}`;
      current = overview([...current.roadmap.phases, phase(id, args.edit.name, args.edit.start, args.edit.end)]);
      return { id, view: current };
    }
    throw { code: "io", message: `Not needed here: ${cmd}.`, field: null };
  });
  const roadmap = new RoadmapState();
  roadmap.overview = current;
  render(PhasesPanel, { props: { roadmap } });
  return roadmap;
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("the phases' form", () => {
  it("shows open while there are no phases, and stays open after adding one for the next", async () => {
    setup([]);
    expect(screen.getByTestId("phase-form")).toBeTruthy();
    expect(screen.queryByTestId("phase-add-open")).toBeNull();
    await fireEvent.input(screen.getByTestId("new-phase-name"), { target: { value: "Foundation" } });
    await fireEvent.input(screen.getByTestId("new-phase-start"), { target: { value: "2026-01-01" } });
    await fireEvent.input(screen.getByTestId("new-phase-end"), { target: { value: "2026-03-31" } });
    await fireEvent.submit(screen.getByTestId("phase-form"));
    await waitFor(() => expect(screen.getAllByTestId("phase-row")).toHaveLength(1));
    expect(screen.getByTestId("phase-form"), "ready for the next phase").toBeTruthy();
    await waitFor(() => expect((screen.getByTestId("new-phase-start") as HTMLInputElement).value).toBe("2026-03-31"));
    expect((screen.getByTestId("new-phase-name") as HTMLInputElement).value).toBe("");
  });

  it("folds behind Add a phase once there are phases, listed first", async () => {
    setup([phase("p1", "Foundation", "2026-01-01", "2026-03-31")]);
    expect(screen.queryByTestId("phase-form")).toBeNull();
    const open = screen.getByTestId("phase-add-open");
    expect(open.textContent).toContain("Add a phase");
    expect(screen.getAllByTestId("phase-row")).toHaveLength(1);
    await fireEvent.click(open);
    const name = await screen.findByTestId("new-phase-name");
    await waitFor(() => expect(document.activeElement, "the first field has the focus").toBe(name));
  });

  it("keeps a refused draft through Esc and Close", async () => {
    const roadmap = setup([phase("p1", "Foundation", "2026-01-01", "2026-03-31")]);
    await fireEvent.click(screen.getByTestId("phase-add-open"));
    await fireEvent.input(await screen.findByTestId("new-phase-name"), { target: { value: "Lançamento été" } });
    await fireEvent.input(screen.getByTestId("new-phase-start"), { target: { value: "2026-04-01" } });
    await fireEvent.input(screen.getByTestId("new-phase-end"), { target: { value: "2026-03-01" } });
    await fireEvent.submit(screen.getByTestId("phase-form"));
    expect((await screen.findByTestId("error-new-phase-end")).textContent).toContain("before the start date");

    await fireEvent.keyDown(screen.getByTestId("new-phase-end"), { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("phase-form")).toBeNull());
    expect(screen.getByTestId("phase-add-open-draft").textContent).toContain("draft is kept");
    await fireEvent.click(screen.getByTestId("phase-add-open"));
    expect(((await screen.findByTestId("new-phase-name")) as HTMLInputElement).value).toBe("Lançamento été");
    expect((screen.getByTestId("new-phase-end") as HTMLInputElement).value).toBe("2026-03-01");
    expect(screen.getByTestId("error-new-phase-end").textContent, "the reason stays too").toContain("before the start date");

    await fireEvent.click(screen.getByTestId("phase-close"));
    await waitFor(() => expect(screen.queryByTestId("phase-form")).toBeNull());
    expect(roadmap.phaseDraft.draft.name, "kept in the roadmap's state, across tabs").toBe("Lançamento été");
    expect(saves).toHaveLength(1);
  });
});
