// Generated from the Rust types by `UPDATE_BINDINGS=1 cargo test -p groundwork-app bindings`. Do not edit.

export type AppError = { code: ErrorCode, message: string, field: string | null, };

export type ErrorCode = "invalid" | "notAWorkbook" | "newerVersion" | "readOnly" | "notFound" | "alreadyExists" | "noWorkbookOpen" | "io" | "document";

export type Invalid = { field: string | null, message: string, };

export type WorkbookListing = { 
/**
 * Most recently edited first.
 */
workbooks: Array<WorkbookSummary>, unreadable: Array<UnreadableFile>, };

export type WorkbookSummary = { path: string, fileName: string, name: string, organisation: string, updatedAt: string, readOnly: boolean, };

export type UnreadableFile = { path: string, fileName: string, problem: string, };

export type OpenedWorkbook = { summary: WorkbookSummary, profile: Profile, stepCounts: Array<StepCount>, };

export type Profile = { name: string, organisation: string, communityName: string, strategist: string, purpose: string, createdAt: string, updatedAt: string, };

export type ProfileEdit = { name: string, organisation: string, communityName: string, strategist: string, purpose: string, };

export type Step = "audit" | "stakeholders" | "goals" | "crisis" | "roadmap";

export type StepCount = { step: Step, title: string, records: number, };

export type Document = "full" | "roadmap" | "crisis" | "audit";

export type Paper = "a4" | "letter";

export type ExportOptions = { document: Document, paper: Paper, 
/**
 * The date printed on the document; `None` means the workbook's last edit, never the clock,
 * so the same workbook always gives the same bytes.
 */
date: string | null, 
/**
 * Section ids to leave out (see the docs crate's section list for each document).
 */
omitSections: Array<string>, 
/**
 * Printed in every page header, e.g. "Confidential". Empty for none.
 */
confidentiality: string, };

export type SectionInfo = { 
/**
 * Stable id, as used in `ExportOptions::omit_sections`.
 */
id: string, title: string, };

export type DocumentPreview = { pdfBase64: string, pageCount: number, warnings: Array<Warning>, };

export type ExportReport = { path: string, pageCount: number, bytes: number, warnings: Array<Warning>, };

export type Warning = { kind: WarningKind, 
/**
 * Plain English, ready to show.
 */
message: string, 
/**
 * The section it concerns, when there is one.
 */
section: string | null, };

export type WarningKind = "missingGlyphs" | "emptySection" | "summarised" | "incomplete";

export type CrisisPlan = { levels: Array<SeverityLevel>, 
/**
 * Highest risk first.
 */
scenarios: Array<Scenario>, contacts: Array<Contact>, escalations: Array<Escalation>, guidelines: Guidelines, 
/**
 * How many scenarios sit in each cell: `matrix[likelihood - 1][impact - 1]`.
 */
matrix: Array<Array<number>>, };

export type SeverityLevel = { id: string, name: string, definition: string, responseMinutes: number, 
/**
 * The response time as a person reads it ("1 h 30 min").
 */
responseTime: string, };

export type SeverityEdit = { name: string, definition: string, 
/**
 * As typed: "30 min", "4 h", "1 day".
 */
responseTime: string, };

export type Risk = { score: number, band: RiskBand, };

export type RiskBand = "low" | "medium" | "high" | "critical";

export type Scenario = { id: string, title: string, description: string, likelihood: number, impact: number, risk: Risk, severityId: string | null, owner: string, 
/**
 * Early-warning signals, one per line.
 */
signals: string, 
/**
 * Channels to respond on, one per line.
 */
channels: string, actions: Array<ScenarioAction>, statements: Array<HoldingStatement>, 
/**
 * What the scenario still lacks to be ready (owner, statement, escalation path).
 */
gaps: Array<string>, };

export type ScenarioEdit = { title: string, description: string, 
/**
 * 1 (rare) to 5 (almost certain); wider on input so a wrong value gets a sentence.
 */
likelihood: number, 
/**
 * 1 (minimal) to 5 (severe).
 */
impact: number, severityId: string | null, owner: string, signals: string, channels: string, };

export type ScenarioAction = { id: string, text: string, };

export type HoldingStatement = { id: string, title: string, body: string, 
/**
 * The known placeholders it uses.
 */
placeholders: Array<string>, 
/**
 * Sentences about unknown or unclosed placeholders. The statement is saved regardless so
 * nothing typed is lost.
 */
problems: Array<string>, };

export type StatementEdit = { title: string, body: string, };

export type Contact = { id: string, name: string, role: string, phone: string, email: string, 
/**
 * Who stands in when this person cannot be reached.
 */
backupId: string | null, };

export type ContactEdit = { name: string, role: string, phone: string, email: string, backupId: string | null, };

export type Escalation = { id: string, severityId: string, contactId: string, withinMinutes: number, within: string, approves: boolean, };

export type EscalationEdit = { severityId: string, contactId: string, 
/**
 * As typed: "15 min", "1 h".
 */
within: string, approves: boolean, };

export type Guidelines = { tone: string, dos: string, donts: string, engage: string, disengage: string, 
/**
 * The post-crisis review template: one question or heading per line.
 */
review: string, };

export type StarterScenario = { key: string, title: string, description: string, likelihood: number, impact: number, 
/**
 * Index into the starter levels (0 watch, 1 concern, 2 crisis): the copy takes the level
 * at that position in the workbook, if there is one.
 */
level: number, signals: Array<string>, actions: Array<string>, channels: Array<string>, statementTitle: string, statement: string, };

export type FilledStatement = { parts: Array<FilledPart>, 
/**
 * The whole text, ready to copy once nothing is unfilled.
 */
text: string, slots: Array<Slot>, 
/**
 * Placeholders without a value, in order.
 */
unfilled: Array<string>, 
/**
 * Sentences about the template itself (unknown placeholders, unclosed braces).
 */
problems: Array<string>, 
/**
 * A sentence for the person filling it in, or `None` when it is ready to send.
 */
message: string | null, };

export type FilledPart = { text: string, 
/**
 * The placeholder this text came from, if any.
 */
placeholder: string | null, 
/**
 * False when the placeholder has no value yet: shown as `{{name}}` and flagged.
 */
filled: boolean, };

export type Slot = { name: string, label: string, 
/**
 * What was typed, or the workbook's own value (the organisation) when nothing was.
 */
value: string, };

export type ScenarioCreated = { plan: CrisisPlan, id: string, };

