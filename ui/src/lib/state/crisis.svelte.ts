// The crisis step: the plan as last stored, the open scenario, and one way to run a write so
// every screen shows what the back end stored and every refusal lands in one place.

import * as backend from "../backend";
import {
  toAppError,
  type AppError,
  type ContactEdit,
  type EscalationEdit,
  type CrisisPlan,
  type FindingSummary,
  type Guidelines,
  type FilledStatement,
  type Saved,
  type ScenarioEdit,
  type SeverityEdit,
  type StarterScenario,
  type StatementEdit,
} from "../backend";
import type { Autosave } from "./autosave.svelte";
import { Saves } from "./saves.svelte";

export type CrisisTab = "scenarios" | "levels" | "team" | "guidelines";

export const LIKELIHOOD = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"] as const;
export const IMPACT = ["Minimal", "Minor", "Moderate", "Major", "Severe"] as const;

export class CrisisState {
  plan: CrisisPlan | null = $state(null);
  /** The audit findings a scenario can rest on, most important first. */
  findings: FindingSummary[] = $state([]);
  /** Why the plan could not be loaded. */
  loadError: AppError | null = $state(null);
  /** The last refused action that belongs to no input (a delete that was kept, say). */
  error: AppError | null = $state(null);
  tab: CrisisTab = $state("scenarios");
  selectedId: string | null = $state(null);

  readonly selected = $derived(this.plan?.scenarios.find((s) => s.id === this.selectedId) ?? null);

  readonly #onChange: () => void;
  readonly #saves: Saves;

  /**
   * `onChange` runs after every stored write (the sidebar's counts refresh); `saves` is the
   * workbook's one home of autosaves.
   */
  constructor(onChange: () => void = () => {}, saves = new Saves()) {
    this.#onChange = onChange;
    this.#saves = saves;
  }

  // Each editor's autosave, one per record: the editors draw their drafts from these, and
  // from the plan's `edits` (the forms as stored) when nothing is waiting to be saved.
  scenarioSave = (id: string) => this.#autosave<ScenarioEdit>(`scenario:${id}`, (e) => backend.saveScenario(id, e));
  statementSave = (scenarioId: string, id: string) =>
    this.#autosave<StatementEdit>(`statement:${id}`, (e) => backend.saveStatement(scenarioId, id, e));
  actionSave = (scenarioId: string, id: string) =>
    this.#autosave<string>(`action:${id}`, (text) => backend.saveAction(scenarioId, id, text));
  levelSave = (id: string) => this.#autosave<SeverityEdit>(`level:${id}`, (e) => backend.saveSeverity(id, e));
  contactSave = (id: string) => this.#autosave<ContactEdit>(`contact:${id}`, (e) => backend.saveContact(id, e));
  escalationSave = (id: string) => this.#autosave<EscalationEdit>(`escalation:${id}`, (e) => backend.saveEscalation(id, e));
  guidelinesSave = () => this.#saves.for<Guidelines, CrisisPlan>("guidelines", () => ({ save: (g) => backend.updateGuidelines(g), onSaved: (plan) => this.apply(plan) }));

