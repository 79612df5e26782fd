// What each of the five steps is for, in the strategist's words. Shown on the Overview, in the
// sidebar and on each step's screen until the step's records arrive.

import { DOCUMENT_TITLES, STEP_TITLES, type Document, type Step } from "./backend";

export type StepInfo = {
  step: Step;
  number: number;
  /** Short label for the sidebar. */
  label: string;
  /** The step's title, as the core names it in the documents. */
  title: string;
  /** One sentence: why this step comes where it does. */
  lead: string;
  /** What the step will hold, one line each. */
  holds: { name: string; detail: string }[];
};

export const STEPS: readonly StepInfo[] = [
  {
    step: "audit",
    number: 1,
    label: "Audit",
    title: STEP_TITLES.audit,
    lead: "Take stock before deciding: where your community already lives, how healthy it is, and what that tells you.",
    holds: [
      { name: "Channels", detail: "Every place members gather, owned or not, with audience, size, activity, sentiment and who runs it." },
      { name: "Metrics at a date", detail: "Snapshots per channel so a later audit can be compared with this one." },
      { name: "Maturity self-assessment", detail: "Eight competencies scored on four stages, each with its evidence." },
      { name: "Situation", detail: "Resources, obstacles, opportunities, threats, audience, tone and the communities around you." },
      { name: "Findings", detail: "What the audit concludes, with evidence and importance; your goals will cite them." },
    ],
  },
  {
    step: "stakeholders",
    number: 2,
    label: "Stakeholders",
    title: STEP_TITLES.stakeholders,
    lead: "Listen first: who has a stake in the community, what they want from it, and where their wants meet your members'.",
    holds: [
      { name: "Stakeholder register", detail: "People, roles and departments on a power and interest grid, with their attitude." },
      { name: "Interview guides", detail: "Reusable questions grouped by theme, with starter guides per kind of stakeholder." },
      { name: "Interviews", detail: "Who, when and by whom; answers, notes and key quotes." },
      { name: "Insights and themes", detail: "Tagged notes and quotes, and the sweet spots where interests overlap." },
    ],
  },
  {
    step: "goals",
    number: 3,
    label: "Goals and KPIs",
    title: STEP_TITLES.goals,
    lead: "Know what success looks like, win agreement on it, and measure against it.",
    holds: [
      { name: "Purpose and narrative", detail: "The shared purpose, the value for members and for the organisation." },
      { name: "Objectives and goals", detail: "Business objectives and the community goals that serve them, each citing evidence." },
      { name: "KPIs", detail: "Per goal: definition, baseline, target, data source, owner and reporting cadence." },
      { name: "Measurements", detail: "Dated values, progress towards each target and an overall health figure." },
    ],
  },
  {
    step: "crisis",
    number: 4,
    label: "Crisis plan",
    title: STEP_TITLES.crisis,
    lead: "Be ready before it is needed: what could go wrong, who acts, and what you will say.",
    holds: [
      { name: "Severity levels", detail: "Definitions and the response time each one requires." },
      { name: "Scenarios", detail: "Likelihood and impact on a risk matrix, warning signals, owner and first actions." },
      { name: "Holding statements", detail: "Pre-approved responses with placeholders, ready to adapt." },
      { name: "Crisis team and escalation", detail: "Contacts with backups; who is told, how fast, and who approves." },
      { name: "Response guidelines", detail: "Tone, when to engage or step back, and the review afterwards." },
    ],
  },
  {
    step: "roadmap",
    number: 5,
    label: "Roadmap",
    title: STEP_TITLES.roadmap,
    lead: "The map to get there: phases, the initiatives in each, and a timeline an executive reads at a glance.",
    holds: [
      { name: "Phases", detail: "Dated stages, each with its objective." },
      { name: "Initiatives", detail: "Campaigns and programmes with the goals they serve, owner, budget, dates and status." },
      { name: "Timeline", detail: "The whole plan on one page, for buy-in and for keeping it on track." },
    ],
  },
];

export function stepInfo(step: Step): StepInfo {
  const found = STEPS.find((s) => s.step === step);
  if (!found) throw new Error(`unknown step ${step}`);
  return found;
}

export type DocumentInfo = { document: Document; title: string; description: string };

export const DOCUMENTS: readonly DocumentInfo[] = [
  { document: "full", title: DOCUMENT_TITLES.full, description: "The whole strategy, from the executive summary to the interview notes." },
  { document: "roadmap", title: DOCUMENT_TITLES.roadmap, description: "A one-page landscape summary of goals, KPIs, timeline and risks, for buy-in." },
  { document: "crisis", title: DOCUMENT_TITLES.crisis, description: "Severity levels, scenarios, holding statements and escalation, for the team to keep at hand." },
  { document: "audit", title: DOCUMENT_TITLES.audit, description: "Every audit record and interview note, as working evidence." },
];
