// Generated from the Rust command signatures by
// `UPDATE_BINDINGS=1 cargo test -p groundwork-app bindings`. Do not edit.
// One function per #[tauri::command] in src-tauri/src/commands/; the UI imports them from ./index.

import { call } from "./call";
import type {
  AuditOverview,
  Backup,
  BoardView,
  ChannelEdit,
  ChannelUsage,
  Comparison,
  ContactEdit,
  ConvertRequest,
  CrisisPlan,
  DateOrder,
  Document,
  DocumentPreview,
  DocumentSettingsEdit,
  DocumentSettingsView,
  EscalationEdit,
  EvidenceKind,
  EvidenceTrace,
  ExportOptions,
  ExportReport,
  FigureCheck,
  FigureImport,
  FigureMapping,
  FigureSource,
  FileKind,
  FilledStatement,
  FindingEdit,
  FindingSummary,
  FindingUsage,
  GoalEdit,
  GoalsOverview,
  GuideEdit,
  Guidelines,
  ImportFor,
  ImportOutcome,
  ImportResult,
  InitiativeEdit,
  InitiativeTrace,
  InterviewEdit,
  KpiEdit,
  LogoView,
  MaturityEdit,
  MeasurementEdit,
  Narrative,
  NumberStyle,
  ObjectiveEdit,
  OpenedWorkbook,
  PeerEdit,
  PhaseEdit,
  Profile,
  ProfileEdit,
  QuestionEdit,
  Review,
  Roadmap,
  RoadmapOverview,
  Saved,
  ScenarioEdit,
  SearchResults,
  SectionInfo,
  SeverityEdit,
  SheetKind,
  Situation,
  SnapshotEdit,
  SpreadsheetReport,
  StakeholderEdit,
  StakeholderStep,
  StarterScenario,
  StatementEdit,
  StepCount,
  TagTarget,
  ThemeEdit,
  Traceability,
  TrashEntry,
  WorkbookListing,
  WorkbookSummary,
} from "./types.gen";

// src-tauri/src/commands/audit.rs

export function auditOverview(): Promise<AuditOverview> {
  return call<AuditOverview>("audit_overview");
}

export function saveChannel(id: string | null, edit: ChannelEdit): Promise<Saved<AuditOverview>> {
  return call<Saved<AuditOverview>>("save_channel", { id, edit });
}

export function channelUsage(id: string): Promise<ChannelUsage> {
  return call<ChannelUsage>("channel_usage", { id });
}

export function deleteChannel(id: string, confirmed: boolean): Promise<AuditOverview> {
  return call<AuditOverview>("delete_channel", { id, confirmed });
}

export function saveSnapshot(id: string | null, edit: SnapshotEdit): Promise<Saved<AuditOverview>> {
  return call<Saved<AuditOverview>>("save_snapshot", { id, edit });
}

export function deleteSnapshot(id: string): Promise<AuditOverview> {
  return call<AuditOverview>("delete_snapshot", { id });
}

export function compareSnapshots(from: string, to: string): Promise<Comparison> {
  return call<Comparison>("compare_snapshots", { from, to });
}

export function saveMaturity(edit: MaturityEdit): Promise<AuditOverview> {
  return call<AuditOverview>("save_maturity", { edit });
}

export function updateSituation(edit: Situation): Promise<AuditOverview> {
  return call<AuditOverview>("update_situation", { edit });
}

export function savePeer(id: string | null, edit: PeerEdit): Promise<Saved<AuditOverview>> {
  return call<Saved<AuditOverview>>("save_peer", { id, edit });
}

export function deletePeer(id: string): Promise<AuditOverview> {
  return call<AuditOverview>("delete_peer", { id });
}

export function saveFinding(id: string | null, edit: FindingEdit): Promise<Saved<AuditOverview>> {
  return call<Saved<AuditOverview>>("save_finding", { id, edit });
}

/** The crisis scenarios that rest on a finding, for the delete confirmation. */
export function findingUsage(id: string): Promise<FindingUsage> {
  return call<FindingUsage>("finding_usage", { id });
}

export function deleteFinding(id: string): Promise<AuditOverview> {
  return call<AuditOverview>("delete_finding", { id });
}

/** The findings later steps cite. */
export function findings(): Promise<FindingSummary[]> {
  return call<FindingSummary[]>("findings");
}

// src-tauri/src/commands/crisis.rs

export function crisisPlan(): Promise<CrisisPlan> {
  return call<CrisisPlan>("crisis_plan");
}

