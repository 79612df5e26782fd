// An import of figures while it is being set up: the file read (or the rows pasted), the
// mapping of its columns as the strategist changes it, the preview the back end works out
// for that mapping, and the last import so it can be undone. Which rows are added, replaced
// or refused is decided in the core; this holds what was chosen and what came back.

import * as backend from "../backend";
import type {
  AppError,
  Figure,
  FigureCheck,
  FigureImport,
  FigureMapping,
  FigureSource,
  ImportFor,
} from "../backend";

/** The choices a figures column offers, in the order the menu lists them. */
export const FIGURE_CHOICES: readonly { value: string; label: string }[] = [
  { value: "", label: "Not imported" },
  { value: "members", label: "Members" },
  { value: "activeMembers", label: "Monthly active members" },
  { value: "postsPerMonth", label: "Posts per month" },
  { value: "medianResponseHours", label: "Median response time (hours)" },
  { value: "sentiment", label: "Sentiment (1–5)" },
  { value: "custom", label: "A figure you name…" },
];

/** The menu value of what a column is mapped to ("" when it is not imported). */
export function figureChoice(mapping: FigureMapping, column: number): string {
  if (mapping.target.kind !== "snapshots") return "";
  return mapping.target.figures.find((f) => f.column === column)?.figure.kind ?? "";
}

/** The name of a column mapped to a figure the strategist names. */
export function customName(mapping: FigureMapping, column: number): string {
  if (mapping.target.kind !== "snapshots") return "";
  const figure = mapping.target.figures.find((f) => f.column === column)?.figure;
  return figure?.kind === "custom" ? figure.name : "";
}

/**
 * The mapping with `column` mapped to the figure chosen in its menu; a figure another column
 * held moves here (each figure comes from one column). A named figure starts with the
 * column's header as its name.
 */
export function withFigure(mapping: FigureMapping, column: number, choice: string, header: string): FigureMapping {
  if (mapping.target.kind !== "snapshots") return mapping;
  let figures = mapping.target.figures.filter((f) => f.column !== column);
  if (choice) {
    const figure: Figure = choice === "custom" ? { kind: "custom", name: header } : ({ kind: choice } as Figure);
    if (choice !== "custom") figures = figures.filter((f) => f.figure.kind !== choice);
    figures = [...figures, { column, figure }].sort((a, b) => a.column - b.column);
  }
  return { ...mapping, target: { ...mapping.target, figures } };
}

/** The mapping with a named figure's name changed. */
export function withCustomName(mapping: FigureMapping, column: number, name: string): FigureMapping {
  if (mapping.target.kind !== "snapshots") return mapping;
  const figures = mapping.target.figures.map((f) => (f.column === column ? { column, figure: { kind: "custom", name } as Figure } : f));
  return { ...mapping, target: { ...mapping.target, figures } };
}

export class FigureImportState {
  /** What the figures are for; null while no import is open. */
  target: ImportFor | null = $state(null);
  source: FigureSource | null = $state(null);
  mapping: FigureMapping | null = $state(null);
  check: FigureCheck | null = $state(null);
  busy = $state(false);
  error: AppError | null = $state(null);
  /** The last import, for its Undo. */
  done: FigureImport | null = $state(null);
  /** What the last Undo said. */
  undone: string | null = $state(null);
  /** The file read, to read another of its sheets; empty for pasted rows. */
  #path = "";
  /** Counts the previews asked for, so an older answer never replaces a newer one. */
  #checking = 0;

  /** Opens the import for `target` with a file chosen in the native dialog. */
  async chooseFile(target: ImportFor): Promise<void> {
    this.error = null;
    try {
      const path = await backend.chooseFileToOpen("table");
      if (!path) return;
      this.target = target;
      this.#path = path;
      await this.#read(() => backend.openFigures(path, null, target));
    } catch (reason) {
      this.target = target;
      this.error = backend.toAppError(reason);
    }
  }

  /** Opens the import for `target` with rows pasted from a spreadsheet. */
  async paste(target: ImportFor, text: string): Promise<boolean> {
    this.target = target;
    this.#path = "";
    return this.#read(() => backend.pasteFigures(text, target));
  }

  /** Reads another sheet of the spreadsheet chosen. */
  async chooseSheet(sheet: string): Promise<void> {
    const target = this.target;
    if (!target || !this.#path) return;
    await this.#read(() => backend.openFigures(this.#path, sheet, target));
  }

  async #read(read: () => Promise<FigureSource>): Promise<boolean> {
    this.done = null;
    this.undone = null;
    return this.#busyWhile(async () => {
      const source = await read();
      this.source = source;
      this.mapping = source.mapping;
      this.check = source.check;
    });
  }

  /** Runs a call to the back end with the controls disabled; answers whether it succeeded. */
  async #busyWhile(run: () => Promise<void>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      await run();
      return true;
    } catch (reason) {
      this.error = backend.toAppError(reason);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Takes a changed mapping and asks for its preview; an older answer never wins. */
  async remap(mapping: FigureMapping): Promise<void> {
    this.mapping = mapping;
    const asked = ++this.#checking;
    try {
      const check = await backend.checkFigures(mapping);
      if (asked === this.#checking) this.check = check;
    } catch (reason) {
      if (asked === this.#checking) this.error = backend.toAppError(reason);
    }
  }

  /** Whether the preview has rows to write. */
  get canImport(): boolean {
    const p = this.check?.preview;
    return !this.busy && !!p && p.added + p.replaced > 0;
  }

  /** Writes the import; answers whether it landed (the step is then read again). */
  async importNow(): Promise<boolean> {
    const mapping = this.mapping;
    if (!mapping || !this.canImport) return false;
    return this.#busyWhile(async () => {
      this.done = await backend.importFigures(mapping);
      this.source = null;
      this.check = null;
    });
  }

  /** Undoes the last import; answers whether it was undone. */
  async undo(): Promise<boolean> {
    const done = this.done;
    if (!done) return false;
    return this.#busyWhile(async () => {
      this.undone = await backend.undoFigureImport(done.id);
      this.done = null;
    });
  }

  /** Closes the import without writing; what the workbook holds is untouched. */
  close(): void {
    this.source = null;
    this.mapping = null;
    this.check = null;
    this.error = null;
    if (!this.done) this.target = null;
  }

  /** Forgets the last import's notice. */
  dismiss(): void {
    this.done = null;
    this.undone = null;
    if (!this.source) this.target = null;
  }
}
