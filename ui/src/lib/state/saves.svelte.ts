// Every autosave of an open workbook, in one place. Forms get their autosave from here (through
// their step's state), never make their own: so closing the window, going back to the workbook
// list or opening another workbook can wait for every edit still on its way, and can tell when
// one was refused.

import type { AppError } from "../backend";
import { Autosave, type AutosaveOptions } from "./autosave.svelte";

export class Saves {
  // Keyed by the form ("situation", "scenario:<id>", …): a form shown again, or shown twice,
  // finds the same autosave with its status and any edit it has not yet delivered. A plain map:
  // screens may ask for a form's autosave while drawing (its status and refusal are reactive),
  // so making one must not count as changing state.
  readonly #all = new Map<string, Autosave<never, unknown>>();

  /** The autosave of the form `key`, made with `options` on first use. */
  for<T, R>(key: string, options: () => AutosaveOptions<T, R>): Autosave<T, R> {
    let save = this.#all.get(key) as Autosave<T, R> | undefined;
    if (!save) {
      save = new Autosave<T, R>(options());
      this.#all.set(key, save as unknown as Autosave<never, unknown>);
    }
    return save;
  }

  /**
   * Drops the autosave of `key` with any edit it still holds: its record was deleted, so a
   * refusal it kept ("no such question") must not stop the window from closing.
   */
  forget(key: string): void {
    this.#all.get(key)?.dispose();
    this.#all.delete(key);
  }

  /** True while any edit has not yet reached the back end. */
  get dirty(): boolean {
    for (const save of this.#all.values()) if (save.dirty) return true;
    return false;
  }

  /** The first refusal still standing: leaving now would lose that edit. */
  get error(): AppError | null {
    for (const save of this.#all.values()) if (save.error) return save.error;
    return null;
  }

  /**
   * Sends every waiting edit now and waits until each is stored or refused. Edits typed while
   * this runs are sent too: it returns only when nothing is waiting.
   */
  async flush(): Promise<void> {
    do {
      await Promise.all([...this.#all.values()].map((save) => save.flush()));
    } while (this.dirty);
  }

  /** Forgets every waiting edit and timer (the workbook was closed on purpose). */
  dispose(): void {
    for (const save of this.#all.values()) save.dispose();
    this.#all.clear();
  }
}
