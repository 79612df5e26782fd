// Step 3 while a workbook is open: the records and what the back end worked out from them
// (progress, status, health), the drafts of every form (kept when a save is refused), the
// selected KPI and the paste box. No business rule lives here: numbers, dates, status and
// health all come from Rust.

import * as backend from "../backend";
import { FigureImportState } from "./figures.svelte";
import type {
  Saved,
  AppError,
  GoalEdit,
  GoalsOverview,
  Kpi,
  KpiEdit,
  KpiReport,
  MeasurementEdit,
  Narrative,
  ObjectiveEdit,
  PasteReport,
} from "../backend";
import type { Autosave } from "./autosave.svelte";
import { Saves } from "./saves.svelte";
import { localToday } from "./audit.svelte";
import { Form } from "./form.svelte";

export type GoalsTab = "purpose" | "tree" | "scorecard" | "kpi";

export const GOALS_TABS: readonly { tab: GoalsTab; label: string }[] = [
  { tab: "purpose", label: "Purpose" },
  { tab: "tree", label: "Objectives, goals and KPIs" },
  { tab: "scorecard", label: "Scorecard" },
  { tab: "kpi", label: "KPI detail" },
];

const blankObjective = (): ObjectiveEdit => ({ title: "", description: "" });
const blankGoal = (): GoalEdit => ({ objectiveId: "", title: "", description: "", evidence: [] });
export const blankKpi = (): KpiEdit => ({
  goalId: "",
  name: "",
  category: "engagement",
  customCategory: "",
  definition: "",
  unit: "",
  direction: "higher",
  baselineValue: "",
  baselineDate: localToday(),
  targetValue: "",
  targetDate: "",
  dataSource: "",
  owner: { stakeholderId: null, name: "" },
  cadence: "monthly",
  weight: "1",
});
const blankMeasurement = (): MeasurementEdit => ({ measuredOn: localToday(), value: "", note: "" });
const blankNarrative = (): Narrative => ({ memberValue: "", organisationValue: "", behaviours: "", story: "" });

/** A delete the back end refused until confirmed: what to run, and its sentence. */
export interface PendingDelete {
  title: string;
  message: string;
  confirm: () => Promise<GoalsOverview>;
}

export class GoalsState {
  overview: GoalsOverview | null = $state(null);
  loadError: AppError | null = $state(null);
  actionError: AppError | null = $state(null);
  tab: GoalsTab = $state("tree");
  selectedKpi: string | null = $state(null);

  readonly objectiveForm = new Form<ObjectiveEdit>(blankObjective);
  readonly goalForm = new Form<GoalEdit>(blankGoal);
  readonly kpiForm = new Form<KpiEdit>(blankKpi);
  readonly measurementForm = new Form<MeasurementEdit>(blankMeasurement);
  /** Measurements imported from an analytics export or a spreadsheet. */
  readonly figures = new FigureImportState();
  /** Which form the tree shows: an objective, a goal under an objective, a KPI under a goal. */
  adding: { kind: "objective" } | { kind: "goal"; objectiveId: string } | { kind: "kpi"; goalId: string } | null =
    $state(null);

  narrative: Narrative = $state(blankNarrative());
  readonly narrativeSave: Autosave<Narrative, GoalsOverview>;

  pasteText = $state("");
  replaceExisting = $state(false);
  paste: PasteReport | null = $state(null);
  /** True when `paste` is the result of an import, false for a preview. */
  pasteImported = $state(false);
  pasteBusy = $state(false);

  pendingDelete: PendingDelete | null = $state(null);

  readonly #onRecords: (records: number) => void;

  constructor(onRecords: (records: number) => void = () => {}, saves = new Saves()) {
    this.#onRecords = onRecords;
    this.narrativeSave = saves.for<Narrative, GoalsOverview>("narrative", () => ({
      save: (n) => backend.updateNarrative(n),
      onSaved: (o) => this.apply(o),
    }));
  }

  async load(): Promise<void> {
    try {
      const o = await backend.goalsOverview();
      this.loadError = null;
      // The narrative draft is filled from the file only the first time: afterwards it holds
      // what was typed, which may be newer than the file (a save still on its way).
      const first = this.overview === null;
      this.apply(o);
      if (first) this.narrative = { ...o.goals.narrative };
    } catch (reason) {
      this.loadError = backend.toAppError(reason);
    }
  }

  apply(o: GoalsOverview): void {
    this.overview = o;
    this.#onRecords(o.records);
    if (this.selectedKpi && !o.goals.kpis.some((k) => k.id === this.selectedKpi)) this.selectedKpi = null;
  }

  kpi(id: string | null): Kpi | null {
    return this.overview?.goals.kpis.find((k) => k.id === id) ?? null;
  }

  report(id: string | null): KpiReport | null {
    return this.overview?.reports.find((r) => r.kpiId === id) ?? null;
  }

  label<T extends string>(list: readonly { value: T; label: string }[] | undefined, value: T): string {
    return list?.find((c) => c.value === value)?.label ?? value;
  }

  editNarrative(field: keyof Narrative, value: string): void {
    this.narrative[field] = value;
    this.narrativeSave.schedule({ ...this.narrative });
  }

  async submit<T>(form: Form<T>, save: (id: string | null, draft: T) => Promise<Saved<GoalsOverview>>): Promise<boolean> {
    if (form.busy) return false;
    form.busy = true;
    try {
      this.apply((await save(form.editing, $state.snapshot(form.draft) as T)).view);
      form.error = null;
      return true;
    } catch (reason) {
      form.error = backend.toAppError(reason);
      return false;
    } finally {
      form.busy = false;
    }
  }

