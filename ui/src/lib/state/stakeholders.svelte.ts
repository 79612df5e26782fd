// Step 2's screen state: the records and what Rust computed from them (grid, insights), the
// open tab, and the interview being captured. Every write goes to the back end, then the step
// is reloaded so the grid, themes and sweet spots always come from Rust.

import * as backend from "../backend";
import type {
  AppError,
  Guide,
  GuideEdit,
  Theme,
  ThemeEdit,
  Interview,
  InterviewEdit,
  QuestionEdit,
  Quote,
  SearchResults,
  Stakeholder,
  StakeholderEdit,
  StakeholderStep,
  TagTarget,
} from "../backend";
import { toAppError } from "../backend";
import type { Autosave } from "./autosave.svelte";
import { Saves } from "./saves.svelte";

export type Tab = "register" | "interviews" | "guides" | "themes" | "search";

export const TABS: readonly { tab: Tab; label: string }[] = [
  { tab: "register", label: "Register" },
  { tab: "interviews", label: "Interviews" },
  { tab: "guides", label: "Guides" },
  { tab: "themes", label: "Themes" },
  { tab: "search", label: "Search" },
];

export function blankStakeholder(): StakeholderEdit {
  return {
    name: "",
    role: "",
    department: "product",
    influence: 3,
    interest: 3,
    attitude: "neutral",
    wants: "",
    contact: "",
    interviewStatus: "toInvite",
  };
}

export function editOf(s: Stakeholder): StakeholderEdit {
  return {
    name: s.name,
    role: s.role,
    department: s.department,
    influence: s.influence,
    interest: s.interest,
    attitude: s.attitude,
    wants: s.wants,
    contact: s.contact,
    interviewStatus: s.interviewStatus,
  };
}

