// The one seam between the screens and the Rust back end: a typed function per command.
// Only this folder imports @tauri-apps; every rejection arrives as an AppError.

import { invoke } from "@tauri-apps/api/core";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { open as openDialog, save as saveDialog } from "@tauri-apps/plugin-dialog";
import { toAppError } from "./errors";
import type {
  AppError,
  AuditOverview,
  ChannelEdit,
  ChannelUsage,
  Comparison,
  FindingEdit,
  FindingSummary,
  GoalEdit,
  GoalsOverview,
  ImportResult,
  KpiEdit,
  MeasurementEdit,
  Narrative,
  ObjectiveEdit,
  MaturityEdit,
  PeerEdit,
  Situation,
  SnapshotEdit,
  DocumentPreview,
  Document,
  ExportOptions,
  ExportReport,
  OpenedWorkbook,
  Profile,
  ProfileEdit,
  SectionInfo,
  StepCount,
  WorkbookListing,
  WorkbookSummary,
} from "./types";

export * from "./types";
export { toAppError, isAppError } from "./errors";

const NO_BACK_END: AppError = {
  code: "io",
  message: "Groundwork's engine is not running in this window. Start Groundwork from its application icon.",
  field: null,
};

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  if (!insideTauri()) throw NO_BACK_END;
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toAppError(reason);
  }
}

export const listWorkbooks = () => call<WorkbookListing>("list_workbooks");

export const createWorkbook = (name: string, organisation: string) =>
  call<OpenedWorkbook>("create_workbook", { name, organisation });

export const openWorkbook = (path: string) => call<OpenedWorkbook>("open_workbook", { path });

export const launchFile = () => call<string | null>("launch_file");

export const renameWorkbook = (path: string, name: string) =>
  call<WorkbookSummary>("rename_workbook", { path, name });

export const duplicateWorkbook = (path: string) => call<WorkbookSummary>("duplicate_workbook", { path });

export const deleteWorkbook = (path: string) => call<null>("delete_workbook", { path });

export const closeWorkbook = () => call<null>("close_workbook");

export const updateProfile = (edit: ProfileEdit) => call<Profile>("update_profile", { edit });

export const stepCounts = () => call<StepCount[]>("step_counts");

export const auditOverview = () => call<AuditOverview>("audit_overview");

export const saveChannel = (id: string | null, edit: ChannelEdit) =>
  call<AuditOverview>("save_channel", { id, edit });

export const channelUsage = (id: string) => call<ChannelUsage>("channel_usage", { id });

export const deleteChannel = (id: string, unlinkFindings: boolean) =>
  call<AuditOverview>("delete_channel", { id, unlinkFindings });

export const saveSnapshot = (id: string | null, edit: SnapshotEdit) =>
  call<AuditOverview>("save_snapshot", { id, edit });

export const deleteSnapshot = (id: string) => call<AuditOverview>("delete_snapshot", { id });

export const compareSnapshots = (from: string, to: string) =>
  call<Comparison>("compare_snapshots", { from, to });

export const saveMaturity = (edit: MaturityEdit) => call<AuditOverview>("save_maturity", { edit });

export const updateSituation = (edit: Situation) => call<AuditOverview>("update_situation", { edit });

export const savePeer = (id: string | null, edit: PeerEdit) => call<AuditOverview>("save_peer", { id, edit });

export const deletePeer = (id: string) => call<AuditOverview>("delete_peer", { id });

export const saveFinding = (id: string | null, edit: FindingEdit) =>
  call<AuditOverview>("save_finding", { id, edit });

export const deleteFinding = (id: string) => call<AuditOverview>("delete_finding", { id });

export const findings = () => call<FindingSummary[]>("findings");

export const documentSections = (document: Document) =>
  call<SectionInfo[]>("document_sections", { document });

export const previewDocument = (options: ExportOptions) =>
  call<DocumentPreview>("preview_document", { options });

export const exportDocument = (options: ExportOptions, path: string) =>
  call<ExportReport>("export_document", { options, path });

export const openExported = (path: string) => call<null>("open_exported", { path });

/** The native Open… dialog for workbooks. Resolves to null when the user cancels. */
export async function chooseWorkbookFile(): Promise<string | null> {
  if (!insideTauri()) throw NO_BACK_END;
  try {
    const picked = await openDialog({
      multiple: false,
      directory: false,
      filters: [{ name: "Groundwork workbook", extensions: ["groundwork"] }],
    });
    return typeof picked === "string" ? picked : null;
  } catch (reason) {
    throw toAppError(reason);
  }
}

/** The native Save dialog for an exported PDF. Resolves to null when the user cancels. */
export async function choosePdfDestination(defaultPath: string): Promise<string | null> {
  if (!insideTauri()) throw NO_BACK_END;
  try {
    const picked = await saveDialog({ defaultPath, filters: [{ name: "PDF", extensions: ["pdf"] }] });
    return picked ?? null;
  } catch (reason) {
    throw toAppError(reason);
  }
}

/** True inside the Tauri window; false in a plain browser (the dev preview) or in tests. */
export function insideTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

/**
 * Runs `beforeClose` (finishing a pending autosave) when the user closes the window, then lets
 * the window close. A failure in `beforeClose` never keeps the window open.
 */
export async function beforeWindowCloses(beforeClose: () => Promise<void>): Promise<() => void> {
  if (!insideTauri()) return () => {};
  return getCurrentWindow().onCloseRequested(async () => {
    try {
      await beforeClose();
    } catch {
      // The save's own status already told the user; closing goes ahead.
    }
  });
}

// Step 3, goals and KPIs. Every write answers with the whole step, worked out for today.
export const goalsOverview = () => call<GoalsOverview>("goals_overview");

export const updateNarrative = (edit: Narrative) => call<GoalsOverview>("update_narrative", { edit });

export const saveObjective = (id: string | null, edit: ObjectiveEdit) =>
  call<GoalsOverview>("save_objective", { id, edit });

/** Refused with code "inUse" (naming what depends on it) unless `confirmed`. */
export const deleteObjective = (id: string, confirmed: boolean) =>
  call<GoalsOverview>("delete_objective", { id, confirmed });

export const saveGoal = (id: string | null, edit: GoalEdit) => call<GoalsOverview>("save_goal", { id, edit });

export const deleteGoal = (id: string, confirmed: boolean) => call<GoalsOverview>("delete_goal", { id, confirmed });

export const saveKpi = (id: string | null, edit: KpiEdit) => call<GoalsOverview>("save_kpi", { id, edit });

export const deleteKpi = (id: string, confirmed: boolean) => call<GoalsOverview>("delete_kpi", { id, confirmed });

export const saveMeasurement = (kpiId: string, id: string | null, edit: MeasurementEdit) =>
  call<GoalsOverview>("save_measurement", { kpiId, id, edit });

export const deleteMeasurement = (id: string) => call<GoalsOverview>("delete_measurement", { id });

/** Reads a pasted block of (date, value) rows; writes the good rows unless `dryRun`. */
export const importMeasurements = (kpiId: string, text: string, replaceExisting: boolean, dryRun: boolean) =>
  call<ImportResult>("import_measurements", { kpiId, text, replaceExisting, dryRun });
