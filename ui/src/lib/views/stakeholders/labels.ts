// Display names of the step's fixed choices (the stored values are the Rust enums' keys).
import type { Attitude, Department, InterviewMode, InterviewStatus, Quadrant, ThemeSide } from "../../backend";

export const DEPARTMENTS: readonly { value: Department; label: string }[] = [
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

export const ATTITUDES: readonly { value: Attitude; label: string }[] = [
  { value: "champion", label: "Champion" },
  { value: "neutral", label: "Neutral" },
  { value: "sceptic", label: "Sceptic" },
];

export const STATUSES: readonly { value: InterviewStatus; label: string }[] = [
  { value: "toInvite", label: "To invite" },
  { value: "scheduled", label: "Scheduled" },
  { value: "interviewed", label: "Interviewed" },
  { value: "declined", label: "Declined" },
];

export const MODES: readonly { value: InterviewMode; label: string }[] = [
  { value: "inPerson", label: "In person" },
  { value: "video", label: "Video call" },
  { value: "phone", label: "Phone" },
  { value: "written", label: "Written" },
];

export const SIDES: readonly { value: ThemeSide; label: string }[] = [
  { value: "unmarked", label: "Not marked" },
  { value: "organisation", label: "Organisation" },
  { value: "members", label: "Members" },
  { value: "both", label: "Both" },
];

export const QUADRANTS: Record<Quadrant, string> = {
  manageClosely: "Manage closely",
  keepSatisfied: "Keep satisfied",
  keepInformed: "Keep informed",
  monitor: "Monitor",
};

export function label<T extends string>(list: readonly { value: T; label: string }[], value: T): string {
  return list.find((x) => x.value === value)?.label ?? value;
}
