// The workshop board as last stored, and one way to run a write so the screen shows what the
// back end stored and every refusal lands in one place (the typed text stays in its input).

import * as backend from "../backend";
import {
  toAppError,
  type AppError,
  type AuditOverview,
  type BoardView,
  type ConvertTarget,
  type CrisisPlan,
  type GoalsOverview,
  type Idea,
  type LogoView,
  type Objective,
  type Roadmap,
  type Saved,
  type StakeholderStep,
} from "../backend";
import type { Autosave } from "./autosave.svelte";
import { Saves } from "./saves.svelte";
import { newTimer, pause, remaining, reset, start, isRunning, type TimerSnapshot } from "../workshop/timer";

export type WorkshopTab = "capture" | "vote" | "prioritise";

export const CONVERT_TARGETS: { target: ConvertTarget; label: string }[] = [
  { target: "theme", label: "Interview theme" },
  { target: "finding", label: "Audit finding" },
  { target: "goal", label: "Goal" },
  { target: "scenario", label: "Crisis scenario" },
  { target: "initiative", label: "Roadmap initiative" },
];

export const QUADRANT_TITLES: Record<string, string> = {
  quickWin: "Quick wins",
  bigBet: "Big bets",
  fillIn: "Fill-ins",
  moneyPit: "Money pits",
};

/** What the workshop presentation shows: each step as last stored, or null if unreadable. */
export interface Presentation {
  audit: AuditOverview | null;
  people: StakeholderStep | null;
  goals: GoalsOverview | null;
  crisis: CrisisPlan | null;
  board: BoardView | null;
  roadmap: Roadmap | null;
  /** The organisation's logo, as the documents print it. */
  logo: LogoView | null;
}

export class WorkshopState {
  view: BoardView | null = $state(null);
  loadError: AppError | null = $state(null);
  /** The last refused write. */
  error: AppError | null = $state(null);
  /** A sentence after a conversion ("“Onboarding” is now a goal."). */
  notice: string | null = $state(null);
  tab: WorkshopTab = $state("capture");
  selectedId: string | null = $state(null);

  readonly #onChange: () => void;
  readonly #saves: Saves;

  /** `onChange` runs after every stored write; `saves` is the workbook's one home of autosaves. */
  constructor(onChange: () => void = () => {}, saves = new Saves()) {
    this.#onChange = onChange;
    this.#saves = saves;
  }

