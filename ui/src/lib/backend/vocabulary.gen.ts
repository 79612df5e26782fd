// Generated from the core's labels and titles by `UPDATE_BINDINGS=1 cargo test -p groundwork-app bindings`. Do not edit.

import type { Attitude, Choice, Department, Document, InterviewMode, InterviewStatus, Quadrant, SheetKind, Step, ThemeSide } from "./types.gen";

export const DEPARTMENTS: readonly Choice<Department>[] = [
  { value: "marketing", label: "Marketing" },
  { value: "sales", label: "Sales" },
  { value: "support", label: "Support" },
  { value: "pr", label: "PR" },
  { value: "product", label: "Product" },
  { value: "hr", label: "HR" },
  { value: "executive", label: "Executive" },
  { value: "legal", label: "Legal" },
  { value: "members", label: "Members" },
  { value: "partners", label: "Partners" },
  { value: "other", label: "Other" },
];

export const ATTITUDES: readonly Choice<Attitude>[] = [
  { value: "champion", label: "Champion" },
  { value: "neutral", label: "Neutral" },
  { value: "sceptic", label: "Sceptic" },
];

export const INTERVIEW_STATUSES: readonly Choice<InterviewStatus>[] = [
  { value: "toInvite", label: "To invite" },
  { value: "scheduled", label: "Scheduled" },
  { value: "interviewed", label: "Interviewed" },
  { value: "declined", label: "Declined" },
];

export const INTERVIEW_MODES: readonly Choice<InterviewMode>[] = [
  { value: "inPerson", label: "In person" },
  { value: "video", label: "Video call" },
  { value: "phone", label: "Phone" },
  { value: "written", label: "Written" },
];

export const THEME_SIDES: readonly Choice<ThemeSide>[] = [
  { value: "unmarked", label: "Not marked" },
  { value: "organisation", label: "Organisation interest" },
  { value: "members", label: "Member interest" },
  { value: "both", label: "Both" },
];

export const QUADRANTS: Record<Quadrant, string> = {
  manageClosely: "Manage closely",
  keepSatisfied: "Keep satisfied",
  keepInformed: "Keep informed",
  monitor: "Monitor",
};

export const STEP_TITLES: Record<Step, string> = {
  audit: "Community audit",
  stakeholders: "Stakeholders and interviews",
  goals: "Goals and KPIs",
  crisis: "Crisis plan",
  roadmap: "Roadmap",
};

export const DOCUMENT_TITLES: Record<Document, string> = {
  full: "Community strategy",
  roadmap: "Executive roadmap",
  crisis: "Crisis playbook",
  audit: "Audit workbook",
};

export const SHEET_NAMES: Record<SheetKind, string> = {
  channels: "Channels",
  channelMetrics: "Channel metrics",
  maturity: "Maturity",
  findings: "Findings",
  stakeholders: "Stakeholders",
  interviews: "Interviews",
  interviewAnswers: "Interview answers",
  quotes: "Quotes",
  themes: "Themes",
  goals: "Goals",
  kpis: "KPIs",
  kpiMeasurements: "KPI measurements",
  severityLevels: "Severity levels",
  crisisScenarios: "Crisis scenarios",
  crisisContacts: "Crisis contacts",
  escalation: "Escalation",
  phases: "Phases",
  initiatives: "Initiatives",
  budget: "Budget",
};
