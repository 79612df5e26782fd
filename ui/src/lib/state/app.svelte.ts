// Which screen is showing, and the open workbook. App.svelte routes on `screen`.

import * as backend from "../backend";
import type { AppError, OpenedWorkbook } from "../backend";
import { WorkbookSession } from "./workbook.svelte";
import { dateOrder } from "../format/dates";
import { decimalStyle } from "../format/numbers";

export class AppState {
  session: WorkbookSession | null = $state(null);
  /** A problem to show on the home screen (a file that would not open, say). */
  homeError: AppError | null = $state(null);
  /** A path being opened: shows progress and blocks double opens. */
  opening: string | null = $state(null);

  /** True right after the example opened: the guided tour may show itself. */
  offerTour = $state(false);

  /** The window was asked to close but an edit was refused: the user is asked what to do. */
  closeRefused: AppError | null = $state(null);

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
      const path = await backend.chooseFileToOpen("workbook");
      if (path) await this.open(path);
    } catch (reason) {
      this.homeError = backend.toAppError(reason);
    }
  }

  /**
   * At start-up: the back end learns the order this system writes dates in (its sentences then
   * read like the screens' dates) and its decimal mark (for typed budgets), then the file the app was launched with is opened.
   */
  async start(): Promise<void> {
    await backend.setDateOrder(dateOrder()).catch(() => undefined);
    await backend.setDecimalStyle(decimalStyle()).catch(() => undefined);
    await this.openLaunchFile();
  }

  /** A file the app was launched with (a double-click in the file manager). */
  async openLaunchFile(): Promise<void> {
    try {
      const path = await backend.launchFile();
      if (path) await this.open(path);
    } catch {
      // No launch file support in this build: start at home as usual.
    }
  }

  /**
   * Before the window closes: every edit still waiting is saved. Answers false, and keeps the
   * window open with what was typed, when one of them was refused.
   */
  async readyToClose(): Promise<boolean> {
    const session = this.session;
    if (!session) return true;
    await session.flush();
    const refused = session.readOnly ? null : session.unsavedError;
    this.closeRefused = refused;
    return refused === null;
  }

  /** Ctrl+W and Ctrl+Q: what the window's close button does. */
  async closeWindow(): Promise<void> {
    if (await this.readyToClose()) await backend.closeWindow();
  }

  /**
   * From the app's start: when the window is asked to close (its close button, the window
   * manager), every pending edit is saved first, and it stays open if one was refused.
   * Answers the function that stops watching.
   */
  watchWindowClose(): () => void {
    const stop = backend.beforeWindowCloses(() => this.readyToClose());
    return () => void stop.then((unlisten) => unlisten());
  }

  /** Whether the guided tour should show itself now: offered, and not dismissed before. */
  async tourWanted(): Promise<boolean> {
    return this.offerTour && !(await backend.tourDismissed().catch(() => true));
  }

  /** The guided tour was closed: it does not show itself again. */
  dismissTour(): void {
    this.offerTour = false;
    void backend.dismissTour().catch(() => {});
  }

  /** Closes the window although an edit was refused (the user chose to). */
  async closeWindowAnyway(): Promise<void> {
    this.closeRefused = null;
    await backend.closeWindow();
  }

  /**
   * Back to Home. Every waiting edit is saved first; the caller has already asked the user
   * about any refused one. The file is closed here.
   */
  async closeWorkbook(): Promise<void> {
    await this.session?.flush();
    this.session?.dispose();
    this.session = null;
    try {
      await backend.closeWorkbook();
    } catch (reason) {
      this.homeError = backend.toAppError(reason);
    }
  }
}