export function starterScenarios(): Promise<StarterScenario[]> {
  return call<StarterScenario[]>("starter_scenarios");
}

/**
 * Fills a statement's placeholders for the preview; `{{organisation}}` and `{{community}}`
 * default to the workbook's profile.
 */
export function fillStatement(body: string, values: Record<string, string>): Promise<FilledStatement> {
  return call<FilledStatement>("fill_statement", { body, values });
}

export function saveSeverity(id: string | null, edit: SeverityEdit): Promise<Saved<CrisisPlan>> {
  return call<Saved<CrisisPlan>>("save_severity", { id, edit });
}

export function deleteSeverity(id: string): Promise<CrisisPlan> {
  return call<CrisisPlan>("delete_severity", { id });
}

export function saveScenario(id: string | null, edit: ScenarioEdit): Promise<Saved<CrisisPlan>> {
  return call<Saved<CrisisPlan>>("save_scenario", { id, edit });
}

export function addStarterScenario(key: string): Promise<Saved<CrisisPlan>> {
  return call<Saved<CrisisPlan>>("add_starter_scenario", { key });
}

export function deleteScenario(id: string): Promise<CrisisPlan> {
  return call<CrisisPlan>("delete_scenario", { id });
}

export function saveAction(scenarioId: string, id: string | null, text: string): Promise<Saved<CrisisPlan>> {
  return call<Saved<CrisisPlan>>("save_action", { scenarioId, id, text });
}

export function deleteAction(id: string): Promise<CrisisPlan> {
  return call<CrisisPlan>("delete_action", { id });
}

export function moveAction(id: string, delta: number): Promise<CrisisPlan> {
  return call<CrisisPlan>("move_action", { id, delta });
}

export function saveStatement(
  scenarioId: string,
  id: string | null,
  edit: StatementEdit,
): Promise<Saved<CrisisPlan>> {
  return call<Saved<CrisisPlan>>("save_statement", { scenarioId, id, edit });
}

export function deleteStatement(id: string): Promise<CrisisPlan> {
  return call<CrisisPlan>("delete_statement", { id });
}

export function saveContact(id: string | null, edit: ContactEdit): Promise<Saved<CrisisPlan>> {
  return call<Saved<CrisisPlan>>("save_contact", { id, edit });
}

export function deleteContact(id: string): Promise<CrisisPlan> {
  return call<CrisisPlan>("delete_contact", { id });
}

export function saveEscalation(id: string | null, edit: EscalationEdit): Promise<Saved<CrisisPlan>> {
  return call<Saved<CrisisPlan>>("save_escalation", { id, edit });
}

export function deleteEscalation(id: string): Promise<CrisisPlan> {
  return call<CrisisPlan>("delete_escalation", { id });
}

export function updateGuidelines(edit: Guidelines): Promise<CrisisPlan> {
  return call<CrisisPlan>("update_guidelines", { edit });
}

// src-tauri/src/commands/dialogs.rs

/** Open…: the file the user picked, or `None` when they cancelled. */
export function chooseFileToOpen(kind: FileKind): Promise<string | null> {
  return call<string | null>("choose_file_to_open", { kind });
}

/**
 * Save…: where the user chose to write, with the kind's extension added when they left it
 * out (GTK's dialog does not add it), or `None` when they cancelled.
 */
export function chooseSaveDestination(kind: FileKind, suggestedName: string): Promise<string | null> {
  return call<string | null>("choose_save_destination", { kind, suggestedName });
}

// src-tauri/src/commands/documents.rs

export function documentSections(document: Document): Promise<SectionInfo[]> {
  return call<SectionInfo[]>("document_sections", { document });
}

export function previewDocument(options: ExportOptions): Promise<DocumentPreview> {
  return call<DocumentPreview>("preview_document", { options });
}

/**
 * Writes the document to `path`, which the strategist chose in the save dialog. The file is
 * written beside its final name and then moved into place, so a failed export never leaves a
 * half-written PDF over an older one.
 */
export function exportDocument(options: ExportOptions, path: string): Promise<ExportReport> {
  return call<ExportReport>("export_document", { options, path });
}

/** Opens a document exported in this session with the system's PDF viewer. */
export function openExported(path: string): Promise<null> {
  return call<null>("open_exported", { path });
}

export function documentSettings(): Promise<DocumentSettingsView> {
  return call<DocumentSettingsView>("document_settings");
}

/**
 * Saves what the documents ask of the reader and their accent; answers with the settings as
 * stored.
 */
