import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { OpenedWorkbook } from "../../backend";
import { WorkbookSession } from "../../state/workbook.svelte";
import { RoadmapState } from "../../state/roadmap.svelte";
import RoadmapView from "./RoadmapView.svelte";

function opened(): OpenedWorkbook {
  const profile = { name: "Makers Hub", organisation: "", communityName: "", strategist: "", purpose: "", createdAt: "2025-01-01T00:00:00Z", updatedAt: "2025-01-01T00:00:00Z" };
  return {
    summary: { path: "/w.groundwork", fileName: "w.groundwork", name: profile.name, organisation: "", updatedAt: profile.updatedAt, readOnly: false },
    profile,
    stepCounts: [],
  };
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("roadmap screen opened at a record", () => {
  it("shows an initiative selected in the table, and a phase on the phases tab", async () => {
    mockIPC(() => {
      throw { code: "io", message: "Not needed here.", field: null };
    });
    const session = new WorkbookSession(opened());
    session.focus = { step: "roadmap", kind: "initiative", id: "i7" };
    const roadmap = new RoadmapState();
    render(RoadmapView, { props: { session, roadmap } });
    expect(roadmap.tab).toBe("table");
    expect(roadmap.selectedId).toBe("i7");
    cleanup();

    const other = new WorkbookSession(opened());
    other.focus = { step: "roadmap", kind: "phase", id: "p1" };
    const second = new RoadmapState();
    render(RoadmapView, { props: { session: other, roadmap: second } });
    expect(second.tab).toBe("phases");
    expect(second.selectedId).toBeNull();
  });

  it("ignores a record of another step", () => {
    mockIPC(() => {
      throw { code: "io", message: "Not needed here.", field: null };
    });
    const session = new WorkbookSession(opened());
    session.focus = { step: "goals", kind: "goal", id: "g1" };
    const roadmap = new RoadmapState();
    render(RoadmapView, { props: { session, roadmap } });
    expect(roadmap.tab).toBe("timeline");
  });
});
