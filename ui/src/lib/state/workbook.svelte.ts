// An open workbook: its summary, the profile being edited, and where the user is in it.

import * as backend from "../backend";
import type { OpenedWorkbook, Profile, ProfileEdit, RecordRef, StepCount, WorkbookSummary, Step } from "../backend";
import { AuditState } from "./audit.svelte";
import { GoalsState } from "./goals.svelte";
import type { Autosave } from "./autosave.svelte";
import { CrisisState } from "./crisis.svelte";
import { DocumentsState } from "./documents.svelte";
import { ReadinessState } from "./readiness.svelte";
import { RoadmapState } from "./roadmap.svelte";
import { Saves } from "./saves.svelte";
import { StakeholdersState } from "./stakeholders.svelte";
import { TrashState } from "./trash.svelte";
import { WorkshopState } from "./workshop.svelte";

export type Section = "overview" | Step | "readiness" | "workshop" | "documents" | "trash";

export const SECTIONS: readonly Section[] = [
  "overview",
  "audit",
  "stakeholders",
  "goals",
  "crisis",
  "roadmap",
  "readiness",
  "workshop",
  "documents",
];

export type ProfileField = keyof ProfileEdit;

export const PROFILE_FIELDS: readonly ProfileField[] = [
  "name",
  "organisation",
  "communityName",
  "strategist",
  "purpose",
];

function editOf(p: Profile): ProfileEdit {
  return {
    name: p.name,
    organisation: p.organisation,
    communityName: p.communityName,
    strategist: p.strategist,
    purpose: p.purpose,
  };
}

export class WorkbookSession {
  summary: WorkbookSummary = $state() as WorkbookSummary;
  /** The last profile the back end confirmed. */
  saved: Profile = $state() as Profile;
  /** What is in the form: the user's text, kept even when a save is refused. */
  draft: ProfileEdit = $state() as ProfileEdit;
  stepCounts: StepCount[] = $state([]);
  section: Section = $state("overview");
  /** The record a step screen should open at (from the Readiness screen or a trace). */
  focus: RecordRef | null = $state(null);

  /** Every autosave of this workbook: leaving or closing waits for all of them. */
  readonly saves = new Saves();
  readonly profileSave: Autosave<ProfileEdit, Profile>;
  /** The export choices, kept while the workbook stays open. */
  readonly documents = new DocumentsState(this.saves);
  /** The readiness review and traceability, loaded each time the screen is shown. */
  readonly readiness = new ReadinessState();
  // Each step's records, forms and choices, loaded when its screen is shown and kept (with
  // the open tab and record) while the workbook is open.
  readonly audit = new AuditState((records) => this.setRecords("audit", records), this.saves);
  readonly stakeholders = new StakeholdersState(() => void this.refreshCounts(), this.saves);
  readonly goals = new GoalsState((records) => this.setRecords("goals", records), this.saves);
  readonly crisis = new CrisisState(() => void this.refreshCounts(), this.saves);
  readonly roadmap = new RoadmapState(() => void this.refreshCounts(), this.saves);
  readonly workshop = new WorkshopState(() => void this.refreshCounts(), this.saves);
  /** Every deletion offers an Undo; a restore reloads the screen and the step counts. */
  readonly trash = new TrashState(backend, () => void this.refreshCounts());
  readonly #stopWatchingDeletions = backend.onRecordDeleted(() => void this.trash.deleted());

  readonly readOnly = $derived(this.summary.readOnly);
  /** The name to show in the title: the saved one, never a half-typed or refused draft. */
  readonly title = $derived(this.saved.name);

  constructor(opened: OpenedWorkbook, save: (edit: ProfileEdit) => Promise<Profile> = backend.updateProfile) {
    this.summary = opened.summary;
    this.saved = opened.profile;
    this.draft = editOf(opened.profile);
    this.stepCounts = opened.stepCounts;
    this.profileSave = this.saves.for<ProfileEdit, Profile>("profile", () => ({
      save,
      onSaved: (profile) => {
        // Keep the draft as typed (the back end trims one-line fields; rewriting the input
        // under the cursor would eat a space being typed). Only the confirmed copy changes.
        this.saved = profile;
        this.summary = { ...this.summary, name: profile.name, organisation: profile.organisation, updatedAt: profile.updatedAt };
      },
    }));
  }

  /** Called on every keystroke in the profile form. */
  editProfile(field: ProfileField, value: string): void {
    this.draft[field] = value;
    this.profileSave.schedule({ ...this.draft });
  }

  /** Saves every edit still waiting for its autosave pause (leaving, closing the window). */
  async flush(): Promise<void> {
    await this.saves.flush();
  }

  /** The first refused autosave still standing: leaving would lose that edit. */
  get unsavedError() {
    return this.saves.error;
  }

  dispose(): void {
    this.saves.dispose();
    this.#stopWatchingDeletions();
    this.trash.dispose();
  }

  /** Opens the record's step with the record in view; the step screen picks the tab. */
  openRecord(record: RecordRef): void {
    void this.flush();
    this.focus = { ...record };
    if (record.step === "goals") {
      this.goals.tab = record.kind === "kpi" ? "kpi" : "tree";
      if (record.kind === "kpi") this.goals.selectedKpi = record.id;
    } else if (record.step === "audit") {
      this.audit.tab = record.kind === "finding" ? "findings" : "channels";
    }
    this.section = record.step;
  }

  setRecords(step: Step, records: number): void {
    this.stepCounts = this.stepCounts.map((c) => (c.step === step ? { ...c, records } : c));
  }

  records(step: Step): number | null {
    return this.stepCounts.find((c) => c.step === step)?.records ?? null;
  }

  async refreshCounts(): Promise<void> {
    try {
      this.stepCounts = await backend.stepCounts();
    } catch {
      // Counts are a convenience; the screens still work with the last known ones.
    }
  }
}
