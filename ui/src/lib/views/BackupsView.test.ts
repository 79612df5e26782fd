import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { Backup, OpenedWorkbook } from "../backend";
import { AppState } from "../state/app.svelte";
import { WorkbookSession } from "../state/workbook.svelte";
import { formatBytes, ImportState, suggestedFileName } from "../state/portable.svelte";
import BackupsView from "./BackupsView.svelte";

function opened(name: string): OpenedWorkbook {
  const at = "2026-03-01T09:00:00Z";
  return {
    summary: { path: "/data/plan.groundwork", fileName: "plan.groundwork", name, organisation: "", updatedAt: at, readOnly: false },
    profile: { name, organisation: "", communityName: "", strategist: "", purpose: "", createdAt: at, updatedAt: at },
    stepCounts: [],
  } as unknown as OpenedWorkbook;
}

const BACKUPS: Backup[] = [
  { path: "/data/backups/plan.groundwork/2026-03-02T09-00-00.000Z.groundwork", takenAt: "2026-03-02T09:00:00Z", bytes: 90_112 },
  { path: "/data/backups/plan.groundwork/2026-03-01T09-00-00.000Z.groundwork", takenAt: "2026-03-01T09:00:00Z", bytes: 2_400_000 },
];

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("copies and backups", () => {
  it("lists backups with their size and restores one only after confirmation", async () => {
    const calls: Array<{ cmd: string; args: unknown }> = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      if (cmd === "list_backups") return BACKUPS;
      if (cmd === "restore_backup") return opened("Restored plan");
      return null;
    });
    const app = new AppState();
    app.show(opened("Plan"));
    render(BackupsView, { props: { app, session: app.session as WorkbookSession, onclose: () => {} } });

    const items = await screen.findAllByTestId("backup-item");
    expect(items).toHaveLength(2);
    expect(screen.getAllByTestId("backup-size").map((s) => s.textContent)).toEqual(["88 KB", "2.3 MB"]);

    await fireEvent.click(screen.getAllByTestId("restore-backup")[1] as HTMLElement);
    expect(calls.some((c) => c.cmd === "restore_backup")).toBe(false);
    await fireEvent.click(await screen.findByText("Restore backup"));
    await waitFor(() => expect(app.session?.title).toBe("Restored plan"));
    const restore = calls.find((c) => c.cmd === "restore_backup");
    expect(restore?.args).toEqual({ path: BACKUPS[1]?.path });
  });

  it("shows the back end's sentence when a backup fails", async () => {
    mockIPC((cmd) => {
      if (cmd === "list_backups") return [];
      if (cmd === "back_up_now") throw { code: "io", message: "“plan.groundwork” could not be read or written: the disk is full.", field: null };
      return null;
    });
    const app = new AppState();
    app.show(opened("Plan"));
    render(BackupsView, { props: { app, session: app.session as WorkbookSession, onclose: () => {} } });
    expect(await screen.findByTestId("no-backups")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("back-up-now"));
    expect((await screen.findByTestId("backups-error")).textContent).toContain("the disk is full");
  });
});

describe("portable helpers", () => {
  it("formats sizes and file names a person reads", () => {
    expect(formatBytes(812)).toBe("812 bytes");
    expect(formatBytes(14_000)).toBe("14 KB");
    expect(formatBytes(2_500_000)).toBe("2.4 MB");
    expect(suggestedFileName('Plan: "2027" <draft>/v2', "json")).toBe("Plan 2027 draft v2.json");
    expect(suggestedFileName("  ", "groundwork")).toBe("workbook.groundwork");
    expect(suggestedFileName("社区 🚀", "json")).toBe("社区 🚀.json");
  });

  it("keeps every import problem to show, and nothing when the dialog is cancelled", async () => {
    mockIPC((cmd) => {
      if (cmd === "choose_file_to_open") return "/home/ana/export.json";
      if (cmd === "import_json")
        return { imported: null, problems: [{ path: "$.tables.channel[3].name", message: "“name” should be text." }] };
      return null;
    });
    const importer = new ImportState();
    expect(await importer.run()).toBeNull();
    expect(importer.fileName).toBe("export.json");
    expect(importer.problems).toEqual([{ path: "$.tables.channel[3].name", message: "“name” should be text." }]);
  });
});