  /** An autosave of the record `key` whose every save answers the plan. */
  #autosave<T>(key: string, save: (value: T) => Promise<Saved<CrisisPlan>>): Autosave<T, Saved<CrisisPlan>> {
    return this.#saves.for<T, Saved<CrisisPlan>>(key, () => ({ save, onSaved: (saved) => this.apply(saved.view) }));
  }

  // The forms, filled by the back end from what is stored.
  scenarioForm(id: string): ScenarioEdit | null {
    return this.plan?.edits.scenarios[id] ?? null;
  }

  statementForm(id: string): StatementEdit | null {
    return this.plan?.edits.statements[id] ?? null;
  }

  levelForm(id: string): SeverityEdit | null {
    return this.plan?.edits.levels[id] ?? null;
  }

  contactForm(id: string): ContactEdit | null {
    return this.plan?.edits.contacts[id] ?? null;
  }

  escalationForm(id: string): EscalationEdit | null {
    return this.plan?.edits.escalations[id] ?? null;
  }

  async load(): Promise<void> {
    try {
      const [plan, findings] = await Promise.all([backend.crisisPlan(), backend.findings()]);
      this.plan = plan;
      this.findings = findings;
      this.loadError = null;
      if (!this.selectedId) this.selectedId = this.plan.scenarios[0]?.id ?? null;
    } catch (reason) {
      this.loadError = toAppError(reason);
    }
  }

  /** Stores what a write returned. */
  apply(plan: CrisisPlan): void {
    this.plan = plan;
    this.#onChange();
  }

  /**
   * Runs a write whose refusal is shown at the top of the step. Resolves true when it was
   * stored. Refusals with a field go back to the caller (they belong beside an input).
   */
  async run(write: () => Promise<CrisisPlan>): Promise<boolean> {
    try {
      this.apply(await write());
      this.error = null;
      return true;
    } catch (reason) {
      this.error = toAppError(reason);
      return false;
    }
  }

  async addScenario(title: string): Promise<AppError | null> {
    try {
      const saved = await backend.saveScenario(null, {
        title,
        description: "",
        likelihood: 3,
        impact: 3,
        severityId: this.plan?.levels[0]?.id ?? null,
        owner: "",
        signals: "",
        channels: "",
        findingIds: [],
      });
      this.apply(saved.view);
      this.selectedId = saved.id;
      this.error = null;
      return null;
    } catch (reason) {
      return toAppError(reason);
    }
  }

  async addStarter(key: string): Promise<void> {
    try {
      const saved = await backend.addStarterScenario(key);
      this.apply(saved.view);
      this.selectedId = saved.id;
      this.error = null;
    } catch (reason) {
      this.error = toAppError(reason);
    }
  }

  async deleteScenario(id: string): Promise<void> {
    const index = this.plan?.scenarios.findIndex((s) => s.id === id) ?? -1;
    if (await this.run(() => backend.deleteScenario(id))) {
      const rest = this.plan?.scenarios ?? [];
      this.selectedId = rest[Math.min(Math.max(index, 0), rest.length - 1)]?.id ?? null;
    }
  }

  /**
   * Runs a write whose refusal belongs beside the form that made it (an "Add" row): answers the
   * refusal, or null once the plan shows what was stored.
   */
  async #add(write: () => Promise<Saved<CrisisPlan>>): Promise<AppError | null> {
    try {
      this.apply((await write()).view);
      return null;
    } catch (reason) {
      return toAppError(reason);
    }
  }

  addLevel(edit: SeverityEdit): Promise<AppError | null> {
    return this.#add(() => backend.saveSeverity(null, edit));
  }

  deleteLevel(id: string): Promise<boolean> {
    return this.run(() => backend.deleteSeverity(id));
  }

  addAction(scenarioId: string, text: string): Promise<AppError | null> {
    return this.#add(() => backend.saveAction(scenarioId, null, text));
  }

  /** Moves an action one place up (-1) or down (+1) in its scenario's list. */
  moveAction(id: string, delta: number): Promise<boolean> {
    return this.run(() => backend.moveAction(id, delta));
  }

  deleteAction(id: string): Promise<boolean> {
    return this.run(() => backend.deleteAction(id));
  }

  /** Adds a blank holding statement to the scenario, to be written in place. */
  async addStatement(scenarioId: string): Promise<boolean> {
    return this.run(async () => (await backend.saveStatement(scenarioId, null, { title: "Holding statement", body: "" })).view);
  }

  deleteStatement(id: string): Promise<boolean> {
    return this.run(() => backend.deleteStatement(id));
  }

  /** A statement with its placeholders filled from `values`, or why it could not be. */
  async fillStatement(body: string, values: Record<string, string>): Promise<{ filled: FilledStatement | null; error: AppError | null }> {
    try {
      return { filled: await backend.fillStatement(body, values), error: null };
    } catch (reason) {
      return { filled: null, error: toAppError(reason) };
    }
  }

  addContact(edit: ContactEdit): Promise<AppError | null> {
    return this.#add(() => backend.saveContact(null, edit));
  }

  deleteContact(id: string): Promise<boolean> {
    return this.run(() => backend.deleteContact(id));
  }

  addEscalation(edit: EscalationEdit): Promise<AppError | null> {
    return this.#add(() => backend.saveEscalation(null, edit));
  }

  deleteEscalation(id: string): Promise<boolean> {
    return this.run(() => backend.deleteEscalation(id));
  }

  /** The library of starter scenarios, or why it could not be read. */
  async starterScenarios(): Promise<{ list: StarterScenario[] | null; error: AppError | null }> {
    try {
      return { list: await backend.starterScenarios(), error: null };
    } catch (reason) {
      return { list: null, error: toAppError(reason) };
    }
  }

  levelName(id: string | null): string {
    return this.plan?.levels.find((l) => l.id === id)?.name ?? "No level";
  }

  contactName(id: string | null): string {
    return this.plan?.contacts.find((c) => c.id === id)?.name ?? "";
  }
}