/** Today as YYYY-MM-DD in the user's time zone, for a new interview's date. */
export function today(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export class StakeholdersState {
  step: StakeholderStep | null = $state(null);
  tab: Tab = $state("register");
  /** A refusal that belongs to no field on screen. */
  error: AppError | null = $state(null);
  /** The interview open in the capture screen. */
  capturing: Interview | null = $state(null);
  /** The interview open for review and tagging. */
  reviewing: string | null = $state(null);

  search: SearchResults | null = $state(null);
  query = $state("");
  #searchSeq = 0;

  readonly #onchange: () => void;
  /** The workbook's one home of autosaves (the capture screen's answers and notes). */
  readonly saves: Saves;

  constructor(onchange: () => void = () => {}, saves = new Saves()) {
    this.#onchange = onchange;
    this.saves = saves;
  }

  /** A guide's name and description, saved as they are typed. */
  guideSave(id: string): Autosave<GuideEdit, Guide> {
    return this.saves.for<GuideEdit, Guide>(`guide:${id}`, () => ({
      save: (edit) => backend.updateGuide(id, edit),
      onSaved: () => void this.#stored(),
    }));
  }

  /** A guide question's topic and text, saved as they are typed. */
  questionSave(id: string): Autosave<QuestionEdit, Guide> {
    return this.saves.for<QuestionEdit, Guide>(`question:${id}`, () => ({
      save: (edit) => backend.updateGuideQuestion(id, edit),
      onSaved: () => void this.#stored(),
    }));
  }

  /**
   * An interview's stakeholder, date, interviewer and mode, saved as they are changed. Its
   * guide is fixed once it starts (the back end ignores `guideId` here).
   */
  interviewSave(id: string): Autosave<InterviewEdit, Interview> {
    return this.saves.for<InterviewEdit, Interview>(`interview:${id}`, () => ({
      save: (edit) => backend.updateInterview(id, edit),
      onSaved: () => void this.#stored(),
    }));
  }

  /** A key quote's text, saved as it is typed. */
  quoteSave(id: string): Autosave<string, Quote> {
    return this.saves.for<string, Quote>(`quote:${id}`, () => ({
      save: (text) => backend.updateQuote(id, text),
      onSaved: () => void this.#stored(),
    }));
  }

  // Deleting drops any edit of the record still waiting or refused: a refusal about a record
  // that is gone must not keep the window from closing.
  async deleteQuestion(id: string): Promise<void> {
    if (await this.act(() => backend.deleteGuideQuestion(id))) this.saves.forget(`question:${id}`);
  }

  async deleteQuote(id: string): Promise<void> {
    if (await this.act(() => backend.deleteQuote(id))) this.saves.forget(`quote:${id}`);
  }

  async deleteInterview(id: string): Promise<void> {
    if (await this.act(() => backend.deleteInterview(id))) this.saves.forget(`interview:${id}`);
  }

  /** A theme's name and side, saved as they are changed. */
  themeSave(id: string): Autosave<ThemeEdit, Theme> {
    return this.saves.for<ThemeEdit, Theme>(`theme:${id}`, () => ({
      save: (edit) => backend.updateTheme(id, edit),
      onSaved: () => void this.#stored(),
    }));
  }

  async #stored(): Promise<void> {
    await this.load();
    this.#onchange();
  }

  get stakeholders(): Stakeholder[] {
    return this.step?.records.stakeholders ?? [];
  }

  nameOf(stakeholderId: string): string {
    return this.stakeholders.find((s) => s.id === stakeholderId)?.name ?? "Unknown stakeholder";
  }

  themeName(id: string): string {
    return this.step?.records.themes.find((t) => t.id === id)?.name ?? "";
  }

  async load(): Promise<void> {
    try {
      this.step = await backend.stakeholderStep();
      this.error = null;
    } catch (reason) {
      this.error = toAppError(reason);
    }
  }

  /**
   * Runs a write; on success reloads the step and tells the sidebar. A refusal is returned
   * (for the form to show beside its field) and nothing typed is lost.
   */
  async write<T>(action: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: AppError }> {
    try {
      const value = await action();
      await this.load();
      this.#onchange();
      return { ok: true, value };
    } catch (reason) {
      return { ok: false, error: toAppError(reason) };
    }
  }

  /** Writes whose refusal has no field on the screen: shown in the step's banner. */
  async act(action: () => Promise<unknown>): Promise<boolean> {
    const result = await this.write(action);
    if (!result.ok) this.error = result.error;
    return result.ok;
  }

  deleteStakeholder(id: string): Promise<boolean> {
    return this.act(() => backend.deleteStakeholder(id));
  }

  /** Copies a guide from the starter library; answers the new guide. */
  copyStarterGuide(key: string) {
    return this.write(() => backend.copyStarterGuide(key));
  }

  createGuide(name: string) {
    return this.write(() => backend.createGuide({ name, description: "" }));
  }

  deleteGuide(id: string): Promise<boolean> {
    return this.act(() => backend.deleteGuide(id));
  }

  addGuideQuestion(guideId: string, edit: QuestionEdit) {
    return this.write(() => backend.addGuideQuestion(guideId, edit));
  }

  /** Moves a question to position `to` in its guide. */
  moveGuideQuestion(id: string, to: number): Promise<boolean> {
    return this.act(() => backend.moveGuideQuestion(id, to));
  }

  createInterview(edit: InterviewEdit) {
    return this.write(() => backend.createInterview(edit));
  }

  addQuote(interviewId: string, text: string) {
    return this.write(() => backend.addQuote(interviewId, text));
  }

  /**
   * A quote marked while an interview is being captured: stored at once, without reloading the
   * step under the capture screen. Answers the quote, or why it was refused.
   */
  async captureQuote(interviewId: string, text: string): Promise<{ quote: Quote | null; error: AppError | null }> {
    try {
      return { quote: await backend.addQuote(interviewId, text), error: null };
    } catch (reason) {
      return { quote: null, error: toAppError(reason) };
    }
  }

  createTheme(name: string) {
    return this.write(() => backend.createTheme({ name, side: "unmarked", description: "" }));
  }

  deleteTheme(id: string): Promise<boolean> {
    return this.act(() => backend.deleteTheme(id));
  }

  saveStakeholder(id: string | null, edit: StakeholderEdit) {
    return this.write(() => (id ? backend.updateStakeholder(id, edit) : backend.createStakeholder(edit)));
  }

  interviewsOf(stakeholderId: string): number {
    return this.step?.records.interviews.filter((i) => i.stakeholderId === stakeholderId).length ?? 0;
  }

  async tag(target: TagTarget, name: string): Promise<AppError | null> {
    const r = await this.write(() => backend.tagTheme(target, name));
    return r.ok ? null : r.error;
  }

  untag(target: TagTarget, themeId: string) {
    return this.act(() => backend.untagTheme(target, themeId));
  }

  /** Searches as the user types; a late answer to an older query is dropped. */
  async runSearch(query: string): Promise<void> {
    this.query = query;
    const seq = ++this.#searchSeq;
    if (query.trim() === "") {
      this.search = null;
      return;
    }
    try {
      const results = await backend.searchInterviews(query);
      if (seq === this.#searchSeq) this.search = results;
    } catch (reason) {
      if (seq === this.#searchSeq) this.error = toAppError(reason);
    }
  }
}

/**
 * Capturing one interview live: where the interviewer is, and autosave of the answer being
 * typed and of the notes. Moving between questions saves the answer first.
 */
export class Capture {
  index = $state(0);
  answers: Record<string, string> = $state({});
  notes = $state("");
  readonly interview: Interview;
  readonly answerSave: Autosave<{ id: string; text: string }, null>;
  readonly notesSave: Autosave<string, null>;

  constructor(
    interview: Interview,
    {
      saves = new Saves(),
      saveAnswer = backend.saveAnswer,
      saveNotes = backend.saveInterviewNotes,
      delay = 500,
    }: {
      saves?: Saves;
      saveAnswer?: (id: string, text: string) => Promise<null>;
      saveNotes?: (id: string, notes: string) => Promise<null>;
      delay?: number;
    } = {},
  ) {
    this.interview = interview;
    this.answerSave = saves.for<{ id: string; text: string }, null>(`answer:${interview.id}`, () => ({ save: (v) => saveAnswer(v.id, v.text), delay }));
    this.notesSave = saves.for<string, null>(`notes:${interview.id}`, () => ({ save: (v) => saveNotes(interview.id, v), delay }));
    // What was typed and not yet stored (a capture left and opened again) wins over the file.
    for (const a of interview.answers) this.answers[a.id] = a.answer;
    const unsaved = this.answerSave.unsaved;
    if (unsaved) this.answers[unsaved.id] = unsaved.text;
    this.notes = this.notesSave.unsaved ?? interview.notes;
    const firstOpen = interview.answers.findIndex((a) => a.answer.trim() === "");
    this.index = firstOpen < 0 ? 0 : firstOpen;
  }

  get count(): number {
    return this.interview.answers.length;
  }

  get current() {
    return this.interview.answers[this.index] ?? null;
  }

  answered(id: string): boolean {
    return (this.answers[id] ?? "").trim() !== "";
  }

  type(text: string): void {
    const q = this.current;
    if (!q) return;
    this.answers[q.id] = text;
    this.answerSave.schedule({ id: q.id, text });
  }

  typeNotes(text: string): void {
    this.notes = text;
    this.notesSave.schedule(text);
  }

  /** Goes to question `to`, saving the answer being typed first. */
  async goTo(to: number): Promise<void> {
    if (to < 0 || to >= this.count || to === this.index) return;
    await this.answerSave.flush();
    this.index = to;
  }

  next = () => this.goTo(this.index + 1);
  previous = () => this.goTo(this.index - 1);

  async finish(): Promise<void> {
    await Promise.all([this.answerSave.flush(), this.notesSave.flush()]);
  }
}
