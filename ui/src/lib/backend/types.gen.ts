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

export type WarningKind = "missingGlyphs" | "emptySection" | "summarised";