export function saveDocumentSettings(edit: DocumentSettingsEdit): Promise<DocumentSettingsView> {
  return call<DocumentSettingsView>("save_document_settings", { edit });
}

/**
 * The organisation's logo, when one was chosen: for the Documents screen and the
 * presentation.
 */
export function documentLogo(): Promise<LogoView | null> {
  return call<LogoView | null>("document_logo");
}

/**
 * Makes the organisation's logo from `path`, an image chosen in the Open dialog, and keeps it
 * in the workbook in place of any before it. A file that is not a usable image is refused
 * with a sentence, and the logo before it stays.
 */
export function setLogo(path: string): Promise<LogoView> {
  return call<LogoView>("set_logo", { path });
}

/** Takes the logo out of the workbook; the documents print without one. */
export function removeLogo(): Promise<null> {
  return call<null>("remove_logo");
}

// src-tauri/src/commands/figures.rs

/**
 * Reads a chosen CSV, TSV or spreadsheet file (the `sheet` named, or its first sheet of
 * figures) and offers a mapping with its preview.
 */
export function openFigures(path: string, sheet: string | null, target: ImportFor): Promise<FigureSource> {
  return call<FigureSource>("open_figures", { path, sheet, target });
}

/** Reads a pasted block (rows copied from a spreadsheet or an export) the same way as a file. */
export function pasteFigures(text: string, target: ImportFor): Promise<FigureSource> {
  return call<FigureSource>("paste_figures", { text, target });
}

/** The preview of the file read last, by `mapping`. */
export function checkFigures(mapping: FigureMapping): Promise<FigureCheck> {
  return call<FigureCheck>("check_figures", { mapping });
}

/** Imports the file read last by `mapping`, in one transaction. */
export function importFigures(mapping: FigureMapping): Promise<FigureImport> {
  return call<FigureImport>("import_figures", { mapping });
}

/** Undoes an import; answers what was undone, in a sentence. */
export function undoFigureImport(id: string): Promise<string> {
  return call<string>("undo_figure_import", { id });
}

// src-tauri/src/commands/goals.rs

export function goalsOverview(): Promise<GoalsOverview> {
  return call<GoalsOverview>("goals_overview");
}

export function updateNarrative(edit: Narrative): Promise<GoalsOverview> {
  return call<GoalsOverview>("update_narrative", { edit });
}

export function saveObjective(id: string | null, edit: ObjectiveEdit): Promise<Saved<GoalsOverview>> {
  return call<Saved<GoalsOverview>>("save_objective", { id, edit });
}

/** Refused with an `inUse` error naming the goals under it unless `confirmed`. */
export function deleteObjective(id: string, confirmed: boolean): Promise<GoalsOverview> {
  return call<GoalsOverview>("delete_objective", { id, confirmed });
}

export function saveGoal(id: string | null, edit: GoalEdit): Promise<Saved<GoalsOverview>> {
  return call<Saved<GoalsOverview>>("save_goal", { id, edit });
}

export function deleteGoal(id: string, confirmed: boolean): Promise<GoalsOverview> {
  return call<GoalsOverview>("delete_goal", { id, confirmed });
}

export function saveKpi(id: string | null, edit: KpiEdit): Promise<Saved<GoalsOverview>> {
  return call<Saved<GoalsOverview>>("save_kpi", { id, edit });
}

export function deleteKpi(id: string, confirmed: boolean): Promise<GoalsOverview> {
  return call<GoalsOverview>("delete_kpi", { id, confirmed });
}

export function saveMeasurement(
  kpiId: string,
  id: string | null,
  edit: MeasurementEdit,
): Promise<Saved<GoalsOverview>> {
  return call<Saved<GoalsOverview>>("save_measurement", { kpiId, id, edit });
}

export function deleteMeasurement(id: string): Promise<GoalsOverview> {
  return call<GoalsOverview>("delete_measurement", { id });
}

/** Reads a pasted block; writes its good rows unless `dryRun` (the preview). */
export function importMeasurements(
  kpiId: string,
  text: string,
  replaceExisting: boolean,
  dryRun: boolean,
): Promise<ImportResult> {
  return call<ImportResult>("import_measurements", { kpiId, text, replaceExisting, dryRun });
}

// src-tauri/src/commands/library.rs

export function listWorkbooks(): Promise<WorkbookListing> {
  return call<WorkbookListing>("list_workbooks");
}

export function createWorkbook(name: string, organisation: string): Promise<OpenedWorkbook> {
  return call<OpenedWorkbook>("create_workbook", { name, organisation });
}

