// The types that cross the boundary to the Rust back end.
// Interim shapes until types.gen.ts (generated from Rust) lands; then these re-export it.

export type ErrorCode =
  | "invalid"
  | "notAWorkbook"
  | "newerVersion"
  | "readOnly"
  | "notFound"
  | "alreadyExists"
  | "noWorkbookOpen"
  | "io"
  | "document";

export type AppError = { code: ErrorCode; message: string; field: string | null };

export type WorkbookSummary = {
  path: string;
  fileName: string;
  name: string;
  organisation: string;
  updatedAt: string;
  readOnly: boolean;
};

export type UnreadableFile = { path: string; fileName: string; problem: string };

export type WorkbookListing = { workbooks: Array<WorkbookSummary>; unreadable: Array<UnreadableFile> };

export type Profile = {
  name: string;
  organisation: string;
  communityName: string;
  strategist: string;
  purpose: string;
  createdAt: string;
  updatedAt: string;
};

export type ProfileEdit = {
  name: string;
  organisation: string;
  communityName: string;
  strategist: string;
  purpose: string;
};

export type Step = "audit" | "stakeholders" | "goals" | "crisis" | "roadmap";

export type StepCount = { step: Step; title: string; records: number };

export type OpenedWorkbook = { summary: WorkbookSummary; profile: Profile; stepCounts: Array<StepCount> };

export type Document = "full" | "roadmap" | "crisis" | "audit";

export type Paper = "a4" | "letter";

export type ExportOptions = {
  document: Document;
  paper: Paper;
  date: string | null;
  omitSections: Array<string>;
  confidentiality: string;
};

// Documents: not generated yet.
export type SectionInfo = { id: string; title: string };
export type Warning = { kind: string; message: string };
export type DocumentPreview = { pdfBase64: string; pageCount: number; warnings: Array<Warning> };
export type ExportReport = { path: string; pageCount: number; bytes: number; warnings: Array<Warning> };
