// The audit step while a workbook is open: the records as the back end last sent them, the
// drafts of every form (kept when a save is refused, and across tab switches), and the
// channel table's sorting and filters.

import * as backend from "../backend";
import type {
  Saved,
  AppError,
  AuditOverview,
  ChannelActivity,
  ChannelUsage,
  ChannelEdit,
  ChannelKind,
  Comparison,
  Competency,
  FindingEdit,
  FindingUsage,
  MaturityEdit,
  Ownership,
  PeerEdit,
  Situation,
  SnapshotEdit,
} from "../backend";
import type { Autosave } from "./autosave.svelte";
import { Saves } from "./saves.svelte";
import { Form } from "./form.svelte";
import { FigureImportState } from "./figures.svelte";

export type AuditTab = "channels" | "snapshots" | "maturity" | "situation" | "findings";

export const AUDIT_TABS: readonly { tab: AuditTab; label: string }[] = [
  { tab: "channels", label: "Channels" },
  { tab: "snapshots", label: "Metrics" },
  { tab: "maturity", label: "Maturity" },
  { tab: "situation", label: "Situation" },
  { tab: "findings", label: "Findings" },
];

/** Today as year-month-day in the strategist's time zone: the default snapshot date. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

const blankChannel = (): ChannelEdit => ({
  kind: "forum",
  name: "",
  link: "",
  ownership: "owned",
  audience: "",
  runBy: "",
  notes: "",
});

const blankSnapshot = (): SnapshotEdit => ({
  channelId: "",
  takenOn: localToday(),
  members: "",
  activeMembers: "",
  postsPerMonth: "",
  medianResponseHours: "",
  sentiment: "",
  custom: [],
  notes: "",
});

const blankFinding = (): FindingEdit => ({ title: "", importance: "high", evidence: "", channelIds: [], snapshotIds: [] });

const blankPeer = (): PeerEdit => ({ name: "", kind: "competitor", communities: "", notes: "" });

const blankSituation = (): Situation => ({
  resources: "",
  obstacles: "",
  opportunities: "",
  threats: "",
  targetAudience: "",
  toneAndVoice: "",
});

export type ChannelSort = "name" | "kind" | "ownership" | "members" | "activeMembers" | "postsPerMonth" | "takenOn";

export class AuditState {
  overview: AuditOverview | null = $state(null);
  loadError: AppError | null = $state(null);
  /** A refusal that belongs to no form field (a delete that failed, say). */
  actionError: AppError | null = $state(null);
  tab: AuditTab = $state("channels");

  readonly channelForm = new Form<ChannelEdit>(blankChannel);
  readonly snapshotForm = new Form<SnapshotEdit>(blankSnapshot);
  readonly findingForm = new Form<FindingEdit>(blankFinding);
  readonly peerForm = new Form<PeerEdit>(blankPeer);
  /** Figures imported from an analytics export into snapshots. */
  readonly figures = new FigureImportState();

  situation: Situation = $state(blankSituation());
  readonly situationSave: Autosave<Situation, AuditOverview>;
  /** What is typed per competency: the stage as text, and the evidence. */
  maturity: Record<string, { stage: string; evidence: string }> = $state({});

  comparison: Comparison | null = $state(null);
  compareFrom = $state("");
  compareTo = $state("");

  sortKey: ChannelSort = $state("name");
  sortAscending = $state(true);
  filterText = $state("");
  filterKind: ChannelKind | "" = $state("");
  filterOwnership: Ownership | "" = $state("");

  readonly #onRecords: (records: number) => void;
  readonly #saves: Saves;

  constructor(onRecords: (records: number) => void = () => {}, saves = new Saves()) {
    this.#onRecords = onRecords;
    this.#saves = saves;
    this.situationSave = saves.for<Situation, AuditOverview>("situation", () => ({
      save: (s) => backend.updateSituation(s),
      onSaved: (o) => this.apply(o),
    }));
  }

  /** The channels as the table shows them: filtered, then sorted; no snapshot sorts last. */
  readonly channelRows: ChannelActivity[] = $derived.by(() => {
    const o = this.overview;
    if (!o) return [];
    const text = this.filterText.trim().toLocaleLowerCase();
    const channels = new Map(o.audit.channels.map((c) => [c.id, c]));
    const rows = o.activity.filter((a) => {
      const c = channels.get(a.channelId);
      if (this.filterKind && a.kind !== this.filterKind) return false;
      if (this.filterOwnership && a.ownership !== this.filterOwnership) return false;
      if (!text) return true;
      const hay = [a.name, c?.audience, c?.runBy, c?.link, c?.notes, this.kindLabel(a.kind)].join("\n").toLocaleLowerCase();
      return hay.includes(text);
    });
    const key = this.sortKey;
    const dir = this.sortAscending ? 1 : -1;
    const value = (a: ChannelActivity): string | number | null => {
      if (key === "name") return a.name.toLocaleLowerCase();
      if (key === "kind") return this.kindLabel(a.kind).toLocaleLowerCase();
      if (key === "ownership") return a.ownership;
      return a[key];
    };
    return [...rows].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va === vb) return a.name.localeCompare(b.name);
      if (va === null) return 1;
      if (vb === null) return -1;
      return (va < vb ? -1 : 1) * dir;
    });
  });

  kindLabel(kind: ChannelKind): string {
    return this.overview?.vocabulary.channelKinds.find((k) => k.value === kind)?.label ?? kind;
  }

  channelName(id: string): string {
    return this.overview?.audit.channels.find((c) => c.id === id)?.name ?? "A deleted channel";
  }

  sortBy(key: ChannelSort): void {
    if (this.sortKey === key) this.sortAscending = !this.sortAscending;
    else {
      this.sortKey = key;
      // Figures read best largest first; words A to Z.
      this.sortAscending = !["members", "activeMembers", "postsPerMonth", "takenOn"].includes(key);
    }
  }

  /**
   * Fetches the records. The autosaved drafts (situation, maturity) are filled from them only
   * the first time: afterwards they hold what was typed, which may be newer than the file (a
   * save still on its way) or refused (a stage of 5, kept so it can be corrected).
   */
  async load(): Promise<void> {
    try {
      const o = await backend.auditOverview();
      this.loadError = null;
      const first = this.overview === null;
      this.apply(o);
      if (first) {
        this.situation = { ...o.audit.situation };
        this.maturity = Object.fromEntries(
          o.maturity.map((m) => [m.competency, { stage: m.stage === null ? "" : String(m.stage), evidence: m.evidence }]),
        );
      }
    } catch (reason) {
      this.loadError = backend.toAppError(reason);
    }
  }

  /**
   * Takes what the back end answered after a write. The comparison follows the two latest
   * dates (which the answer carries) unless the strategist picked others, which are asked for
   * again since their figures may have changed.
   */
  apply(o: AuditOverview): void {
    const datesChanged = this.overview?.auditDates.join() !== o.auditDates.join();
    const latest = o.comparison;
    const picked = !datesChanged && o.auditDates.includes(this.compareFrom) && o.auditDates.includes(this.compareTo);
    this.overview = o;
    this.#onRecords(o.records);
    if (picked && !(latest && latest.from === this.compareFrom && latest.to === this.compareTo)) {
      void this.compare(this.compareFrom, this.compareTo);
    } else {
      this.comparison = latest;
      this.compareFrom = latest?.from ?? "";
      this.compareTo = latest?.to ?? "";
    }
  }

  async compare(from: string, to: string): Promise<void> {
    this.compareFrom = from;
    this.compareTo = to;
    if (!from || !to) return;
    try {
      this.comparison = await backend.compareSnapshots(from, to);
    } catch (reason) {
      this.actionError = backend.toAppError(reason);
    }
  }

  /** Saves a form; on refusal keeps the draft and shows the reason at its field. */
  async submit<T>(form: Form<T>, save: (id: string | null, draft: T) => Promise<Saved<AuditOverview>>): Promise<boolean> {
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

  async saveChannel(): Promise<boolean> {
    const ok = await this.submit(this.channelForm, backend.saveChannel);
    if (ok) this.channelForm.saved({ kind: this.channelForm.draft.kind, ownership: this.channelForm.draft.ownership });
    return ok;
  }

  async saveSnapshot(): Promise<boolean> {
    const ok = await this.submit(this.snapshotForm, backend.saveSnapshot);
    // The next snapshot is most likely of the same date, for another channel.
    if (ok) this.snapshotForm.saved({ takenOn: this.snapshotForm.draft.takenOn });
    return ok;
  }

  async saveFinding(): Promise<boolean> {
    const ok = await this.submit(this.findingForm, backend.saveFinding);
    if (ok) this.findingForm.saved();
    return ok;
  }

  async savePeer(): Promise<boolean> {
    const ok = await this.submit(this.peerForm, backend.savePeer);
    if (ok) this.peerForm.saved({ kind: this.peerForm.draft.kind });
    return ok;
  }

  /** What rests on a channel, asked before deleting it; null (with the refusal shown) on failure. */
  async channelUsage(id: string): Promise<ChannelUsage | null> {
    return this.ask(() => backend.channelUsage(id));
  }

  /** What rests on a finding, asked before deleting it; null (with the refusal shown) on failure. */
  async findingUsage(id: string): Promise<FindingUsage | null> {
    return this.ask(() => backend.findingUsage(id));
  }

  /** Deletes a channel; `confirmed` once the user has agreed to unlink the findings citing it. */
  deleteChannel(id: string, confirmed: boolean): Promise<boolean> {
    return this.act(() => backend.deleteChannel(id, confirmed));
  }

  deleteSnapshot(id: string): Promise<boolean> {
    return this.act(() => backend.deleteSnapshot(id));
  }

  deletePeer(id: string): Promise<boolean> {
    return this.act(() => backend.deletePeer(id));
  }

  deleteFinding(id: string): Promise<boolean> {
    return this.act(() => backend.deleteFinding(id));
  }

  private async ask<T>(read: () => Promise<T>): Promise<T | null> {
    try {
      const answer = await read();
      this.actionError = null;
      return answer;
    } catch (reason) {
      this.actionError = backend.toAppError(reason);
      return null;
    }
  }

  /** Runs a delete (or another action without a form) and shows a refusal above the list. */
  async act(run: () => Promise<AuditOverview>): Promise<boolean> {
    try {
      this.apply(await run());
      this.actionError = null;
      return true;
    } catch (reason) {
      this.actionError = backend.toAppError(reason);
      return false;
    }
  }

  editSituation(field: keyof Situation, value: string): void {
    this.situation[field] = value;
    this.situationSave.schedule({ ...this.situation });
  }

  maturitySave(competency: Competency): Autosave<MaturityEdit, AuditOverview> {
    return this.#saves.for<MaturityEdit, AuditOverview>(`maturity:${competency}`, () => ({
      save: (edit) => backend.saveMaturity(edit),
      onSaved: (o) => this.apply(o),
    }));
  }

  editMaturity(competency: Competency, change: Partial<{ stage: string; evidence: string }>): void {
    const row = { stage: "", evidence: "", ...this.maturity[competency], ...change };
    this.maturity[competency] = row;
    this.maturitySave(competency).schedule({ competency, ...row });
  }
}
