// The Documents screen: the choices for an export, a live preview and the export itself.

import * as backend from "../backend";
import type {
  AppError,
  Document,
  DocumentPreview,
  DocumentSettingsEdit,
  DocumentSettingsView,
  ExportOptions,
  ExportReport,
  LogoView,
  Paper,
  Review,
  SectionInfo,
} from "../backend";
import { DOCUMENTS } from "../steps";
import { pdfFileName } from "../format/numbers";
import type { Autosave } from "./autosave.svelte";
import { Saves } from "./saves.svelte";

export type SettingsField = keyof DocumentSettingsEdit;

/** The accent the documents use when the strategist chose none (as the core's house accent). */
export const HOUSE_ACCENT = "#1f6f78";

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

  /**
   * What the documents ask of the reader and their accent, as typed (kept when a save is
   * refused); null until loaded. Saved on its own after a pause, like every other text.
   */
  settings: DocumentSettingsEdit | null = $state(null);
  /** The ask the roadmap suggests: the placeholder, and what "Start from the suggestion" copies. */
  suggestedAsk: string | null = $state(null);
  /** Why text prints in a darker shade of the chosen accent, when it does. */
  accentNote: string | null = $state(null);
  settingsError: AppError | null = $state(null);
  /** The organisation's logo the documents print; null for none. */
  logo: LogoView | null = $state(null);
  /** Why the chosen file was not taken as the logo (the logo before it stays). */
  logoError: AppError | null = $state(null);
  logoBusy = $state(false);
  readonly settingsSave: Autosave<DocumentSettingsEdit, DocumentSettingsView>;

  #previewSeq = 0;
  #sectionsSeq = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  /** `saves` is the workbook's one home of autosaves, so closing the window waits for this one too. */
  constructor(saves = new Saves()) {
    this.settingsSave = saves.for<DocumentSettingsEdit, DocumentSettingsView>("documentSettings", () => ({
      save: (edit) => backend.saveDocumentSettings(edit),
      onSaved: (view) => {
        // The typed text stays as it is (the back end trims; rewriting it under the cursor
        // would eat a space being typed). Only what is shown beside it follows.
        this.suggestedAsk = view.suggestedAsk;
        this.accentNote = view.accentNote;
        this.schedulePreview(0);
      },
    }));
  }

  /** Fetches the settings; an edit not yet stored is shown instead, so nothing typed disappears. */
  async loadSettings(): Promise<void> {
    try {
      const view = await backend.documentSettings();
      this.suggestedAsk = view.suggestedAsk;
      this.accentNote = view.accentNote;
      this.settings = this.settingsSave.unsaved ?? { ask: view.settings.ask, accent: view.settings.accent ?? "" };
      this.settingsError = null;
    } catch (reason) {
      this.settingsError = backend.toAppError(reason);
    }
  }

  /** Called on every keystroke or colour change; saved once typing pauses. */
  editSettings(field: SettingsField, value: string): void {
    if (!this.settings) return;
    this.settings = { ...this.settings, [field]: value };
    this.settingsSave.schedule({ ...this.settings });
  }

  /** Fetches the logo; without it the screen shows none and the documents print as before. */
  async loadLogo(): Promise<void> {
    try {
      this.logo = await backend.documentLogo();
    } catch (reason) {
      this.logoError = backend.toAppError(reason);
    }
  }

  /**
   * Choose logo…: the Open dialog, then the image made into the workbook's logo. Cancelling
   * changes nothing; a file that is not a usable image leaves the logo before it and says why.
   */
  async chooseLogo(): Promise<void> {
    if (this.logoBusy) return;
    this.logoBusy = true;
    try {
      const path = await backend.chooseFileToOpen("image");
      if (!path) return;
      this.logoError = null;
      this.#showLogo(await backend.setLogo(path));
    } catch (reason) {
      this.logoError = backend.toAppError(reason);
    } finally {
      this.logoBusy = false;
    }
  }

  /** Takes the logo out of the documents. */
  async removeLogo(): Promise<void> {
    if (this.logoBusy) return;
    this.logoBusy = true;
    try {
      this.logoError = null;
      await backend.removeLogo();
      this.#showLogo(null);
    } catch (reason) {
      this.logoError = backend.toAppError(reason);
    } finally {
      this.logoBusy = false;
    }
  }

  #showLogo(logo: LogoView | null): void {
    this.logo = logo;
    this.schedulePreview(0);
  }

  /** Copies the roadmap's suggestion into the ask, to be edited from there. */
  startFromSuggestion(): void {
    if (this.suggestedAsk) this.editSettings("ask", this.suggestedAsk);
  }

  /** The colour the picker shows: the chosen one when it is a colour, else the house accent. */
  get pickerColour(): string {
    const accent = this.settings?.accent.trim().toLowerCase() ?? "";
    return /^#[0-9a-f]{6}$/.test(accent) ? accent : HOUSE_ACCENT;
  }

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
