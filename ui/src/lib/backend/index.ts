// The one seam between the screens and the Rust back end: a typed function per command,
// generated from the Rust signatures (commands.gen.ts), and the little that is not a command.
// Only this folder imports @tauri-apps; every rejection arrives as an AppError.

import { getCurrentWindow } from "@tauri-apps/api/window";
import { insideTauri } from "./call";

export * from "./types";
export * from "./commands.gen";
export * from "./vocabulary.gen";
export { toAppError, isAppError } from "./errors";
export { insideTauri, isRecordDeletion, onRecordDeleted } from "./call";

/**
 * Runs `mayClose` (which finishes every pending autosave) when the window is asked to close, by
 * its close button, the window manager or the keyboard. The window closes when it answers
 * true and stays open when it answers false (an edit was refused and the user is asked).
 */
export async function beforeWindowCloses(mayClose: () => Promise<boolean>): Promise<() => void> {
  if (!insideTauri()) return () => {};
  return getCurrentWindow().onCloseRequested(async (event) => {
    let close = true;
    try {
      close = await mayClose();
    } catch {
      // Nothing is known to be unsaved: closing goes ahead.
    }
    if (!close) event.preventDefault();
  });
}

/** Closes the window now, without asking again: the caller has saved or the user chose so. */
export async function closeWindow(): Promise<void> {
  if (insideTauri()) await getCurrentWindow().destroy();
}

/** The presentation's full screen. */
export const setFullscreen = async (on: boolean): Promise<void> => {
  try {
    await getCurrentWindow().setFullscreen(on);
  } catch {
    // Outside the desktop window (tests, preview) the overlay alone fills the view.
  }
};
