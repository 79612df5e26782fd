import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { SpreadsheetExport, csvFileName, savedSummary, spreadsheetFileName } from "./spreadsheet.svelte";

type Call = { cmd: string; args: Record<string, unknown> };

function serve(handlers: Record<string, (args: Record<string, unknown>) => unknown>) {
  const calls: Call[] = [];
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    const handler = handlers[cmd];
    if (!handler) throw `no handler for ${cmd}`;
    return handler(args);
  });
  return calls;
}

afterEach(() => clearMocks());

describe("spreadsheet export", () => {
  it("offers file names a file system accepts", () => {
    expect(spreadsheetFileName("Riders' Circle: 2026/27")).toBe("Riders' Circle 2026 27.xlsx");
    expect(spreadsheetFileName("   ")).toBe("workbook.xlsx");
    expect(csvFileName("kpis")).toBe("KPIs.csv");
    expect(csvFileName("channelMetrics")).toBe("Channel metrics.csv");
  });

  it("sums up what was saved", () => {
    expect(savedSummary({ path: "/a/b.xlsx", sheets: 19, rows: 1204, bytes: 26_100 }, false)).toBe("19 sheets, 1,204 rows, 26 KB");
    expect(savedSummary({ path: "/a/b.csv", sheets: 1, rows: 1, bytes: 900 }, true)).toBe("1 row, 900 bytes");
  });

  it("asks where, writes the table there, and says what it saved", async () => {
    const calls = serve({
      choose_save_destination: () => "/home/a/KPIs.csv",
      export_table_csv: () => ({ path: "/home/a/KPIs.csv", sheets: 1, rows: 3, bytes: 1200 }),
    });
    const csv = new SpreadsheetExport();
    await csv.exportTable("kpis");
    expect(calls).toEqual([
      { cmd: "choose_save_destination", args: { kind: "csv", suggestedName: "KPIs.csv" } },
      { cmd: "export_table_csv", args: { sheet: "kpis", path: "/home/a/KPIs.csv" } },
    ]);
    expect(csv.notice).toBe("Saved KPIs.csv: 3 rows, 1.2 KB.");
    expect(csv.busy).toBe(false);
  });

  it("writes nothing when the dialog is cancelled, and shows a refusal as it is", async () => {
    const calls = serve({ choose_save_destination: () => null });
    const xlsx = new SpreadsheetExport();
    await xlsx.exportWorkbook("Plan");
    expect(calls.map((c) => c.cmd)).toEqual(["choose_save_destination"]);
    expect(calls[0]?.args).toEqual({ kind: "xlsx", suggestedName: "Plan.xlsx" });
    expect(xlsx.report).toBeNull();

    serve({
      choose_save_destination: () => "/read-only/Plan.xlsx",
      export_spreadsheet: () => {
        throw { code: "io", message: "The spreadsheet could not be saved to /read-only/Plan.xlsx: permission was denied; choose another folder.", field: null };
      },
    });
    await xlsx.exportWorkbook("Plan");
    expect(xlsx.error?.message).toBe("The spreadsheet could not be saved to /read-only/Plan.xlsx: permission was denied; choose another folder.");
    expect(xlsx.notice).toBeNull();
    expect(xlsx.busy).toBe(false);
  });
});
