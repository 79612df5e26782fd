// The one seam between the screens and the Rust back end: a typed function per command.
// Only this folder imports @tauri-apps; every rejection arrives as an AppError.

import { invoke } from "@tauri-apps/api/core";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { toAppError } from "./errors";
import type {
  AppError,
  InitiativeEdit,
  PhaseEdit,
  RoadmapOverview,
  RoadmapSaved,
  BoardCreated,
  BoardView,
  ConvertRequest,
  Roadmap,
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
  FindingUsage,
  MaturityEdit,
  PeerEdit,
  Situation,
  SnapshotEdit,
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
  Backup,
  ImportOutcome,
  Profile,
  ProfileEdit,
  SectionInfo,
  StepCount,
  WorkbookListing,
  WorkbookSummary,
  Guide,
  GuideEdit,
  Interview,
  InterviewEdit,
  QuestionEdit,
  Quote,
  SearchResults,
  Stakeholder,
  StakeholderEdit,
  StakeholderStep,
  TagTarget,
  Theme,
  ThemeEdit,
  TrashEntry,
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
  let result: T;
  try {
    result = await invoke<T>(command, args);
  } catch (reason) {
    throw toAppError(reason);
  }
  if (isRecordDeletion(command)) for (const listener of deletionListeners) listener();
  return result;
}

// Every deletion of a record files a Trash entry; listeners offer an Undo right after it.
const deletionListeners = new Set<() => void>();

/** True for the commands that move a record to the Trash (a workbook file is not a record). */
export function isRecordDeletion(command: string): boolean {
  return command.startsWith("delete_") && command !== "delete_workbook";
}

/** Calls `listener` after every deletion that succeeded; returns the unsubscribe. */
export function onRecordDeleted(listener: () => void): () => void {
  deletionListeners.add(listener);
  return () => deletionListeners.delete(listener);
}

export const trashEntries = () => call<TrashEntry[]>("trash_entries");
export const lastDeleted = () => call<TrashEntry | null>("last_deleted");
export const restoreFromTrash = (id: string) => call<TrashEntry>("restore_from_trash", { id });
export const emptyTrash = () => call<number>("empty_trash");

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

export const findingUsage = (id: string) => call<FindingUsage>("finding_usage", { id });
export const deleteFinding = (id: string) => call<AuditOverview>("delete_finding", { id });

export const findings = () => call<FindingSummary[]>("findings");

export const documentSections = (document: Document) =>
  call<SectionInfo[]>("document_sections", { document });

export const previewDocument = (options: ExportOptions) =>
  call<DocumentPreview>("preview_document", { options });

export const exportDocument = (options: ExportOptions, path: string) =>
  call<ExportReport>("export_document", { options, path });

export const openExported = (path: string) => call<null>("open_exported", { path });

// Step 2: stakeholders and interviews.
export const stakeholderStep = () => call<StakeholderStep>("stakeholder_step");
export const createStakeholder = (edit: StakeholderEdit) => call<Stakeholder>("create_stakeholder", { edit });
export const updateStakeholder = (id: string, edit: StakeholderEdit) =>
  call<Stakeholder>("update_stakeholder", { id, edit });
export const deleteStakeholder = (id: string) => call<null>("delete_stakeholder", { id });
export const createGuide = (edit: GuideEdit) => call<Guide>("create_guide", { edit });
export const copyStarterGuide = (key: string) => call<Guide>("copy_starter_guide", { key });
export const updateGuide = (id: string, edit: GuideEdit) => call<Guide>("update_guide", { id, edit });
export const deleteGuide = (id: string) => call<null>("delete_guide", { id });
export const addGuideQuestion = (guideId: string, edit: QuestionEdit) =>
  call<Guide>("add_guide_question", { guideId, edit });
export const updateGuideQuestion = (id: string, edit: QuestionEdit) =>
  call<Guide>("update_guide_question", { id, edit });
export const deleteGuideQuestion = (id: string) => call<Guide>("delete_guide_question", { id });
export const moveGuideQuestion = (id: string, to: number) => call<Guide>("move_guide_question", { id, to });
export const createInterview = (edit: InterviewEdit) => call<Interview>("create_interview", { edit });
export const updateInterview = (id: string, edit: InterviewEdit) =>
  call<Interview>("update_interview", { id, edit });
export const deleteInterview = (id: string) => call<null>("delete_interview", { id });
export const saveAnswer = (id: string, text: string) => call<null>("save_answer", { id, text });
export const saveInterviewNotes = (id: string, notes: string) => call<null>("save_interview_notes", { id, notes });
export const addQuote = (interviewId: string, text: string) => call<Quote>("add_quote", { interviewId, text });
export const updateQuote = (id: string, text: string) => call<Quote>("update_quote", { id, text });
export const deleteQuote = (id: string) => call<null>("delete_quote", { id });
export const createTheme = (edit: ThemeEdit) => call<Theme>("create_theme", { edit });
export const updateTheme = (id: string, edit: ThemeEdit) => call<Theme>("update_theme", { id, edit });
export const deleteTheme = (id: string) => call<null>("delete_theme", { id });
export const tagTheme = (target: TagTarget, name: string) => call<Theme>("tag_theme", { target, name });
export const untagTheme = (target: TagTarget, themeId: string) => call<null>("untag_theme", { target, themeId });
export const searchInterviews = (query: string) => call<SearchResults>("search_interviews", { query });
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

// The native dialogs are opened by the Rust side, which remembers each file the user picks:
// the only files outside the app's data folder that the commands will then read or write.

/** The native Open… dialog for workbooks. Resolves to null when the user cancels. */
export const chooseWorkbookFile = () => call<string | null>("choose_file_to_open", { kind: "workbook" });

