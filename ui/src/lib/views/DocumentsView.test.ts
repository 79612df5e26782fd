import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { ExportOptions, OpenedWorkbook } from "../backend";
import { WorkbookSession } from "../state/workbook.svelte";
import DocumentsView from "./DocumentsView.svelte";

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

describe("documents screen", () => {
  it("lists the sections, shows warnings as text, and degrades to the page count when pages cannot be drawn", async () => {
    const previews: ExportOptions[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "document_sections") return [{ id: "crisis", title: "Crisis plan <em>now</em>" }];
      if (cmd === "preview_document") {
        previews.push((args as { options: ExportOptions }).options);
        // Not a PDF: the preview cannot be drawn, whatever the environment.
        return { pdfBase64: btoa("not a pdf"), pageCount: 5, warnings: [{ kind: "missingGlyphs", message: "Some characters print as a box: <img src=x onerror=alert(1)>", section: null }] };
      }
      return null;
    });
    const { container } = render(DocumentsView, { props: { session: new WorkbookSession(opened()) } });

    expect(screen.getByTestId("document-choice-full")).toBeTruthy();
    expect(screen.getByTestId("document-choice-roadmap")).toBeTruthy();
    expect(screen.getByTestId("export-document")).toBeTruthy();

    const warnings = await screen.findByTestId("document-warnings");
    expect(warnings.textContent).toContain("Some characters print as a box: <img src=x onerror=alert(1)>");
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("em")).toBeNull();
    expect(screen.getByTestId("section-crisis").closest("label")?.textContent).toContain("Crisis plan <em>now</em>");

    await waitFor(() => expect(screen.getByTestId("document-preview").dataset.state).toBe("unavailable"), { timeout: 4000 });
    expect(screen.getByTestId("document-preview").textContent).toContain("5 pages");
    expect(screen.queryByTestId("preview-error")).toBeNull();

    await fireEvent.click(screen.getByTestId("section-crisis"));
    await waitFor(() => expect(previews.at(-1)?.omitSections).toEqual(["crisis"]));
  });
});
