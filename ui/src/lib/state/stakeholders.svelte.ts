// Step 2's screen state: the step as last stored with what Rust computed from it (grid,
// insights, sweet spots, each record's form), the open tab, and the interview being captured.
// Every write goes to the back end, which answers with the whole step; the screen shows that
// answer, so the grid, themes and sweet spots always come from Rust.

import * as backend from "../backend";
import type {
  AppError,
  GuideEdit,
  Interview,
  InterviewEdit,
  QuestionEdit,
  Quote,
  Saved,
  SearchResults,
  Stakeholder,
  StakeholderEdit,
  StakeholderStep,
  TagTarget,
  ThemeEdit,
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

/** Today as YYYY-MM-DD in the user's time zone, for a new interview's date. */
export function today(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** What a save answers the screen: the id of the record written, or why it was refused. */
export type SaveOutcome = { ok: true; id: string } | { ok: false; error: AppError };

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

  /** `onchange` runs after every stored write; `saves` is the workbook's one home of autosaves. */
  constructor(onchange: () => void = () => {}, saves = new Saves()) {
    this.#onchange = onchange;
    this.saves = saves;
  }

  /** Shows the step as the back end answered it after a write. */
  apply(step: StakeholderStep): void {
    this.step = step;
    this.error = null;
    this.#onchange();
  }

  /** An autosave of the form `key` whose every save answers the step. */
  #autosave<T>(key: string, save: (edit: T) => Promise<Saved<StakeholderStep>>): Autosave<T, Saved<StakeholderStep>> {
    return this.saves.for<T, Saved<StakeholderStep>>(key, () => ({
      save,
      onSaved: (saved) => this.apply(saved.view),
    }));
  }

  /** A guide's name and description, saved as they are typed. */
  guideSave(id: string): Autosave<GuideEdit, Saved<StakeholderStep>> {
    return this.#autosave<GuideEdit>(`guide:${id}`, (edit) => backend.saveGuide(id, edit));
  }

  /** The topic and text of question `id` of guide `guideId`, saved as they are typed. */
  questionSave(guideId: string, id: string): Autosave<QuestionEdit, Saved<StakeholderStep>> {
    return this.#autosave<QuestionEdit>(`question:${id}`, (edit) => backend.saveGuideQuestion(guideId, id, edit));
  }

  /**
   * An interview's stakeholder, date, interviewer and mode, saved as they are changed. Its
   * guide is fixed once it starts (the back end ignores `guideId` here).
   */
  interviewSave(id: string): Autosave<InterviewEdit, Saved<StakeholderStep>> {
    return this.#autosave<InterviewEdit>(`interview:${id}`, (edit) => backend.saveInterview(id, edit));
  }

  /** The text of key quote `id` of interview `interviewId`, saved as it is typed. */
  quoteSave(interviewId: string, id: string): Autosave<string, Saved<StakeholderStep>> {
    return this.#autosave<string>(`quote:${id}`, (text) => backend.saveQuote(interviewId, id, text));
  }

  /** A theme's name and side, saved as they are changed. */
  themeSave(id: string): Autosave<ThemeEdit, Saved<StakeholderStep>> {
    return this.#autosave<ThemeEdit>(`theme:${id}`, (edit) => backend.saveTheme(id, edit));
  }

  /** Capturing `interview` live: its answers and notes are saved through the workbook's saves. */
  capture(interview: Interview): Capture {
    return new Capture(interview, { saves: this.saves, onSaved: (step) => this.apply(step) });
  }

  // The forms, filled by the back end from what is stored.
  stakeholderForm(id: string): StakeholderEdit | null {
    return this.step?.edits.stakeholders[id] ?? null;
  }

  questionForm(id: string): QuestionEdit | null {
    return this.step?.edits.questions[id] ?? null;
  }

  interviewForm(id: string): InterviewEdit | null {
    return this.step?.edits.interviews[id] ?? null;
  }

  themeForm(id: string): ThemeEdit | null {
    return this.step?.edits.themes[id] ?? null;
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

  get stakeholders(): Stakeholder[] {
    return this.step?.records.stakeholders ?? [];
  }

  nameOf(stakeholderId: string): string {
    return this.stakeholders.find((s) => s.id === stakeholderId)?.name ?? "Unknown stakeholder";
  }

  themeName(id: string): string {
    return this.step?.records.themes.find((t) => t.id === id)?.name ?? "";
  }

  interview(id: string): Interview | null {
    return this.step?.records.interviews.find((i) => i.id === id) ?? null;
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
   * Runs a save; on success shows the step it answered and tells the sidebar. A refusal is
   * returned (for the form to show beside its field) and nothing typed is lost.
   */
  async #save(action: () => Promise<Saved<StakeholderStep>>): Promise<SaveOutcome> {
    try {
      const saved = await action();
      this.apply(saved.view);
      return { ok: true, id: saved.id };
    } catch (reason) {
      return { ok: false, error: toAppError(reason) };
    }
  }

  /** Runs a write answering the step; its refusal, if any. */
  async #write(action: () => Promise<StakeholderStep>): Promise<AppError | null> {
    try {
      this.apply(await action());
      return null;
    } catch (reason) {
      return toAppError(reason);
    }
  }

  /** Writes whose refusal has no field on the screen: shown in the step's banner. */
  async act(action: () => Promise<StakeholderStep>): Promise<boolean> {
    const error = await this.#write(action);
    if (error) this.error = error;
    return error === null;
  }

  deleteStakeholder(id: string): Promise<boolean> {
    return this.act(() => backend.deleteStakeholder(id));
  }

  /** Copies a guide from the starter library; answers the new guide's id. */
  copyStarterGuide(key: string): Promise<SaveOutcome> {
    return this.#save(() => backend.copyStarterGuide(key));
  }

  createGuide(name: string): Promise<SaveOutcome> {
    return this.#save(() => backend.saveGuide(null, { name, description: "" }));
  }

  deleteGuide(id: string): Promise<boolean> {
    return this.act(() => backend.deleteGuide(id));
  }

  addGuideQuestion(guideId: string, edit: QuestionEdit): Promise<SaveOutcome> {
    return this.#save(() => backend.saveGuideQuestion(guideId, null, edit));
  }

  /** Moves a question to position `to` in its guide. */
  moveGuideQuestion(id: string, to: number): Promise<boolean> {
    return this.act(() => backend.moveGuideQuestion(id, to));
  }

  /** Starts an interview and opens it in the capture screen. */
  async startInterview(edit: InterviewEdit): Promise<AppError | null> {
    const r = await this.#save(() => backend.saveInterview(null, edit));
    if (!r.ok) return r.error;
    this.capturing = this.interview(r.id);
    return null;
  }

  addQuote(interviewId: string, text: string): Promise<SaveOutcome> {
    return this.#save(() => backend.saveQuote(interviewId, null, text));
  }

  /**
   * A quote marked while an interview is being captured: stored at once. Answers the quote,
   * or why it was refused.
   */
  async captureQuote(interviewId: string, text: string): Promise<{ quote: Quote | null; error: AppError | null }> {
    const r = await this.addQuote(interviewId, text);
    if (!r.ok) return { quote: null, error: r.error };
    return { quote: this.interview(interviewId)?.quotes.find((q) => q.id === r.id) ?? null, error: null };
  }

  createTheme(name: string): Promise<SaveOutcome> {
    return this.#save(() => backend.saveTheme(null, { name, side: "unmarked", description: "" }));
  }

  deleteTheme(id: string): Promise<boolean> {
    return this.act(() => backend.deleteTheme(id));
  }

  saveStakeholder(id: string | null, edit: StakeholderEdit): Promise<SaveOutcome> {
    return this.#save(() => backend.saveStakeholder(id, edit));
  }

  interviewsOf(stakeholderId: string): number {
    return this.step?.records.interviews.filter((i) => i.stakeholderId === stakeholderId).length ?? 0;
  }

  tag(target: TagTarget, name: string): Promise<AppError | null> {
    return this.#write(() => backend.tagTheme(target, name));
  }

  untag(target: TagTarget, themeId: string): Promise<boolean> {
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
  readonly answerSave: Autosave<{ id: string; text: string }, StakeholderStep | null>;
  readonly notesSave: Autosave<string, StakeholderStep | null>;

  /** `onSaved` is shown each step a save answers (the workbook's state takes it). */
  constructor(
    interview: Interview,
    {
      saves = new Saves(),
      saveAnswer = backend.saveAnswer,
      saveNotes = backend.saveInterviewNotes,
      onSaved = () => {},
      delay = 500,
    }: {
      saves?: Saves;
      saveAnswer?: (id: string, text: string) => Promise<StakeholderStep | null>;
      saveNotes?: (id: string, notes: string) => Promise<StakeholderStep | null>;
      onSaved?: (step: StakeholderStep) => void;
      delay?: number;
    } = {},
  ) {
    this.interview = interview;
    const shown = (step: StakeholderStep | null) => {
      if (step) onSaved(step);
    };
    this.answerSave = saves.for<{ id: string; text: string }, StakeholderStep | null>(`answer:${interview.id}`, () => ({
      save: (v) => saveAnswer(v.id, v.text),
      onSaved: shown,
      delay,
    }));
    this.notesSave = saves.for<string, StakeholderStep | null>(`notes:${interview.id}`, () => ({
      save: (v) => saveNotes(interview.id, v),
      onSaved: shown,
      delay,
    }));
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
