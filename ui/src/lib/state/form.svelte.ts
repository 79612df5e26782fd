// A record form's state: what is typed, which record it edits, the last refusal, and whether
// it is unfolded. A step's list shows its form open while the list is empty; once it has
// records the form folds behind an "Add …" button so the records come first. Folding never
// drops what was typed: the draft stays here until it is saved.

import type { AppError } from "../backend";

/** What the form held when an edit began, given back when the edit ends. */
interface Before<T> {
  draft: T;
  open: boolean;
  start: string;
  error: AppError | null;
}

/** A form: what is typed, which record it edits, and the last refusal. */
export class Form<T> {
  draft: T = $state() as T;
  /** The id of the record being edited; null while adding a new one. */
  editing: string | null = $state(null);
  error: AppError | null = $state(null);
  busy = $state(false);
  /**
   * Unfolded although its list has records: opened with its "Add …" button, kept open for the
   * next entry after a save, or holding a record to edit. (An empty list shows it regardless.)
   */
  open = $state(false);
  readonly #blank: () => T;
  /** The draft as the entry started, to tell whether anything was typed since. */
  #start = $state("");
  #before: Before<T> | null = null;

  constructor(blank: () => T) {
    this.#blank = blank;
    this.draft = blank();
    this.#start = JSON.stringify(this.draft);
  }

  fieldError(field: string): string | null {
    return this.error?.field === field ? this.error.message : null;
  }

  /** Starts a new entry; `keep` carries choices over (a workshop adds similar channels in a row). */
  reset(keep: Partial<T> = {}): void {
    this.draft = { ...this.#blank(), ...keep };
    this.#start = JSON.stringify(this.draft);
    this.editing = null;
    this.error = null;
    this.#before = null;
  }

  /** Opens the form on a stored record; a new entry being typed is put aside until the edit ends. */
  edit(id: string, draft: T): void {
    if (this.editing === null) {
      this.#before = { draft: this.draft, open: this.open, start: this.#start, error: this.error };
    }
    this.draft = draft;
    this.#start = JSON.stringify(draft);
    this.editing = id;
    this.error = null;
    this.open = true;
  }

  /** Unfolds the form for a new entry (its "Add …" button). */
  show(): void {
    this.open = true;
  }

  /**
   * Esc and Cancel: leaves an edit, back to what the form held before it (the new entry being
   * typed, folded or not); otherwise folds the form away with what is typed kept.
   */
  close(): void {
    if (this.editing !== null) this.#endEdit();
    else this.open = false;
  }

  /**
   * After a save: a new record leaves the form open and ready for the next one (`keep` carries
   * choices over); a saved edit gives back what the form held before the edit.
   */
  saved(keep: Partial<T> = {}): void {
    if (this.editing !== null) {
      this.#endEdit();
      return;
    }
    this.reset(keep);
    this.open = true;
  }

  /** The record being edited is gone (deleted): leave the edit as Cancel would. */
  forget(id: string): void {
    if (this.editing === id) this.#endEdit();
  }

  /** Whether a new entry holds something typed since it started; `ignore` names fields filled in for the user. */
  typed(...ignore: (keyof T)[]): boolean {
    if (this.editing !== null) return false;
    const without = (json: string) => {
      const value = JSON.parse(json) as Record<string, unknown>;
      for (const key of ignore) delete value[key as string];
      return JSON.stringify(value);
    };
    return without(JSON.stringify(this.draft)) !== without(this.#start);
  }

  #endEdit(): void {
    const before = this.#before;
    this.#before = null;
    this.editing = null;
    if (before) {
      this.draft = before.draft;
      this.#start = before.start;
      this.error = before.error;
      this.open = before.open;
    } else {
      this.reset();
    }
  }

  /**
   * The form's keys: Ctrl+Enter saves from any field (a textarea too); Esc leaves an edit or
   * folds the form (`close` lets the screen move the focus too).
   */
  keydown(save: (event: Event) => void, close: () => void = () => this.close()): (event: KeyboardEvent) => void {
    return (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        close();
      } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        save(event);
      }
    };
  }
}
