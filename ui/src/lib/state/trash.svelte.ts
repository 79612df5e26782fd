// The Trash of the open workbook: the Undo notice shown right after a deletion, and the list of
// deleted records that can be restored for 30 days.

import * as backend from "../backend";
import type { AppError, TrashEntry } from "../backend";

/** How long the Undo notice stays, unless the pointer or focus is on it. */
export const UNDO_VISIBLE_MS = 10_000;

export interface TrashBackend {
  lastDeleted: () => Promise<TrashEntry | null>;
  trashEntries: () => Promise<TrashEntry[]>;
  restoreFromTrash: (id: string) => Promise<TrashEntry>;
  emptyTrash: () => Promise<number>;
}

export class TrashState {
  /** The deletion the Undo notice offers to take back. */
  notice: TrashEntry | null = $state(null);
  /** What the last Undo or Restore said went wrong, or came back. */
  message: { text: string; error: boolean } | null = $state(null);
  entries: TrashEntry[] = $state([]);
  loaded = $state(false);
  busy = $state(false);
  /** Bumped after a restore so the screens reload what they show. */
  revision = $state(0);

  private timer: ReturnType<typeof setTimeout> | undefined;
  private held = false;

  constructor(
    private readonly api: TrashBackend = backend,
    private readonly onRestored: () => void = () => {},
  ) {}

  /** Called after every deletion: offers an Undo for what the back end just filed. */
  async deleted(): Promise<void> {
    try {
      const entry = await this.api.lastDeleted();
      if (!entry) return;
      this.notice = entry;
      this.message = null;
      this.restartTimer();
      if (this.loaded) void this.load();
    } catch {
      // Without the notice the record is still in the Trash screen.
    }
  }

  /** Keeps the notice while the pointer or keyboard focus is on it. */
  hold(held: boolean): void {
    this.held = held;
    if (!held) this.restartTimer();
    else clearTimeout(this.timer);
  }

  dismiss(): void {
    clearTimeout(this.timer);
    this.notice = null;
  }

  async undo(): Promise<void> {
    const entry = this.notice;
    if (!entry) return;
    this.dismiss();
    await this.restore(entry.id);
  }

  async load(): Promise<void> {
    try {
      this.entries = await this.api.trashEntries();
      this.loaded = true;
    } catch (reason) {
      this.message = { text: (reason as AppError).message, error: true };
    }
  }

  async restore(id: string): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    try {
      const entry = await this.api.restoreFromTrash(id);
      this.message = { text: `${entry.label} is back.`, error: false };
      this.revision += 1;
      this.onRestored();
      if (this.notice?.id === id) this.dismiss();
      return true;
    } catch (reason) {
      this.message = { text: (reason as AppError).message, error: true };
      return false;
    } finally {
      this.busy = false;
      if (this.loaded) await this.load();
    }
  }

  async empty(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const removed = await this.api.emptyTrash();
      this.message = {
        text: removed === 1 ? "1 deleted record was removed for good." : `${removed} deleted records were removed for good.`,
        error: false,
      };
      this.dismiss();
    } catch (reason) {
      this.message = { text: (reason as AppError).message, error: true };
    } finally {
      this.busy = false;
      await this.load();
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private restartTimer(): void {
    clearTimeout(this.timer);
    if (this.held) return;
    this.timer = setTimeout(() => {
      this.notice = null;
    }, UNDO_VISIBLE_MS);
  }
}

/** "last day", "1 day left", "12 days left". */
export function daysLeft(days: number): string {
  if (days <= 0) return "last day";
  return days === 1 ? "1 day left" : `${days} days left`;
}
