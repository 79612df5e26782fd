// How every command reaches the Rust back end (commands.gen.ts calls it): every rejection
// arrives as an AppError, and every deletion of a record tells the listeners (the Undo notice).

import { invoke } from "@tauri-apps/api/core";
import { toAppError } from "./errors";
import type { AppError } from "./types";

const NO_BACK_END: AppError = {
  code: "io",
  message: "Groundwork's engine is not running in this window. Start Groundwork from its application icon.",
  field: null,
};

/** True inside the Tauri window; false in a plain browser (the dev preview) or in tests. */
export function insideTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

/** Runs a command; rejects with an AppError. */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  if (!insideTauri()) throw NO_BACK_END;
  let result: T;
  try {
    result = await invoke<T>(command, args);
  } catch (reason) {
    throw toAppError(reason);
  }
  if (isRecordDeletion(command)) for (const listener of deletionListeners) listener();
  return result;
}

// Every deletion of a record files a Trash entry; listeners offer an Undo right after it.
const deletionListeners = new Set<() => void>();

/** True for the commands that move a record to the Trash (a workbook file is not a record). */
export function isRecordDeletion(command: string): boolean {
  return command.startsWith("delete_") && command !== "delete_workbook";
}

/** Calls `listener` after every deletion that succeeded; returns the unsubscribe. */
export function onRecordDeleted(listener: () => void): () => void {
  deletionListeners.add(listener);
  return () => deletionListeners.delete(listener);
}
