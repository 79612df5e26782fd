import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { OpenedWorkbook, ProfileEdit } from "../backend";
import { WorkbookSession } from "../state/workbook.svelte";
import OverviewView from "./OverviewView.svelte";

function opened(readOnly = false): OpenedWorkbook {
  const profile = {
    name: "Makers Hub",
    organisation: "Northwind",
    communityName: "",
    strategist: "",
    purpose: "",
    createdAt: "2025-01-01T00:00:00Z",
    updatedAt: "2025-01-01T00:00:00Z",
  };
  return {
    summary: { path: "/w.groundwork", fileName: "w.groundwork", name: profile.name, organisation: profile.organisation, updatedAt: profile.updatedAt, readOnly },
    profile,
    stepCounts: [
      { step: "audit", title: "Community audit", records: 0 },
      { step: "stakeholders", title: "Stakeholders and interviews", records: 4 },
    ],
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  // Like the core: a blank name is refused at the name field.
  mockIPC((cmd, args) => {
    if (cmd !== "update_profile") return null;
    const edit = (args as { edit: ProfileEdit }).edit;
    if (edit.name.trim() === "") throw { code: "invalid", message: "The workbook name is empty. Type one to save this change.", field: "name" };
    return { ...edit, name: edit.name.trim(), createdAt: "2025-01-01T00:00:00Z", updatedAt: "2025-03-01T00:00:00Z" };
  });
});
afterEach(() => {
  cleanup();
  clearMocks();
  vi.useRealTimers();
});

describe("overview", () => {
  it("shows a refused name under the field, keeps the text, and clears the error after a valid edit", async () => {
    const session = new WorkbookSession(opened());
    render(OverviewView, { props: { session, onnavigate: () => {} } });
    const name = screen.getByTestId("profile-name") as HTMLInputElement;

    await fireEvent.input(name, { target: { value: "" } });
    expect(screen.getByTestId("save-status").textContent).toContain("Saving");
    await vi.advanceTimersByTimeAsync(400);

    expect(screen.getByTestId("error-name").textContent).toContain("The workbook name is empty.");
    expect(screen.getByTestId("save-status").textContent).toContain("Not saved: The workbook name is empty.");
    expect(name.value).toBe("");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByTestId("error-purpose")).toBeNull();

    await fireEvent.input(name, { target: { value: "Makers Hub 2026" } });
    await vi.advanceTimersByTimeAsync(400);
    expect(screen.queryByTestId("error-name")).toBeNull();
    expect(screen.getByTestId("save-status").textContent).toContain("Saved");
    expect(name.value).toBe("Makers Hub 2026");
  });

  it("saves on blur without waiting", async () => {
    const session = new WorkbookSession(opened());
    render(OverviewView, { props: { session, onnavigate: () => {} } });
    const purpose = screen.getByTestId("profile-purpose") as HTMLTextAreaElement;
    await fireEvent.input(purpose, { target: { value: "Help makers help each other." } });
    await fireEvent.blur(purpose);
    await vi.advanceTimersByTimeAsync(0);
    expect(session.saved.purpose).toBe("Help makers help each other.");
    expect(screen.getByTestId("save-status").textContent).toContain("Saved");
  });

  it("disables every input of a read-only workbook and says why", () => {
    const session = new WorkbookSession(opened(true));
    render(OverviewView, { props: { session, onnavigate: () => {} } });
    for (const f of ["name", "organisation", "communityName", "strategist", "purpose"]) {
      expect((screen.getByTestId(`profile-${f}`) as HTMLInputElement).disabled).toBe(true);
    }
    expect(screen.getByTestId("read-only-banner").textContent).toContain("read-only");
  });

  it("lists the five steps with their record counts", () => {
    const session = new WorkbookSession(opened());
    render(OverviewView, { props: { session, onnavigate: () => {} } });
    expect(screen.getByTestId("overview-step-audit").textContent).toContain("Not started");
    expect(screen.getByTestId("overview-step-stakeholders").textContent).toContain("4 records");
    expect(screen.getByTestId("overview-step-roadmap").textContent).toContain("Not started");
  });
});
