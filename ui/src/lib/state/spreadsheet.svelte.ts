// Spreadsheets out: the whole workbook as XLSX (Documents screen) and the table in view as CSV
// (the screens that show a table). The back end builds and writes the files; this asks where,
// and keeps what the screens show afterwards.

import * as backend from "../backend";
import type { AppError, SheetKind, SpreadsheetReport } from "../backend";
import { SHEET_NAMES } from "../backend";
import { fileSize, plural } from "../format/numbers";
import { suggestedFileName } from "./portable.svelte";

/** "Riders' Circle strategy.xlsx": the workbook's name, as the Save dialog first offers it. */
export function spreadsheetFileName(workbookTitle: string): string {
  return suggestedFileName(workbookTitle, "xlsx");
}

/** "KPIs.csv": the table's name. */
export function csvFileName(sheet: SheetKind): string {
  return suggestedFileName(SHEET_NAMES[sheet], "csv");
}

/** The last part of a path, whichever separator the system uses. */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** "19 sheets, 1,204 rows, 26.1 KB" or "5 rows, 1.2 KB". */
export function savedSummary(report: SpreadsheetReport, csv: boolean): string {
  const parts = csv ? [] : [plural(report.sheets, "sheet", "sheets")];
  parts.push(plural(report.rows, "row", "rows"), fileSize(report.bytes));
  return parts.join(", ");
}

export class SpreadsheetExport {
  busy = $state(false);
  error: AppError | null = $state(null);
  report: SpreadsheetReport | null = $state(null);
  /** Whether the last report is of a CSV file. */
  csv = $state(false);

  /** "Saved KPIs.csv: 3 rows, 1.2 KB." */
  readonly notice = $derived(
    this.report ? `Saved ${fileName(this.report.path)}: ${savedSummary(this.report, this.csv)}.` : null,
  );

  /** Export spreadsheet (XLSX)…: every table of the workbook, a sheet each. */
  async exportWorkbook(workbookTitle: string): Promise<void> {
    await this.run("xlsx", spreadsheetFileName(workbookTitle), (path) => backend.exportSpreadsheet(path));
  }

  /** Export CSV…: one table. */
  async exportTable(sheet: SheetKind): Promise<void> {
    await this.run("csv", csvFileName(sheet), (path) => backend.exportTableCsv(sheet, path));
  }

  dismiss(): void {
    this.report = null;
    this.error = null;
  }

  private async run(
    kind: "xlsx" | "csv",
    suggested: string,
    write: (path: string) => Promise<SpreadsheetReport>,
  ): Promise<void> {
    if (this.busy) return;
    this.error = null;
    this.report = null;
    try {
      // The back end adds the extension when the name chosen in the dialog leaves it out.
      const path = await backend.chooseSaveDestination(kind, suggested);
      if (!path) return;
      this.busy = true;
      this.csv = kind === "csv";
      this.report = await write(path);
    } catch (reason) {
      this.error = backend.toAppError(reason);
    } finally {
      this.busy = false;
    }
  }
}