/** The native Save dialog for an exported PDF. Resolves to null when the user cancels. */
export const choosePdfDestination = (suggestedName: string) =>
  call<string | null>("choose_save_destination", { kind: "pdf", suggestedName });

/** True inside the Tauri window; false in a plain browser (the dev preview) or in tests. */
export function insideTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

/**
 * Runs `mayClose` (which finishes every pending autosave) when the window is asked to close, by
 * its close button, the window manager or the keyboard. The window closes when it answers
 * true and stays open when it answers false (an edit was refused and the user is asked).
 */
export async function beforeWindowCloses(mayClose: () => Promise<boolean>): Promise<() => void> {
  if (!insideTauri()) return () => {};
  return getCurrentWindow().onCloseRequested(async (event) => {
    let close = true;
    try {
      close = await mayClose();
    } catch {
      // Nothing is known to be unsaved: closing goes ahead.
    }
    if (!close) event.preventDefault();
  });
}

/** Closes the window now, without asking again: the caller has saved or the user chose so. */
export async function closeWindow(): Promise<void> {
  if (insideTauri()) await getCurrentWindow().destroy();
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

// Step 5, the roadmap. Every write answers with the whole step, flags and totals worked out.
export const roadmapOverview = () => call<RoadmapOverview>("roadmap_overview");

export const savePhase = (id: string | null, edit: PhaseEdit) => call<RoadmapSaved>("save_phase", { id, edit });

/** Refused with code "inUse" (naming its initiatives) unless `keepInitiativesUnphased`. */
export const deletePhase = (id: string, keepInitiativesUnphased: boolean) =>
  call<RoadmapOverview>("delete_phase", { id, keepInitiativesUnphased });

export const saveInitiative = (id: string | null, edit: InitiativeEdit) =>
  call<RoadmapSaved>("save_initiative", { id, edit });

export const deleteInitiative = (id: string) => call<RoadmapOverview>("delete_initiative", { id });

// Safety and portability: JSON export and import, backups, Save a copy….
export const exportJson = (path: string) => call<void>("export_json", { path });
export const importJson = (source: string) => call<ImportOutcome>("import_json", { source });
export const listBackups = () => call<Backup[]>("list_backups");
export const backUpNow = () => call<Backup[]>("back_up_now");
export const restoreBackup = (path: string) => call<OpenedWorkbook>("restore_backup", { path });
export const saveCopy = (path: string) => call<void>("save_copy", { path });

/** The native Save dialog for a file of the given kind. Resolves to null when cancelled. */
export const chooseSaveDestination = (suggestedName: string, kind: "json" | "workbook") =>
  call<string | null>("choose_save_destination", { kind, suggestedName });

/** The native Open dialog for a workbook JSON file. Resolves to null when cancelled. */
export const chooseJsonFile = () => call<string | null>("choose_file_to_open", { kind: "json" });

// The readiness review and traceability. Every dismissal answers with the review after it.
export const readinessReview = () => call<import("./types").Review>("readiness_review");

export const dismissIssue = (key: string, reason: string) =>
  call<import("./types").Review>("dismiss_issue", { key, reason });

export const restoreIssue = (key: string) => call<import("./types").Review>("restore_issue", { key });

export const traceabilityMap = () => call<import("./types").Traceability>("traceability_map");

export const evidenceTrace = (kind: import("./types").EvidenceKind, id: string) =>
  call<import("./types").EvidenceTrace | null>("evidence_trace", { kind, id });

/** The goals an initiative serves, with their evidence and KPIs; `null` once it is gone. */
export const initiativeTrace = (id: string) =>
  call<import("./types").InitiativeTrace | null>("initiative_trace", { id });

export const openExample = () => call<OpenedWorkbook>("open_example");

export const workshopBoard = () => call<BoardView>("workshop_board");
export const addIdea = (text: string, groupId: string | null) => call<BoardCreated>("add_idea", { text, groupId });
export const updateIdea = (id: string, text: string) => call<BoardView>("update_idea", { id, text });
export const deleteIdea = (id: string) => call<BoardView>("delete_idea", { id });
export const moveIdea = (id: string, groupId: string | null) => call<BoardView>("move_idea", { id, groupId });
export const scoreIdea = (id: string, value: number | null, effort: number | null) =>
  call<BoardView>("score_idea", { id, value, effort });
export const createGroup = (name: string) => call<BoardCreated>("create_group", { name });
export const renameGroup = (id: string, name: string) => call<BoardView>("rename_group", { id, name });
export const deleteGroup = (id: string) => call<BoardView>("delete_group", { id });
export const setDotBudget = (budget: number) => call<BoardView>("set_dot_budget", { budget });
export const addParticipant = (name: string) => call<BoardCreated>("add_participant", { name });
export const deleteParticipant = (id: string) => call<BoardView>("delete_participant", { id });
export const setVote = (participantId: string, ideaId: string, dots: number) =>
  call<BoardView>("set_vote", { participantId, ideaId, dots });
export const convertGroup = (id: string, request: ConvertRequest) => call<BoardCreated>("convert_group", { id, request });
export const setFullscreen = async (on: boolean): Promise<void> => {
  try {
    await getCurrentWindow().setFullscreen(on);
  } catch {
    // Outside the desktop window (tests, preview) the overlay alone fills the view.
  }
};
export const presentationRoadmap = () => call<Roadmap>("presentation_roadmap");
export const scoreInitiative = (id: string, value: number | null, effort: number | null) =>
  call<BoardView>("score_initiative", { id, value, effort });
export const tourDismissed = () => call<boolean>("tour_dismissed");
export const dismissTour = () => call<null>("dismiss_tour");
