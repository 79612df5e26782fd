import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { OpenedWorkbook, ProfileEdit } from "../backend";
import { AppState } from "../state/app.svelte";
import WorkbookView from "./WorkbookView.svelte";

const calls: string[] = [];

function opened(): OpenedWorkbook {
  const profile = { name: "Makers Hub", organisation: "Northwind", communityName: "", strategist: "", purpose: "", createdAt: "2025-01-01T00:00:00Z", updatedAt: "2025-01-01T00:00:00Z" };
  return {
    summary: { path: "/w.groundwork", fileName: "w.groundwork", name: profile.name, organisation: profile.organisation, updatedAt: profile.updatedAt, readOnly: false },
    profile,
    stepCounts: [
      { step: "audit", title: "Community audit", records: 0 },
      { step: "stakeholders", title: "Stakeholders and interviews", records: 0 },
      { step: "goals", title: "Goals and KPIs", records: 7 },
      { step: "crisis", title: "Crisis plan", records: 0 },
      { step: "roadmap", title: "Roadmap", records: 0 },
    ],
  };
}

beforeEach(() => {
  calls.length = 0;
  mockIPC((cmd, args) => {
    calls.push(cmd);
    if (cmd === "step_counts") return opened().stepCounts;
    if (cmd === "update_profile") {
      const edit = (args as { edit: ProfileEdit }).edit;
      if (edit.name.trim() === "") throw { code: "invalid", message: "The workbook name is empty.", field: "name" };
      return { ...edit, createdAt: "", updatedAt: "" };
    }
    if (cmd === "document_sections") return [];
    if (cmd === "preview_document") return { pdfBase64: "", pageCount: 0, warnings: [] };
    return null;
  });
});
afterEach(() => {
  cleanup();
  clearMocks();
  vi.useRealTimers();
});

function setup() {
  const app = new AppState();
  app.show(opened());
  const session = app.session;
  if (!session) throw new Error("no session");
  render(WorkbookView, { props: { app, session } });
  return { app, session };
}

describe("workbook sidebar", () => {
  it("shows each step's count or 'Not started'", () => {
    setup();
    expect(screen.getByTestId("nav-audit").textContent).toContain("Not started");
    expect(screen.getByTestId("nav-goals").textContent).toContain("7");
    expect(screen.getByTestId("nav-goals").textContent).not.toContain("Not started");
    expect(screen.getByTestId("nav-overview").getAttribute("aria-current")).toBe("page");
  });

  it("moves with the arrow keys, Home and End", async () => {
    const { session } = setup();
    const overview = screen.getByTestId("nav-overview");
    overview.focus();
    await fireEvent.keyDown(overview, { key: "ArrowDown" });
    expect(session.section).toBe("audit");
    expect(document.activeElement).toBe(screen.getByTestId("nav-audit"));
    expect(screen.getByTestId("step-audit")).toBeTruthy();

    await fireEvent.keyDown(document.activeElement as Element, { key: "End" });
    expect(session.section).toBe("documents");
    await fireEvent.keyDown(document.activeElement as Element, { key: "ArrowDown" });
    expect(session.section).toBe("overview");
    await fireEvent.keyDown(document.activeElement as Element, { key: "ArrowUp" });
    expect(session.section).toBe("documents");
    // Only the current item is in the tab order.
    expect(screen.getByTestId("nav-documents").tabIndex).toBe(0);
    expect(screen.getByTestId("nav-overview").tabIndex).toBe(-1);
  });

  it("goes home after saving what was typed, and closes the workbook", async () => {
    vi.useFakeTimers();
    const { app, session } = setup();
    session.editProfile("purpose", "Typed just now");
    await fireEvent.click(screen.getByTestId("back-home"));
    await vi.advanceTimersByTimeAsync(0);
    await waitFor(() => expect(app.session).toBeNull());
    expect(calls.indexOf("update_profile")).toBeGreaterThanOrEqual(0);
    expect(calls.indexOf("update_profile")).toBeLessThan(calls.indexOf("close_workbook"));
  });

  it("asks before leaving when the last edit was refused", async () => {
    vi.useFakeTimers();
    const { app, session } = setup();
    session.editProfile("name", "");
    await fireEvent.click(screen.getByTestId("back-home"));
    await vi.advanceTimersByTimeAsync(0);
    const dialog = await vi.waitFor(() => screen.getByTestId("confirm-dialog"));
    expect(dialog.textContent).toContain("The workbook name is empty.");
    expect(app.session).not.toBeNull();
    await fireEvent.click(screen.getByTestId("confirm-ok"));
    await vi.waitFor(() => expect(app.session).toBeNull());
    expect(calls).toContain("close_workbook");
  });
});
