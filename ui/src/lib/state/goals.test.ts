// The goals state at the backend seam (mockIPC): a refused save keeps the draft and shows the
// sentence at its field; a delete the back end refuses with "inUse" is asked about, then run
// again confirmed; an import leaves only the lines that were not imported in the paste box.
import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { GoalsState } from "./goals.svelte";
import type { PasteReport } from "../backend";
import { goalsOverview as overview } from "../testing/records";


afterEach(() => clearMocks());

describe("GoalsState", () => {
  it("keeps the KPI draft and places the refusal at its field", async () => {
    mockWindows("main");
    mockIPC((cmd) => {
      if (cmd === "save_kpi") {
        throw { code: "invalid", message: "The target date (1 March 2026) is before the baseline date (1 June 2026). Choose a later target date.", field: "targetDate" };
      }
      return overview();
    });
    const goals = new GoalsState();
    goals.startKpi("g1");
    goals.kpiForm.draft.name = "Active members";
    goals.kpiForm.draft.targetDate = "2026-03-01";
    expect(await goals.saveKpi()).toBe(false);
    expect(goals.kpiForm.fieldError("targetDate")).toContain("before the baseline date");
    expect(goals.kpiForm.draft.name).toBe("Active members");
    expect(goals.adding).toEqual({ kind: "kpi", goalId: "g1" });
  });

  it("asks before a delete the back end says others depend on, then confirms", async () => {
    const calls: unknown[] = [];
    mockWindows("main");
    mockIPC((cmd, args) => {
      if (cmd === "delete_goal") {
        calls.push(args);
        const a = args as { confirmed: boolean };
        if (!a.confirmed) throw { code: "inUse", message: "“Answer faster” is measured by 1 KPI. Deleting the goal deletes them too.", field: null };
        return overview(0);
      }
      return overview(3);
    });
    let records = -1;
    const goals = new GoalsState((n) => (records = n));
    await goals.deleteGoal({ id: "g1", title: "Answer faster" });
    expect(goals.pendingDelete?.title).toBe("Delete “Answer faster”?");
    expect(goals.pendingDelete?.message).toContain("measured by 1 KPI");
    expect(goals.actionError).toBeNull();
    await goals.confirmDelete();
    expect(calls).toEqual([{ id: "g1", confirmed: false }, { id: "g1", confirmed: true }]);
    expect(goals.pendingDelete).toBeNull();
    expect(records).toBe(0);
  });

  it("leaves only the lines that were not imported in the paste box", async () => {
    const report: PasteReport = {
      rows: [{ line: 1, measuredOn: "2026-01-31", value: 10, replaces: null }],
      unchanged: 0,
      skippedHeader: false,
      problems: [{ line: 2, text: "2026-02-28\tlots", message: "“lots” is not a number." }],
      notes: [],
      summary: "1 new measurement, 1 line not imported (see below).",
    };
    mockWindows("main");
    mockIPC((cmd, args) => {
      if (cmd === "import_measurements") {
        expect((args as { dryRun: boolean }).dryRun).toBe(false);
        return { report, overview: overview(1) };
      }
      return overview();
    });
    const goals = new GoalsState();
    goals.selectedKpi = "k1";
    goals.pasteText = "2026-01-31\t10\n2026-02-28\tlots";
    await goals.importPaste();
    expect(goals.paste?.summary).toContain("1 new measurement");
    expect(goals.pasteImported).toBe(true);
    expect(goals.pasteText).toBe("2026-02-28\tlots");
  });
});