  startObjective(): void {
    this.objectiveForm.reset();
    this.adding = { kind: "objective" };
  }

  startGoal(objectiveId: string): void {
    this.goalForm.reset({ objectiveId });
    this.adding = { kind: "goal", objectiveId };
  }

  startKpi(goalId: string): void {
    this.kpiForm.reset({ goalId });
    this.adding = { kind: "kpi", goalId };
  }

  /** Opens the objective's form filled with what is stored (as the back end fills it). */
  editObjective(id: string): void {
    const stored = this.overview?.edits.objectives[id];
    if (!stored) return;
    this.startObjective();
    this.objectiveForm.edit(id, $state.snapshot(stored));
  }

  editGoal(id: string): void {
    const stored = this.overview?.edits.goals[id];
    if (!stored) return;
    this.startGoal(stored.objectiveId);
    this.goalForm.edit(id, $state.snapshot(stored));
  }

  editKpi(id: string): void {
    const stored = this.overview?.edits.kpis[id];
    if (!stored) return;
    this.startKpi(stored.goalId);
    this.kpiForm.edit(id, $state.snapshot(stored));
  }

  cancel(): void {
    this.adding = null;
    this.objectiveForm.reset();
    this.goalForm.reset();
    this.kpiForm.reset();
  }

  async saveObjective(): Promise<boolean> {
    const ok = await this.submit(this.objectiveForm, backend.saveObjective);
    if (ok) this.cancel();
    return ok;
  }

  async saveGoal(): Promise<boolean> {
    const ok = await this.submit(this.goalForm, backend.saveGoal);
    if (ok) this.cancel();
    return ok;
  }

  async saveKpi(): Promise<boolean> {
    const editing = this.kpiForm.editing;
    const ok = await this.submit(this.kpiForm, backend.saveKpi);
    if (ok) {
      const o = this.overview;
      // A new KPI opens its detail, where measurements are entered next.
      this.selectedKpi = editing ?? o?.goals.kpis[o.goals.kpis.length - 1]?.id ?? null;
      this.cancel();
    }
    return ok;
  }

  async saveMeasurement(): Promise<boolean> {
    const kpiId = this.selectedKpi;
    if (!kpiId) return false;
    const ok = await this.submit(this.measurementForm, (id, draft) => backend.saveMeasurement(kpiId, id, draft));
    if (ok) this.measurementForm.reset();
    return ok;
  }

  openKpi(id: string): void {
    if (this.selectedKpi !== id) {
      this.measurementForm.reset();
      this.paste = null;
    }
    this.selectedKpi = id;
    this.tab = "kpi";
  }

  async previewPaste(): Promise<void> {
    await this.#paste(true);
  }

  async importPaste(): Promise<void> {
    await this.#paste(false);
  }

  async #paste(dryRun: boolean): Promise<void> {
    const kpiId = this.selectedKpi;
    if (!kpiId || this.pasteBusy) return;
    this.pasteBusy = true;
    try {
      const result = await backend.importMeasurements(kpiId, this.pasteText, this.replaceExisting, dryRun);
      this.apply(result.overview);
      this.paste = result.report;
      this.pasteImported = !dryRun;
      this.actionError = null;
      // Keep only the lines that were not imported, so they can be fixed and pasted again.
      if (!dryRun) {
        const lines = this.pasteText.split(/\r?\n/);
        this.pasteText = result.report.problems.map((p) => lines[p.line - 1] ?? p.text).join("\n");
      }
    } catch (reason) {
      this.actionError = backend.toAppError(reason);
    } finally {
      this.pasteBusy = false;
    }
  }

  /** Deletes an objective, asking first when goals rest on it. */
  deleteObjective(objective: { id: string; title: string }): Promise<void> {
    return this.remove(`Delete “${objective.title}”?`, (c) => backend.deleteObjective(objective.id, c));
  }

  /** Deletes a goal, asking first when KPIs rest on it. */
  deleteGoal(goal: { id: string; title: string }): Promise<void> {
    return this.remove(`Delete “${goal.title}”?`, (c) => backend.deleteGoal(goal.id, c));
  }

  /** Deletes a KPI, asking first when measurements rest on it. */
  deleteKpi(kpi: { id: string; name: string }): Promise<void> {
    return this.remove(`Delete “${kpi.name}”?`, (c) => backend.deleteKpi(kpi.id, c));
  }

  deleteMeasurement(id: string): Promise<void> {
    return this.act(() => backend.deleteMeasurement(id));
  }

  /** Deletes; when the back end names dependants, asks first and runs again confirmed. */
  private async remove(title: string, run: (confirmed: boolean) => Promise<GoalsOverview>): Promise<void> {
    try {
      this.apply(await run(false));
      this.actionError = null;
    } catch (reason) {
      const err = backend.toAppError(reason);
      if (err.code === "inUse") {
        this.pendingDelete = { title, message: err.message, confirm: () => run(true) };
      } else {
        this.actionError = err;
      }
    }
  }

  async confirmDelete(): Promise<void> {
    const pending = this.pendingDelete;
    this.pendingDelete = null;
    if (!pending) return;
    try {
      this.apply(await pending.confirm());
      this.actionError = null;
    } catch (reason) {
      this.actionError = backend.toAppError(reason);
    }
  }

  private async act(run: () => Promise<GoalsOverview>): Promise<void> {
    try {
      this.apply(await run());
      this.actionError = null;
    } catch (reason) {
      this.actionError = backend.toAppError(reason);
    }
  }
}