export function openWorkbook(path: string): Promise<OpenedWorkbook> {
  return call<OpenedWorkbook>("open_workbook", { path });
}

/** The `.groundwork` file the app was launched with, if any, so the UI can open it first. */
export function launchFile(): Promise<string | null> {
  return call<string | null>("launch_file");
}

export function renameWorkbook(path: string, name: string): Promise<WorkbookSummary> {
  return call<WorkbookSummary>("rename_workbook", { path, name });
}

export function duplicateWorkbook(path: string): Promise<WorkbookSummary> {
  return call<WorkbookSummary>("duplicate_workbook", { path });
}

export function deleteWorkbook(path: string): Promise<null> {
  return call<null>("delete_workbook", { path });
}

/** Opens the built-in example workbook from the data folder, writing it there the first time. */
export function openExample(): Promise<OpenedWorkbook> {
  return call<OpenedWorkbook>("open_example");
}

export function tourDismissed(): Promise<boolean> {
  return call<boolean>("tour_dismissed");
}

/**
 * Remembers that the tour was dismissed. A folder that cannot be written only means the tour
 * offers itself again next time, so a failure is not reported.
 */
export function dismissTour(): Promise<null> {
  return call<null>("dismiss_tour");
}

/**
 * Sets the order in which every sentence and document written from now on gives a date, as
 * the window's locale writes it ("5 Nov 2026" or "Nov 5, 2026"), so the core's sentences read
 * like the dates around them on screen.
 */
export function setDateOrder(order: DateOrder): Promise<null> {
  return call<null>("set_date_order", { order });
}

/**
 * Sets the decimal mark the person at the keyboard uses, as the window's locale writes
 * numbers ("12.5" or "12,5"): budgets typed as "1,250" are read with it, and the budget forms
 * show amounts with it.
 */
export function setDecimalStyle(style: NumberStyle): Promise<null> {
  return call<null>("set_decimal_style", { style });
}

// src-tauri/src/commands/portable.rs

/** Writes the open workbook as portable JSON to `path`, chosen in the save dialog. */
export function exportJson(path: string): Promise<null> {
  return call<null>("export_json", { path });
}

/** Imports a JSON file chosen in the open dialog as a new workbook in the data folder. */
export function importJson(source: string): Promise<ImportOutcome> {
  return call<ImportOutcome>("import_json", { source });
}

/** The open workbook's backups, newest first. */
export function listBackups(): Promise<Backup[]> {
  return call<Backup[]>("list_backups");
}

export function backUpNow(): Promise<Backup[]> {
  return call<Backup[]>("back_up_now");
}

/**
 * Replaces the open workbook with one of its backups, after backing up its current state.
 * Only a file from the workbook's own backup list is accepted.
 */
export function restoreBackup(path: string): Promise<OpenedWorkbook> {
  return call<OpenedWorkbook>("restore_backup", { path });
}

/**
 * Save a copy…: a consistent snapshot of the open workbook at `path`, chosen in the save
 * dialog. The workbook stays open.
 */
export function saveCopy(path: string): Promise<null> {
  return call<null>("save_copy", { path });
}

// src-tauri/src/commands/readiness.rs

export function readinessReview(): Promise<Review> {
  return call<Review>("readiness_review");
}

/** Accepts an issue with the strategist's reason; answers with the review after it. */
export function dismissIssue(key: string, reason: string): Promise<Review> {
  return call<Review>("dismiss_issue", { key, reason });
}

/** Undoes a dismissal; answers with the review after it. */
export function restoreIssue(key: string): Promise<Review> {
  return call<Review>("restore_issue", { key });
}

/** Every goal's chain from evidence to KPIs and initiatives. */
export function traceabilityMap(): Promise<Traceability> {
  return call<Traceability>("traceability_map");
}

/** What one finding, theme or quote leads to; `None` when it no longer exists. */
export function evidenceTrace(kind: EvidenceKind, id: string): Promise<EvidenceTrace | null> {
  return call<EvidenceTrace | null>("evidence_trace", { kind, id });
}

/** From an initiative back to the goals it serves and their evidence. */
export function initiativeTrace(id: string): Promise<InitiativeTrace | null> {
  return call<InitiativeTrace | null>("initiative_trace", { id });
}

// src-tauri/src/commands/roadmap.rs

export function roadmapOverview(): Promise<RoadmapOverview> {
  return call<RoadmapOverview>("roadmap_overview");
}

