// Autosave for a form: waits until typing stops, never has two saves in flight, and always
// ends with the latest value saved (or refused, with the reason).

import { toAppError, type AppError } from "../backend";

export type SaveStatus = "idle" | "pending" | "saving" | "saved" | "error";

export type AutosaveOptions<T, R> = {
  /** Performs the save; rejects with an AppError when the back end refuses it. */
  save: (value: T) => Promise<R>;
  /** Called with what the back end returned after each successful save. */
  onSaved?: (result: R, value: T) => void;
  /** Milliseconds of quiet after the last edit before saving. */
  delay?: number;
};

export class Autosave<T, R = unknown> {
  status: SaveStatus = $state("idle");
  /** The last refusal, until a later save succeeds. */
  error: AppError | null = $state(null);

  readonly #save: (value: T) => Promise<R>;
  readonly #onSaved: ((result: R, value: T) => void) | undefined;
  readonly #delay: number;

  #pending: { value: T } | null = null;
  /** The newest value handed to `schedule` until the back end stores it (kept when refused). */
  #unsaved: T | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #inFlight: Promise<void> | null = null;

  constructor(options: AutosaveOptions<T, R>) {
    this.#save = options.save;
    this.#onSaved = options.onSaved;
    this.#delay = options.delay ?? 400;
  }

  /** The message for a field, if the last refusal was about it. */
  fieldError(field: string): string | null {
    return this.error?.field === field ? this.error.message : null;
  }

  /** True while an edit has not yet reached the back end. */
  get dirty(): boolean {
    return this.#pending !== null || this.#inFlight !== null;
  }

  /**
   * What was typed and is not stored yet: waiting, being saved or refused. A form shown again
   * starts from this rather than from the stored record, so nothing typed disappears.
   */
  get unsaved(): T | null {
    return this.#unsaved;
  }

  /** Records an edit; it is saved once typing has paused for the delay. */
  schedule(value: T): void {
    this.#pending = { value };
    this.#unsaved = value;
    if (this.status !== "saving") this.status = "pending";
    this.#clearTimer();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#drain();
    }, this.#delay);
  }

  /** Saves any waiting edit now (on blur, before leaving the screen) and waits for it. */
  async flush(): Promise<void> {
    this.#clearTimer();
    await this.#drain();
  }

  /** Forgets waiting edits and timers (the workbook was closed). */
  dispose(): void {
    this.#clearTimer();
    this.#pending = null;
    this.#unsaved = null;
  }

  #clearTimer(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
  }

  /**
   * Saves until nothing is waiting. If a save is already running, waits for that run, which
   * picks the newest pending value up when it finishes: edits made meanwhile are coalesced
   * into one save of the latest value.
   */
  async #drain(): Promise<void> {
    if (this.#inFlight) {
      await this.#inFlight;
      // The running loop saw our value unless a timer is still waiting to deliver a newer one.
      if (this.#pending && this.#timer === null) await this.#drain();
      return;
    }
    const run = this.#loop();
    this.#inFlight = run;
    try {
      await run;
    } finally {
      this.#inFlight = null;
    }
  }

  async #loop(): Promise<void> {
    // A value typed while a save runs is only taken once its own debounce has elapsed
    // (timer === null), so a fast typist still produces one save per pause.
    while (this.#pending && this.#timer === null) {
      const { value } = this.#pending;
      this.#pending = null;
      this.status = "saving";
      try {
        const result = await this.#save(value);
        this.error = null;
        if (this.#unsaved === value) this.#unsaved = null;
        this.#onSaved?.(result, value);
        this.status = this.#pending ? "pending" : "saved";
      } catch (reason) {
        this.error = toAppError(reason);
        this.status = this.#pending ? "pending" : "error";
      }
    }
  }
}