  /** Shows the board as the back end answered it after a write. */
  #apply(view: BoardView): void {
    this.view = view;
    this.#onChange();
  }

  /** An autosave of the text of `key` whose every save answers the board. */
  #autosave(key: string, save: (text: string) => Promise<Saved<BoardView>>): Autosave<string, Saved<BoardView>> {
    return this.#saves.for<string, Saved<BoardView>>(key, () => ({
      save,
      onSaved: (saved) => this.#apply(saved.view),
    }));
  }

  /** A group's name, saved as it is typed. */
  groupNameSave(id: string): Autosave<string, Saved<BoardView>> {
    return this.#autosave(`group:${id}`, (name) => backend.saveGroup(id, name));
  }

  /** A sticky note's text, saved as it is typed. */
  ideaSave(id: string): Autosave<string, Saved<BoardView>> {
    return this.#autosave(`idea:${id}`, (text) => backend.saveIdea(id, text));
  }

  /** Deletes a note, dropping any edit of it still waiting or refused. */
  async deleteIdea(id: string): Promise<boolean> {
    const ok = await this.run(() => backend.deleteIdea(id));
    if (ok) this.#saves.forget(`idea:${id}`);
    return ok;
  }

  /** Why a group's new name was refused, if it was. */
  groupNameError(id: string): AppError | null {
    return this.groupNameSave(id).error;
  }

  readonly board = $derived(this.view?.board ?? null);

  /** The notes in the order the capture board shows them: unsorted first, then by group. */
  readonly orderedNotes: Idea[] = $derived.by(() => {
    const b = this.board;
    if (!b) return [];
    const unsorted = b.ideas.filter((i) => i.groupId === null);
    return [...unsorted, ...b.groups.flatMap((g) => b.ideas.filter((i) => i.groupId === g.id))];
  });

  async load(): Promise<void> {
    try {
      this.view = await backend.workshopBoard();
      this.loadError = null;
    } catch (reason) {
      this.loadError = toAppError(reason);
    }
  }

  /** Runs a write and shows the board it answers; answers whether it was stored. */
  async run(write: () => Promise<BoardView>): Promise<boolean> {
    try {
      const view = await write();
      this.error = null;
      this.#apply(view);
      return true;
    } catch (reason) {
      this.error = toAppError(reason);
      return false;
    }
  }

  /** Runs a save that adds a record; shows the board it answers and answers the new id, or null when refused. */
  async #add(save: () => Promise<Saved<BoardView>>): Promise<string | null> {
    try {
      const saved = await save();
      this.error = null;
      this.#apply(saved.view);
      return saved.id;
    } catch (reason) {
      this.error = toAppError(reason);
      return null;
    }
  }

  /** Adds a note to the unsorted notes; answers its id. */
  addIdea(text: string): Promise<string | null> {
    return this.#add(() => backend.saveIdea(null, text));
  }

  /** Moves a sticky note into a group, or out of every group with null. */
  moveIdea(id: string, groupId: string | null): Promise<boolean> {
    return this.run(() => backend.moveIdea(id, groupId));
  }

  createGroup(name: string): Promise<string | null> {
    return this.#add(() => backend.saveGroup(null, name));
  }

  /** Deletes a group (its notes go back to Unsorted), dropping any rename still waiting. */
  async deleteGroup(id: string): Promise<boolean> {
    const ok = await this.run(() => backend.deleteGroup(id));
    if (ok) this.#saves.forget(`group:${id}`);
    return ok;
  }

  /**
   * Turns a group into a goal (under `objectiveId`, or the first objective when null), a
   * finding, a theme, a scenario or an initiative; answers whether it was stored.
   */
  convertGroup(groupId: string, target: ConvertTarget, objectiveId: string | null): Promise<boolean> {
    return this.run(() => backend.convertGroup(groupId, { target, objectiveId: objectiveId || null }));
  }

  scoreIdea(id: string, value: number | null, effort: number | null): Promise<boolean> {
    return this.run(() => backend.scoreIdea(id, value, effort));
  }

  scoreInitiative(id: string, value: number | null, effort: number | null): Promise<boolean> {
    return this.run(() => backend.scoreInitiative(id, value, effort));
  }

  addParticipant(name: string): Promise<string | null> {
    return this.#add(() => backend.saveParticipant(null, name));
  }

  deleteParticipant(id: string): Promise<boolean> {
    return this.run(() => backend.deleteParticipant(id));
  }

  setDotBudget(budget: number): Promise<boolean> {
    return this.run(() => backend.setDotBudget(budget));
  }

  setVote(participantId: string, ideaId: string, dots: number): Promise<boolean> {
    return this.run(() => backend.setVote(participantId, ideaId, dots));
  }

  /** The objectives a group can become a goal under; none when they cannot be read. */
  async objectives(): Promise<Objective[]> {
    try {
      return (await backend.goalsOverview()).goals.objectives;
    } catch {
      return [];
    }
  }

  /**
   * Everything the presentation shows, read fresh from every step; a step that cannot be read
   * shows as empty rather than stopping the presentation.
   */
  async presentation(): Promise<Presentation> {
    const settle = async <T,>(p: Promise<T>): Promise<T | null> => p.catch(() => null);
    const [audit, people, goals, crisis, board, roadmap, logo] = await Promise.all([
      settle(backend.auditOverview()),
      settle(backend.stakeholderStep()),
      settle(backend.goalsOverview()),
      settle(backend.crisisPlan()),
      settle(backend.workshopBoard()),
      settle(backend.presentationRoadmap()),
      settle(backend.documentLogo()),
    ]);
    return { audit, people, goals, crisis, board, roadmap, logo };
  }

  /** The presentation fills the screen while it shows. */
  fullscreen(on: boolean): void {
    void backend.setFullscreen(on);
  }

  groupName(id: string | null): string {
    if (id === null) return "Unsorted";
    return this.board?.groups.find((g) => g.id === id)?.name ?? "";
  }

  dotsOf(participantId: string, ideaId: string): number {
    return this.board?.votes.find((v) => v.participantId === participantId && v.ideaId === ideaId)?.dots ?? 0;
  }

  dotsLeft(participantId: string): number {
    return this.view?.dotsLeft.find((d) => d.participantId === participantId)?.left ?? 0;
  }
}

/** One exercise timer for the whole app: it keeps running while the facilitator moves between
 * the board and the presentation. */
class ExerciseTimer {
  snapshot: TimerSnapshot = $state(newTimer(5));
  now: number = $state(Date.now());
  #tick: ReturnType<typeof setInterval> | null = null;

  readonly left = $derived(remaining(this.snapshot, this.now));
  readonly running = $derived(isRunning(this.snapshot, this.now));
  readonly minutes = $derived(Math.round(this.snapshot.duration / 60_000));

  start(): void {
    this.now = Date.now();
    this.snapshot = start(this.snapshot, this.now);
    this.#tick ??= setInterval(() => {
      this.now = Date.now();
      if (!isRunning(this.snapshot, this.now)) this.#stopTicking();
    }, 250);
  }

  pause(): void {
    this.snapshot = pause(this.snapshot, Date.now());
    this.#stopTicking();
  }

  reset(): void {
    this.snapshot = reset(this.snapshot);
    this.#stopTicking();
  }

  preset(minutes: number): void {
    this.snapshot = newTimer(minutes);
    this.#stopTicking();
  }

  #stopTicking(): void {
    if (this.#tick) clearInterval(this.#tick);
    this.#tick = null;
    this.now = Date.now();
  }
}

export const exerciseTimer = new ExerciseTimer();