export function savePhase(id: string | null, edit: PhaseEdit): Promise<Saved<RoadmapOverview>> {
  return call<Saved<RoadmapOverview>>("save_phase", { id, edit });
}

/**
 * Refused with an `inUse` error naming its initiatives unless `confirmed`; the initiatives
 * then stay on the roadmap without a phase.
 */
export function deletePhase(id: string, confirmed: boolean): Promise<RoadmapOverview> {
  return call<RoadmapOverview>("delete_phase", { id, confirmed });
}

export function saveInitiative(id: string | null, edit: InitiativeEdit): Promise<Saved<RoadmapOverview>> {
  return call<Saved<RoadmapOverview>>("save_initiative", { id, edit });
}

/**
 * Adds an initiative titled `title` and answers it with the step: work for next, or, in the
 * phase `phase_id`, dated like that phase.
 */
export function addInitiative(title: string, phaseId: string | null): Promise<Saved<RoadmapOverview>> {
  return call<Saved<RoadmapOverview>>("add_initiative", { title, phaseId });
}

export function deleteInitiative(id: string): Promise<RoadmapOverview> {
  return call<RoadmapOverview>("delete_initiative", { id });
}

// src-tauri/src/commands/spreadsheet.rs

/** Writes every table of the open workbook to `path` as an XLSX spreadsheet, a sheet each. */
export function exportSpreadsheet(path: string): Promise<SpreadsheetReport> {
  return call<SpreadsheetReport>("export_spreadsheet", { path });
}

/** Writes one table of the open workbook to `path` as CSV. */
export function exportTableCsv(sheet: SheetKind, path: string): Promise<SpreadsheetReport> {
  return call<SpreadsheetReport>("export_table_csv", { sheet, path });
}

// src-tauri/src/commands/stakeholders.rs

export function stakeholderStep(): Promise<StakeholderStep> {
  return call<StakeholderStep>("stakeholder_step");
}

export function saveStakeholder(id: string | null, edit: StakeholderEdit): Promise<Saved<StakeholderStep>> {
  return call<Saved<StakeholderStep>>("save_stakeholder", { id, edit });
}

/** Deletes a stakeholder with their interviews (the screen asks first, naming them). */
export function deleteStakeholder(id: string): Promise<StakeholderStep> {
  return call<StakeholderStep>("delete_stakeholder", { id });
}

export function saveGuide(id: string | null, edit: GuideEdit): Promise<Saved<StakeholderStep>> {
  return call<Saved<StakeholderStep>>("save_guide", { id, edit });
}

/** Copies the starter guide `key` into the workbook; answers the new guide's id. */
export function copyStarterGuide(key: string): Promise<Saved<StakeholderStep>> {
  return call<Saved<StakeholderStep>>("copy_starter_guide", { key });
}

export function deleteGuide(id: string): Promise<StakeholderStep> {
  return call<StakeholderStep>("delete_guide", { id });
}

/** Adds a question at the end of guide `guide_id` (`id` null) or changes one of its questions. */
export function saveGuideQuestion(
  guideId: string,
  id: string | null,
  edit: QuestionEdit,
): Promise<Saved<StakeholderStep>> {
  return call<Saved<StakeholderStep>>("save_guide_question", { guideId, id, edit });
}

export function deleteGuideQuestion(id: string): Promise<StakeholderStep> {
  return call<StakeholderStep>("delete_guide_question", { id });
}

/** Moves a question to position `to` in its guide (0 is first). */
export function moveGuideQuestion(id: string, to: number): Promise<StakeholderStep> {
  return call<StakeholderStep>("move_guide_question", { id, to });
}

/**
 * Starts an interview (`id` null: its guide's questions are copied in) or changes who, when,
 * by whom and how.
 */
export function saveInterview(id: string | null, edit: InterviewEdit): Promise<Saved<StakeholderStep>> {
  return call<Saved<StakeholderStep>>("save_interview", { id, edit });
}

export function deleteInterview(id: string): Promise<StakeholderStep> {
  return call<StakeholderStep>("delete_interview", { id });
}

/** One answer as typed, while an interview is captured. */
export function saveAnswer(id: string, text: string): Promise<StakeholderStep> {
  return call<StakeholderStep>("save_answer", { id, text });
}

export function saveInterviewNotes(id: string, notes: string): Promise<StakeholderStep> {
  return call<StakeholderStep>("save_interview_notes", { id, notes });
}

/** Adds a key quote to interview `interview_id` (`id` null) or corrects one of its quotes. */
export function saveQuote(
  interviewId: string,
  id: string | null,
  text: string,
): Promise<Saved<StakeholderStep>> {
  return call<Saved<StakeholderStep>>("save_quote", { interviewId, id, text });
}

