// Backups, Save a copy…, JSON export and import: the state behind the backups panel and the
// home screen's Import JSON… button. The back end does the work; this keeps what the screens show.

import * as backend from "../backend";
import type { AppError, Backup, ImportProblem, OpenedWorkbook, WorkbookSummary } from "../backend";

/** "812 bytes", "14 KB", "2.4 MB": a size a person reads. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A file name for a save dialog from a workbook's title: no characters a file system refuses. */
export function suggestedFileName(title: string, extension: string): string {
  const stem = title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 80)
    .trim();
  return `${stem || "workbook"}.${extension}`;
}

export class BackupsState {
  backups: Backup[] = $state([]);
  loaded = $state(false);
  busy = $state(false);
  error: AppError | null = $state(null);
  notice: string | null = $state(null);
  /** The backup awaiting confirmation before it replaces the workbook. */
  confirming: Backup | null = $state(null);

  constructor(private readonly title: () => string) {}

  async load(): Promise<void> {
    await this.run(async () => {
      this.backups = await backend.listBackups();
    });
    this.loaded = true;
  }

  async backUpNow(): Promise<void> {
    await this.run(async () => {
      this.backups = await backend.backUpNow();
      this.notice = "A backup was taken just now.";
    });
  }

  async exportJson(): Promise<void> {
    await this.run(async () => {
      const path = await backend.chooseSaveDestination("json", suggestedFileName(this.title(), "json"));
      if (!path) return;
      await backend.exportJson(path);
      this.notice = `Exported to ${path}.`;
    });
  }

  async saveCopy(): Promise<void> {
    await this.run(async () => {
      const path = await backend.chooseSaveDestination("workbook", suggestedFileName(`${this.title()} copy`, "groundwork"));
      if (!path) return;
      await backend.saveCopy(path);
      this.notice = `A copy was saved to ${path}.`;
    });
  }

  /** Restores the backup being confirmed; resolves to the workbook as it now is. */
  async restore(): Promise<OpenedWorkbook | null> {
    const backup = this.confirming;
    this.confirming = null;
    if (!backup) return null;
    let opened: OpenedWorkbook | null = null;
    await this.run(async () => {
      opened = await backend.restoreBackup(backup.path);
      this.backups = await backend.listBackups();
      this.notice = "The backup was restored. The workbook as it was before is kept as the newest backup.";
    });
    return opened;
  }

  private async run(action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    this.notice = null;
    try {
      await action();
    } catch (reason) {
      this.error = backend.toAppError(reason);
    } finally {
      this.busy = false;
    }
  }
}

export class ImportState {
  busy = $state(false);
  error: AppError | null = $state(null);
  /** Everything wrong with the last file chosen; nothing was written. */
  problems: ImportProblem[] = $state([]);
  fileName: string | null = $state(null);

  /** Import JSON…: the open dialog, then the import. Resolves to the new workbook. */
  async run(): Promise<WorkbookSummary | null> {
    if (this.busy) return null;
    this.busy = true;
    this.error = null;
    this.problems = [];
    try {
      const source = await backend.chooseFileToOpen("json");
      if (!source) return null;
      this.fileName = source.split(/[\\/]/).pop() ?? source;
      const outcome = await backend.importJson(source);
      this.problems = outcome.problems;
      return outcome.imported;
    } catch (reason) {
      this.error = backend.toAppError(reason);
      return null;
    } finally {
      this.busy = false;
    }
  }

  dismiss(): void {
    this.problems = [];
    this.error = null;
  }
}
