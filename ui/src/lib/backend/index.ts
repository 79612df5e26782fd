// The one seam between the screens and the Rust back end: a typed function per command.
// Only this folder imports @tauri-apps; every rejection arrives as an AppError.

import { invoke } from "@tauri-apps/api/core";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { open as openDialog, save as saveDialog } from "@tauri-apps/plugin-dialog";
import { toAppError } from "./errors";
import type {
  AppError,
  ContactEdit,
  CrisisPlan,
  EscalationEdit,
  FilledStatement,
  Guidelines,
  ScenarioCreated,
  ScenarioEdit,
  SeverityEdit,
  StarterScenario,
  StatementEdit,
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

export const documentSections = (document: Document) =>
  call<SectionInfo[]>("document_sections", { document });

export const previewDocument = (options: ExportOptions) =>
  call<DocumentPreview>("preview_document", { options });

export const exportDocument = (options: ExportOptions, path: string) =>
  call<ExportReport>("export_document", { options, path });

export const openExported = (path: string) => call<null>("open_exported", { path });

// Step 4, the crisis plan: every write resolves to the whole plan as stored.
export const crisisPlan = () => call<CrisisPlan>("crisis_plan");
export const starterScenarios = () => call<StarterScenario[]>("starter_scenarios");
export const fillStatement = (body: string, values: Record<string, string>) =>
  call<FilledStatement>("fill_statement", { body, values });
export const createSeverity = (edit: SeverityEdit) => call<CrisisPlan>("create_severity", { edit });
export const updateSeverity = (id: string, edit: SeverityEdit) => call<CrisisPlan>("update_severity", { id, edit });
export const deleteSeverity = (id: string) => call<CrisisPlan>("delete_severity", { id });
export const createScenario = (edit: ScenarioEdit) => call<ScenarioCreated>("create_scenario", { edit });
export const createStarterScenario = (key: string) => call<ScenarioCreated>("create_starter_scenario", { key });
export const updateScenario = (id: string, edit: ScenarioEdit) => call<CrisisPlan>("update_scenario", { id, edit });
export const deleteScenario = (id: string) => call<CrisisPlan>("delete_scenario", { id });
export const addAction = (scenarioId: string, text: string) => call<CrisisPlan>("add_action", { scenarioId, text });
export const updateAction = (id: string, text: string) => call<CrisisPlan>("update_action", { id, text });
export const deleteAction = (id: string) => call<CrisisPlan>("delete_action", { id });
export const moveAction = (id: string, delta: number) => call<CrisisPlan>("move_action", { id, delta });
export const createStatement = (scenarioId: string, edit: StatementEdit) =>
  call<CrisisPlan>("create_statement", { scenarioId, edit });
export const updateStatement = (id: string, edit: StatementEdit) => call<CrisisPlan>("update_statement", { id, edit });
export const deleteStatement = (id: string) => call<CrisisPlan>("delete_statement", { id });
export const createContact = (edit: ContactEdit) => call<CrisisPlan>("create_contact", { edit });
export const updateContact = (id: string, edit: ContactEdit) => call<CrisisPlan>("update_contact", { id, edit });
export const deleteContact = (id: string) => call<CrisisPlan>("delete_contact", { id });
export const createEscalation = (edit: EscalationEdit) => call<CrisisPlan>("create_escalation", { edit });
export const updateEscalation = (id: string, edit: EscalationEdit) => call<CrisisPlan>("update_escalation", { id, edit });
export const deleteEscalation = (id: string) => call<CrisisPlan>("delete_escalation", { id });
export const updateGuidelines = (edit: Guidelines) => call<CrisisPlan>("update_guidelines", { edit });

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
