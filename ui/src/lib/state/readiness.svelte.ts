// The Readiness screen: the review the back end works out, dismissals with a reason, and the
// traceability map. No rule lives here: the screen shows what the core found.

import * as backend from "../backend";
import type { AppError, EvidenceKind, EvidenceTrace, Issue, Review, Step, Traceability } from "../backend";

export type ReadinessTab = "issues" | "traceability";

export class ReadinessState {
  tab: ReadinessTab = $state("issues");
  review: Review | null = $state(null);
  loadError: AppError | null = $state(null);
  actionError: AppError | null = $state(null);

  /** The issue whose dismissal form is open, with the reason being typed. */
  dismissing: string | null = $state(null);
  reason = $state("");
  reasonError: string | null = $state(null);
  busy = $state(false);

  map: Traceability | null = $state(null);
  mapError: AppError | null = $state(null);
  /** The evidence picked in the traceability view, and what it leads to. */
  picked: { kind: EvidenceKind; id: string } | null = $state(null);
  trace: EvidenceTrace | null = $state(null);

  #seq = 0;

  async load(): Promise<void> {
    try {
      this.review = await backend.readinessReview();
      this.loadError = null;
    } catch (reason) {
      this.loadError = backend.toAppError(reason);
    }
  }

  async loadMap(): Promise<void> {
    try {
      this.map = await backend.traceabilityMap();
      this.mapError = null;
    } catch (reason) {
      this.mapError = backend.toAppError(reason);
    }
  }

  /** The open issues of one step. */
  issuesOf(step: Step): Issue[] {
    return this.review?.issues.filter((i) => i.step === step) ?? [];
  }

  startDismiss(issue: Issue): void {
    this.dismissing = issue.key;
    this.reason = "";
    this.reasonError = null;
  }

  cancelDismiss(): void {
    this.dismissing = null;
    this.reasonError = null;
  }

  /** Sends the reason; a refusal keeps the form open with what was typed. */
  async dismiss(): Promise<void> {
    const key = this.dismissing;
    if (!key || this.busy) return;
    this.busy = true;
    try {
      this.review = await backend.dismissIssue(key, this.reason);
      this.dismissing = null;
      this.reasonError = null;
    } catch (reason) {
      const error = backend.toAppError(reason);
      if (error.field === "reason") this.reasonError = error.message;
      else this.actionError = error;
    } finally {
      this.busy = false;
    }
  }

  async restore(key: string): Promise<void> {
    try {
      this.review = await backend.restoreIssue(key);
    } catch (reason) {
      this.actionError = backend.toAppError(reason);
    }
  }

  async pick(kind: EvidenceKind, id: string): Promise<void> {
    const seq = ++this.#seq;
    this.picked = { kind, id };
    try {
      const trace = await backend.evidenceTrace(kind, id);
      if (seq === this.#seq) this.trace = trace;
    } catch (reason) {
      if (seq === this.#seq) this.mapError = backend.toAppError(reason);
    }
  }
}
