// The types that cross the boundary to the Rust back end. Everything generated from Rust comes
// from types.gen.ts; the document types below are written here until the document commands'
// types are generated too.

export type * from "./types.gen";

export type SectionInfo = { id: string; title: string };
export type Warning = { kind: string; message: string; section?: string | null };
export type DocumentPreview = { pdfBase64: string; pageCount: number; warnings: Array<Warning> };
export type ExportReport = { path: string; pageCount: number; bytes: number; warnings: Array<Warning> };
