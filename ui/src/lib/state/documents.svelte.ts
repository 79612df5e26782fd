// The Documents screen: the choices for an export, a live preview and the export itself.

import * as backend from "../backend";
import type { AppError, Document, DocumentPreview, ExportOptions, ExportReport, Paper, Review, SectionInfo } from "../backend";
import { DOCUMENTS } from "../steps";
import { pdfFileName } from "../format/numbers";

export class DocumentsState {
  document: Document = $state("full");
  paper: Paper = $state("a4");
  confidentiality = $state("Confidential");
  /** "YYYY-MM-DD", or "" for the workbook's last edit. */
  date = $state("");
  /** Adds the readiness review to the full strategy. */
  includeReadiness = $state(false);
  /** The readiness review, for the warning when blockers remain; null until loaded. */
  review: Review | null = $state(null);

  sections: SectionInfo[] = $state([]);
  /** Unticked section ids, per document, so switching documents keeps each one's choice. */
  omitted: Record<string, string[]> = $state({});
  sectionsError: AppError | null = $state(null);

  preview: DocumentPreview | null = $state(null);
  previewError: AppError | null = $state(null);
  previewing = $state(false);

  exporting = $state(false);
  exportError: AppError | null = $state(null);
  report: ExportReport | null = $state(null);

  #previewSeq = 0;
  #sectionsSeq = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  readonly options: ExportOptions = $derived({
    document: this.document,
    paper: this.paper,
    date: this.date === "" ? null : this.date,
    omitSections: [...(this.omitted[this.document] ?? [])],
    confidentiality: this.confidentiality,
    includeReadiness: this.includeReadiness && this.document === "full",
  });

  readonly title = $derived(DOCUMENTS.find((d) => d.document === this.document)?.title ?? "Document");

  isIncluded(id: string): boolean {
    return !(this.omitted[this.document] ?? []).includes(id);
  }

  setIncluded(id: string, included: boolean): void {
    const current = this.omitted[this.document] ?? [];
    const next = included ? current.filter((s) => s !== id) : [...current.filter((s) => s !== id), id];
    this.omitted = { ...this.omitted, [this.document]: next };
    this.schedulePreview();
  }

  /** Asks for the review; without it the screen simply shows no readiness warning. */
  async loadReview(): Promise<void> {
    try {
      this.review = await backend.readinessReview();
    } catch {
      this.review = null;
    }
  }

  setIncludeReadiness(include: boolean): void {
    this.includeReadiness = include;
    this.schedulePreview(0);
  }

  async choose(document: Document): Promise<void> {
    this.document = document;
    this.report = null;
    this.exportError = null;
    await this.loadSections();
  }

  async loadSections(): Promise<void> {
    const seq = ++this.#sectionsSeq;
    const document = this.document;
    try {
      const sections = await backend.documentSections(document);
      if (seq !== this.#sectionsSeq) return;
      this.sections = sections;
      this.sectionsError = null;
    } catch (reason) {
      if (seq !== this.#sectionsSeq) return;
      this.sections = [];
      this.sectionsError = backend.toAppError(reason);
    }
    this.schedulePreview(0);
  }

  /** Asks for a fresh preview once the choices have settled; only the latest answer is shown. */
  schedulePreview(delay = 350): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.refreshPreview();
    }, delay);
  }

  async refreshPreview(): Promise<void> {
    const seq = ++this.#previewSeq;
    this.previewing = true;
    try {
      const preview = await backend.previewDocument(this.options);
      if (seq !== this.#previewSeq) return;
      this.preview = preview;
      this.previewError = null;
    } catch (reason) {
      if (seq !== this.#previewSeq) return;
      this.preview = null;
      this.previewError = backend.toAppError(reason);
    } finally {
      if (seq === this.#previewSeq) this.previewing = false;
    }
  }

  fieldError(field: string): string | null {
    for (const e of [this.exportError, this.previewError]) if (e?.field === field) return e.message;
    return null;
  }

  /** Export…: asks where to save, writes the PDF there and reports what was written. */
  async exportTo(workbookName: string): Promise<void> {
    if (this.exporting) return;
    this.exportError = null;
    this.report = null;
    try {
      // The back end adds ".pdf" when the name chosen in the dialog leaves it out.
      const path = await backend.chooseSaveDestination("pdf", pdfFileName(workbookName, this.title));
      if (!path) return;
      this.exporting = true;
      this.report = await backend.exportDocument(this.options, path);
    } catch (reason) {
      this.exportError = backend.toAppError(reason);
    } finally {
      this.exporting = false;
    }
  }

  async openReport(): Promise<void> {
    if (!this.report) return;
    try {
      await backend.openExported(this.report.path);
    } catch (reason) {
      this.exportError = backend.toAppError(reason);
    }
  }

  dispose(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#previewSeq++;
  }
}
