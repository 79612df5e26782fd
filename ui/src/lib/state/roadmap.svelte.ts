// Step 5 while a workbook is open: the roadmap as last stored with its flags and budget
// totals (worked out by the back end), the chosen view, grouping and zoom, the selected
// initiative, the new phase being typed, and one way to run a write so refusals land in one
// place.

import * as backend from "../backend";
import type { AppError, InitiativeEdit, InitiativeTrace, PhaseEdit, RoadmapOverview, Saved } from "../backend";
import type { Autosave } from "./autosave.svelte";
import { Saves } from "./saves.svelte";
import { Form } from "./form.svelte";
import type { GroupBy, Zoom } from "../views/roadmap/timeline";

export type RoadmapTab = "timeline" | "table" | "phases" | "budget";

export const ROADMAP_TABS: readonly { id: RoadmapTab; label: string }[] = [
  { id: "timeline", label: "Timeline" },
  { id: "table", label: "Table" },
  { id: "phases", label: "Phases" },
  { id: "budget", label: "Budget" },
];

/** A delete the back end refused until confirmed: what to run, and its sentence. */
export interface PendingDelete {
  title: string;
  message: string;
  confirmLabel: string;
  confirm: () => Promise<RoadmapOverview>;
}

export class RoadmapState {
  overview: RoadmapOverview | null = $state(null);
  loadError: AppError | null = $state(null);
  /** The last refused action that belongs to no input. */
  error: AppError | null = $state(null);
  tab: RoadmapTab = $state("timeline");
  groupBy: GroupBy = $state("phase");
  zoom: Zoom = $state("fit");
  selectedId: string | null = $state(null);
  pendingDelete: PendingDelete | null = $state(null);
  /** The phase being added (phases are then edited in place, each saved as it is typed). */
  readonly phaseDraft = new Form<PhaseEdit>(() => ({ name: "", start: "", end: "", objective: "" }));

  readonly selected = $derived(this.overview?.roadmap.initiatives.find((i) => i.id === this.selectedId) ?? null);

  readonly #onChange: () => void;
  readonly #saves: Saves;

  /** `onChange` runs after every stored write; `saves` is the workbook's one home of autosaves. */
  constructor(onChange: () => void = () => {}, saves = new Saves()) {
    this.#onChange = onChange;
    this.#saves = saves;
  }

  /** The initiative editor's autosave for initiative `id`. */
  initiativeSave(id: string): Autosave<InitiativeEdit, Saved<RoadmapOverview>> {
    return this.#saves.for<InitiativeEdit, Saved<RoadmapOverview>>(`initiative:${id}`, () => ({
      save: (edit) => backend.saveInitiative(id, edit),
      onSaved: (saved) => this.apply(saved.view),
    }));
  }

  /** A phase row's autosave for phase `id`. */
  phaseSave(id: string): Autosave<PhaseEdit, Saved<RoadmapOverview>> {
    return this.#saves.for<PhaseEdit, Saved<RoadmapOverview>>(`phase:${id}`, () => ({
      save: (edit) => backend.savePhase(id, edit),
      onSaved: (saved) => this.apply(saved.view),
    }));
  }

  /** The goals, KPIs and evidence an initiative traces back to, or why they could not be read. */
  async traceOf(id: string): Promise<{ trace: InitiativeTrace | null; error: AppError | null }> {
    try {
      return { trace: await backend.initiativeTrace(id), error: null };
    } catch (reason) {
      return { trace: null, error: backend.toAppError(reason) };
    }
  }

  async load(): Promise<void> {
    try {
      this.overview = await backend.roadmapOverview();
      this.loadError = null;
    } catch (reason) {
      this.loadError = backend.toAppError(reason);
    }
  }

  apply(o: RoadmapOverview): void {
    this.overview = o;
    if (this.selectedId && !o.roadmap.initiatives.some((i) => i.id === this.selectedId)) this.selectedId = null;
    this.#onChange();
  }

  async run(write: () => Promise<RoadmapOverview>): Promise<boolean> {
    try {
      this.apply(await write());
      this.error = null;
      return true;
    } catch (reason) {
      this.error = backend.toAppError(reason);
      return false;
    }
  }

  /** Adds an untitled initiative (in `phaseId`, dated like the phase when given) and opens it. */
  async addInitiative(title: string, phaseId: string | null = null): Promise<AppError | null> {
    try {
      const saved = await backend.addInitiative(title, phaseId);
      this.apply(saved.view);
      this.selectedId = saved.id;
      this.error = null;
      return null;
    } catch (reason) {
      return backend.toAppError(reason);
    }
  }

  /** The initiative's form as stored (the back end fills it from the record). */
  initiativeForm(id: string): InitiativeEdit | null {
    return this.overview?.edits.initiatives[id] ?? null;
  }

  /** The phase's form as stored. */
  phaseForm(id: string): PhaseEdit | null {
    return this.overview?.edits.phases[id] ?? null;
  }

  /** Adds the typed phase; on refusal keeps the draft and shows the reason at its field. */
  async addPhase(): Promise<boolean> {
    const form = this.phaseDraft;
    if (form.busy) return false;
    form.busy = true;
    try {
      this.apply((await backend.savePhase(null, $state.snapshot(form.draft))).view);
      this.error = null;
      // The next phase most likely starts where this one ends.
      form.saved({ start: form.draft.end });
      return true;
    } catch (reason) {
      form.error = backend.toAppError(reason);
      return false;
    } finally {
      form.busy = false;
    }
  }

  async deleteInitiative(id: string): Promise<void> {
    await this.run(() => backend.deleteInitiative(id));
  }

  /** Deleting a phase in use asks first, with the back end's sentence naming its initiatives. */
  async deletePhase(id: string, name: string): Promise<void> {
    try {
      this.apply(await backend.deletePhase(id, false));
      this.error = null;
    } catch (reason) {
      const err = backend.toAppError(reason);
      if (err.code === "inUse") {
        this.pendingDelete = {
          title: `Delete the phase “${name}”?`,
          message: err.message,
          confirmLabel: "Delete phase, keep initiatives",
          confirm: () => backend.deletePhase(id, true),
        };
      } else {
        this.error = err;
      }
    }
  }

  async confirmDelete(): Promise<void> {
    const pending = this.pendingDelete;
    this.pendingDelete = null;
    if (pending) await this.run(pending.confirm);
  }

  title(id: string): string {
    return this.overview?.roadmap.initiatives.find((i) => i.id === id)?.title ?? "";
  }

  phaseName(id: string | null): string {
    return this.overview?.roadmap.phases.find((p) => p.id === id)?.name ?? "No phase";
  }

  flagsOf(id: string) {
    return this.overview?.flags.filter((f) => f.initiativeId === id) ?? [];
  }
}
