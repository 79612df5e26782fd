// Which screen is showing, and the open workbook. App.svelte routes on `screen`.

import * as backend from "../backend";
import type { AppError, OpenedWorkbook } from "../backend";
import { WorkbookSession } from "./workbook.svelte";

export class AppState {
  session: WorkbookSession | null = $state(null);
  /** A problem to show on the home screen (a file that would not open, say). */
  homeError: AppError | null = $state(null);
  /** A path being opened: shows progress and blocks double opens. */
  opening: string | null = $state(null);

  /** True right after the example opened: the guided tour may show itself. */
  offerTour = $state(false);

  readonly screen = $derived(this.session ? "workbook" : "home");

  /** Shows an opened (or just created) workbook. */
  show(opened: OpenedWorkbook, offerTour = false): void {
    this.homeError = null;
    this.offerTour = offerTour;
    this.session = new WorkbookSession(opened);
  }

  async open(path: string): Promise<boolean> {
    if (this.opening) return false;
    this.opening = path;
    try {
      this.show(await backend.openWorkbook(path));
      return true;
    } catch (reason) {
      this.homeError = backend.toAppError(reason);
      return false;
    } finally {
      this.opening = null;
    }
  }

  /** The built-in example: written to the data folder the first time, then opened. */
  async openExample(): Promise<boolean> {
    if (this.opening) return false;
    this.opening = "example";
    try {
      this.show(await backend.openExample(), true);
      return true;
    } catch (reason) {
      this.homeError = backend.toAppError(reason);
      return false;
    } finally {
      this.opening = null;
    }
  }

  /** Open…: the native file dialog, then the file. */
  async openFromDisk(): Promise<void> {
    try {
      const path = await backend.chooseWorkbookFile();
      if (path) await this.open(path);
    } catch (reason) {
      this.homeError = backend.toAppError(reason);
    }
  }

  /** At start-up: a file the app was launched with (a double-click in the file manager). */
  async openLaunchFile(): Promise<void> {
    try {
      const path = await backend.launchFile();
      if (path) await this.open(path);
    } catch {
      // No launch file support in this build: start at home as usual.
    }
  }

  /** Back to Home. The caller has already flushed any edits; the file is closed here. */
  async closeWorkbook(): Promise<void> {
    this.session?.dispose();
    this.session = null;
    try {
      await backend.closeWorkbook();
    } catch (reason) {
      this.homeError = backend.toAppError(reason);
    }
  }
}