export function deleteQuote(id: string): Promise<StakeholderStep> {
  return call<StakeholderStep>("delete_quote", { id });
}

export function saveTheme(id: string | null, edit: ThemeEdit): Promise<Saved<StakeholderStep>> {
  return call<Saved<StakeholderStep>>("save_theme", { id, edit });
}

export function deleteTheme(id: string): Promise<StakeholderStep> {
  return call<StakeholderStep>("delete_theme", { id });
}

/** Tags an answer, quote or notes with the theme called `name` (made when there is none). */
export function tagTheme(target: TagTarget, name: string): Promise<StakeholderStep> {
  return call<StakeholderStep>("tag_theme", { target, name });
}

export function untagTheme(target: TagTarget, themeId: string): Promise<StakeholderStep> {
  return call<StakeholderStep>("untag_theme", { target, themeId });
}

export function searchInterviews(query: string): Promise<SearchResults> {
  return call<SearchResults>("search_interviews", { query });
}

// src-tauri/src/commands/trash.rs

export function trashEntries(): Promise<TrashEntry[]> {
  return call<TrashEntry[]>("trash_entries");
}

export function lastDeleted(): Promise<TrashEntry | null> {
  return call<TrashEntry | null>("last_deleted");
}

export function restoreFromTrash(id: string): Promise<TrashEntry> {
  return call<TrashEntry>("restore_from_trash", { id });
}

export function emptyTrash(): Promise<number> {
  return call<number>("empty_trash");
}

// src-tauri/src/commands/workbook.rs

export function closeWorkbook(): Promise<null> {
  return call<null>("close_workbook");
}

export function updateProfile(edit: ProfileEdit): Promise<Profile> {
  return call<Profile>("update_profile", { edit });
}

export function stepCounts(): Promise<StepCount[]> {
  return call<StepCount[]>("step_counts");
}

// src-tauri/src/commands/workshop.rs

export function workshopBoard(): Promise<BoardView> {
  return call<BoardView>("workshop_board");
}

/** Adds a note to the unsorted notes (`id` null) or corrects a note's text. */
export function saveIdea(id: string | null, text: string): Promise<Saved<BoardView>> {
  return call<Saved<BoardView>>("save_idea", { id, text });
}

export function deleteIdea(id: string): Promise<BoardView> {
  return call<BoardView>("delete_idea", { id });
}

/** Moves a note into a group, or back to the unsorted notes with `groupId` null. */
export function moveIdea(id: string, groupId: string | null): Promise<BoardView> {
  return call<BoardView>("move_idea", { id, groupId });
}

export function scoreIdea(id: string, value: number | null, effort: number | null): Promise<BoardView> {
  return call<BoardView>("score_idea", { id, value, effort });
}

export function scoreInitiative(id: string, value: number | null, effort: number | null): Promise<BoardView> {
  return call<BoardView>("score_initiative", { id, value, effort });
}

/** Adds a group (`id` null) or renames one. */
export function saveGroup(id: string | null, name: string): Promise<Saved<BoardView>> {
  return call<Saved<BoardView>>("save_group", { id, name });
}

/** Deletes a group; its notes go back to the unsorted notes. */
export function deleteGroup(id: string): Promise<BoardView> {
  return call<BoardView>("delete_group", { id });
}

export function setDotBudget(budget: number): Promise<BoardView> {
  return call<BoardView>("set_dot_budget", { budget });
}

/** Adds a participant (`id` null) or renames one. */
export function saveParticipant(id: string | null, name: string): Promise<Saved<BoardView>> {
  return call<Saved<BoardView>>("save_participant", { id, name });
}

/** Removes a participant and their dots. */
export function deleteParticipant(id: string): Promise<BoardView> {
  return call<BoardView>("delete_participant", { id });
}

/** Sets how many dots a participant placed on a note (0 takes them back). */
export function setVote(participantId: string, ideaId: string, dots: number): Promise<BoardView> {
  return call<BoardView>("set_vote", { participantId, ideaId, dots });
}

/** Turns a group into a record of another step; the board shows what it became. */
export function convertGroup(id: string, request: ConvertRequest): Promise<BoardView> {
  return call<BoardView>("convert_group", { id, request });
}

/** The roadmap, for the presentation's timeline slide. */
export function presentationRoadmap(): Promise<Roadmap> {
  return call<Roadmap>("presentation_roadmap");
}
