// The home screen's list of workbooks and the actions on each.

import * as backend from "../backend";
import type { AppError, UnreadableFile, WorkbookSummary, OpenedWorkbook } from "../backend";

export class HomeState {
  workbooks: WorkbookSummary[] = $state([]);
  unreadable: UnreadableFile[] = $state([]);
  loaded = $state(false);
  error: AppError | null = $state(null);

  /** The create form. */
  creating = $state(false);
  newName = $state("");
  newOrganisation = $state("");
  createError: AppError | null = $state(null);
  submitting = $state(false);

  /** Inline rename: the row being renamed and its text. */
  renamingPath: string | null = $state(null);
  renameValue = $state("");
  renameError: AppError | null = $state(null);

  /** The workbook awaiting delete confirmation. */
  confirmingDelete: WorkbookSummary | null = $state(null);
  /** A short note after an action ("Duplicated as …"), announced politely. */
  notice: string | null = $state(null);

  readonly empty = $derived(this.loaded && this.workbooks.length === 0);

  async load(): Promise<void> {
    try {
      const listing = await backend.listWorkbooks();
      this.workbooks = listing.workbooks;
      this.unreadable = listing.unreadable;
    } catch (reason) {
      this.error = backend.toAppError(reason);
    } finally {
      this.loaded = true;
    }
  }

  startCreate(): void {
    this.creating = true;
    this.createError = null;
  }

  cancelCreate(): void {
    this.creating = false;
    this.newName = "";
    this.newOrganisation = "";
    this.createError = null;
  }

  /** Creates the workbook; resolves to it when the back end accepted it. */
  async create(): Promise<OpenedWorkbook | null> {
    if (this.submitting) return null;
    this.submitting = true;
    try {
      const opened = await backend.createWorkbook(this.newName, this.newOrganisation);
      this.cancelCreate();
      return opened;
    } catch (reason) {
      this.createError = backend.toAppError(reason);
      return null;
    } finally {
      this.submitting = false;
    }
  }

  createFieldError(field: string): string | null {
    return this.createError?.field === field ? this.createError.message : null;
  }

  startRename(wb: WorkbookSummary): void {
    this.renamingPath = wb.path;
    this.renameValue = wb.name;
    this.renameError = null;
  }

  cancelRename(): void {
    this.renamingPath = null;
    this.renameError = null;
  }

  async commitRename(): Promise<boolean> {
    const path = this.renamingPath;
    if (path === null) return false;
    const current = this.workbooks.find((w) => w.path === path);
    if (current && current.name === this.renameValue) {
      this.cancelRename();
      return true;
    }
    try {
      const renamed = await backend.renameWorkbook(path, this.renameValue);
      this.workbooks = this.workbooks.map((w) => (w.path === path ? renamed : w));
      this.cancelRename();
      return true;
    } catch (reason) {
      this.renameError = backend.toAppError(reason);
      return false;
    }
  }

  async duplicate(wb: WorkbookSummary): Promise<void> {
    try {
      const copy = await backend.duplicateWorkbook(wb.path);
      this.notice = `Duplicated as “${copy.name}”.`;
      await this.load();
    } catch (reason) {
      this.error = backend.toAppError(reason);
    }
  }

  async confirmDelete(): Promise<void> {
    const wb = this.confirmingDelete;
    this.confirmingDelete = null;
    if (!wb) return;
    try {
      await backend.deleteWorkbook(wb.path);
      this.workbooks = this.workbooks.filter((w) => w.path !== wb.path);
      this.notice = `Deleted “${wb.name}”.`;
    } catch (reason) {
      this.error = backend.toAppError(reason);
    }
  }
}
