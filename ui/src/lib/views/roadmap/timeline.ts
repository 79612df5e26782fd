// The timeline's drawing: where a date falls on the x axis at a zoom, the month or quarter
// ticks, and the rows an initiative list becomes once grouped. Pure functions; the rules of
// the roadmap (flags, totals, cycles) come from the back end.

import type { Initiative, Phase, RoadmapOption } from "../../backend";

export type Zoom = "fit" | "month" | "quarter";
export type GroupBy = "phase" | "goal" | "owner" | "channel";

export const ZOOMS: readonly { id: Zoom; label: string }[] = [
  { id: "fit", label: "Whole plan" },
  { id: "month", label: "Months" },
  { id: "quarter", label: "Quarters" },
];
export const GROUPINGS: readonly { id: GroupBy; label: string }[] = [
  { id: "phase", label: "Phase" },
  { id: "goal", label: "Goal" },
  { id: "owner", label: "Owner" },
  { id: "channel", label: "Channel" },
];

/** Pixels per day: a month is about 120 px wide, a quarter about 150 px. */
export const PX_PER_DAY: Record<Exclude<Zoom, "fit">, number> = { month: 4, quarter: 1.65 };
/** The whole plan never drawn narrower than this per day (about 10 px a month). */
const FIT_MIN_PX_PER_DAY = 0.33;
/** Below this many pixels a month, the whole plan is ticked by quarter. */
const FIT_MONTH_TICK_PX = 56;
export const ROW_HEIGHT = 30;
/** The width of the initiative names beside the chart, in a scroller `viewWidth` wide: a
 * quarter of it, between 180 and 340 px, so a narrow window keeps room for the chart. */
export function labelWidth(viewWidth: number): number {
  return Math.round(Math.min(340, Math.max(180, viewWidth * 0.25)));
}
export const GROUP_HEIGHT = 30;
/** The width of each undated column ("Next", "Later") after the dated range. */
export const BUCKET_WIDTH = 140;

const DAY_MS = 86_400_000;

/** "2026-03-14" as a UTC day number, so arithmetic never meets a daylight-saving change. */
/** Year, month (1–12) and day of an ISO date. */
function parts(iso: string): [number, number, number] {
  const [y = 1970, m = 1, d = 1] = iso.split("-").map(Number);
  return [y, m, d];
}

export function dayNumber(iso: string): number {
  const [y, m, d] = parts(iso);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export interface Scale {
  /** First day shown (the first of a month or quarter). */
  start: number;
  /** The day after the last one shown. */
  end: number;
  pxPerDay: number;
  /** Months between ticks: 1 (months) or 3 (quarters). */
  tickMonths: 1 | 3;
  /** Width of the dated part. */
  width: number;
  x: (iso: string) => number;
}

/** The days from `first`..`last` (ISO dates), widened to whole months or quarters. */
function span(first: string, last: string, months: 1 | 3): [number, number] {
  const [fy, fm] = parts(first);
  const startMonth = Math.floor((fm - 1) / months) * months;
  const [ly, lm] = parts(last);
  const endMonth = Math.floor((lm - 1) / months) * months + months;
  return [Math.round(Date.UTC(fy, startMonth, 1) / DAY_MS), Math.round(Date.UTC(ly, endMonth, 1) / DAY_MS)];
}

/**
 * A scale covering `first`..`last` (ISO dates), widened to whole months or quarters. "fit"
 * draws the whole plan in `fitWidth` pixels, ticked by month where months have room and by
 * quarter where they do not.
 */
export function scale(first: string, last: string, zoom: Zoom, fitWidth = 0): Scale {
  let tickMonths: 1 | 3 = zoom === "quarter" ? 3 : 1;
  let [start, end] = span(first, last, tickMonths);
  let pxPerDay = zoom === "fit" ? Math.max(fitWidth / (end - start), FIT_MIN_PX_PER_DAY) : PX_PER_DAY[zoom];
  if (zoom === "fit" && pxPerDay * 30.4 < FIT_MONTH_TICK_PX) {
    tickMonths = 3;
    [start, end] = span(first, last, 3);
    pxPerDay = Math.max(fitWidth / (end - start), FIT_MIN_PX_PER_DAY);
  }
  return {
    start,
    end,
    pxPerDay,
    tickMonths,
    width: Math.round((end - start) * pxPerDay),
    x: (iso: string) => (dayNumber(iso) - start) * pxPerDay,
  };
}

export interface Tick {
  x: number;
  width: number;
  label: string;
  /** A year label on the first tick of each year. */
  year: string | null;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** One tick per month or quarter across the scale. */
export function ticks(s: Scale): Tick[] {
  const out: Tick[] = [];
  const months = s.tickMonths;
  const first = new Date(s.start * DAY_MS);
  let y = first.getUTCFullYear();
  let m = first.getUTCMonth();
  let lastYear = -1;
  for (let guard = 0; guard < 1200; guard++) {
    const from = Math.round(Date.UTC(y, m, 1) / DAY_MS);
    if (from >= s.end) break;
    const to = Math.round(Date.UTC(y, m + months, 1) / DAY_MS);
    out.push({
      x: (from - s.start) * s.pxPerDay,
      width: (to - from) * s.pxPerDay,
      label: months === 1 ? (MONTHS[m] ?? "") : `Q${m / 3 + 1}`,
      year: y !== lastYear ? String(y) : null,
    });
    lastYear = y;
    m += months;
    if (m >= 12) {
      m -= 12;
      y += 1;
    }
  }
  // A year's label needs about 40 px before the next one; where its year is drawn narrower
  // than that, the label is left to the next year's, never written over it.
  const labelled = out.filter((t) => t.year);
  labelled.forEach((t, n) => {
    const next = labelled[n + 1];
    if (next && next.x - t.x < YEAR_LABEL_PX) t.year = null;
  });
  return out;
}
const YEAR_LABEL_PX = 40;

export interface Group {
  key: string;
  label: string;
  /** Dates of the phase band, when grouped by phase. */
  band: { start: string; end: string } | null;
  initiatives: Initiative[];
}

/**
 * The initiatives in groups, each group in the time order the back end gives (`order`, the
 * initiatives' ids). An initiative serving two goals or two channels shows under each; groups
 * with nothing in them are left out, except phases (an empty phase still shows its band).
 */
export function group(
  initiatives: Initiative[],
  order: string[],
  by: GroupBy,
  phases: Phase[],
  goals: RoadmapOption[],
  channels: RoadmapOption[],
): Group[] {
  const groups: Group[] = [];
  const rank = new Map(order.map((id, index) => [id, index]));
  const place = (i: Initiative) => rank.get(i.id) ?? order.length;
  const take = (key: string, label: string, members: Initiative[], band: Group["band"] = null, keepEmpty = false) => {
    if (members.length > 0 || keepEmpty) groups.push({ key, label, band, initiatives: [...members].sort((a, b) => place(a) - place(b)) });
  };
  if (by === "phase") {
    for (const p of phases) take(p.id, p.name, initiatives.filter((i) => i.phaseId === p.id), { start: p.start, end: p.end }, true);
    take("none", "No phase", initiatives.filter((i) => !i.phaseId || !phases.some((p) => p.id === i.phaseId)));
  } else if (by === "goal" || by === "channel") {
    const options = by === "goal" ? goals : channels;
    const ids = (i: Initiative) => (by === "goal" ? i.goalIds : i.channelIds);
    for (const o of options) take(o.id, o.label, initiatives.filter((i) => ids(i).includes(o.id)));
    take("none", by === "goal" ? "No goal" : "No channel", initiatives.filter((i) => !ids(i).some((id) => options.some((o) => o.id === id))));
  } else {
    const names = new Map<string, string>();
    for (const i of initiatives) {
      const name = i.owner.name.trim();
      if (name && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
    }
    const sorted = [...names.entries()].sort((a, b) => a[1].localeCompare(b[1]));
    for (const [key, name] of sorted) take(`owner:${key}`, name, initiatives.filter((i) => i.owner.name.trim().toLowerCase() === key));
    take("none", "No owner", initiatives.filter((i) => !i.owner.name.trim()));
  }
  return groups;
}

export interface Row {
  kind: "group" | "initiative";
  y: number;
  group: Group;
  initiative: Initiative | null;
}

/** Group headers and initiative rows, top to bottom, with their y positions. */
export function rows(groups: Group[]): { rows: Row[]; height: number } {
  const out: Row[] = [];
  let y = 0;
  for (const g of groups) {
    out.push({ kind: "group", y, group: g, initiative: null });
    y += GROUP_HEIGHT;
    for (const i of g.initiatives) {
      out.push({ kind: "initiative", y, group: g, initiative: i });
      y += ROW_HEIGHT;
    }
  }
  return { rows: out, height: y };
}

export interface Bar {
  x: number;
  width: number;
  milestone: boolean;
  undated: boolean;
}

export type Bucket = "next" | "later";
export const BUCKET_LABELS: Record<Bucket, string> = { next: "Next", later: "Later" };

/** The undated columns drawn after the dated range: only those some initiative is in. */
export function buckets(initiatives: Initiative[]): Bucket[] {
  return (["next", "later"] as const).filter((b) => initiatives.some((i) => i.schedule === b));
}

/** Where an initiative's bar sits: its dates, or its bucket column after the dated range. */
export function bar(i: Initiative, s: Scale, columns: Bucket[]): Bar {
  if (i.schedule === "dated" && i.start && i.end) {
    const x = s.x(i.start);
    // An end date is the last day of the work: the bar reaches the end of that day.
    const width = Math.max((dayNumber(i.end) - dayNumber(i.start) + 1) * s.pxPerDay, 3);
    return { x, width, milestone: i.milestone, undated: false };
  }
  const column = Math.max(0, columns.indexOf(i.schedule === "next" ? "next" : "later"));
  return { x: s.width + column * BUCKET_WIDTH + 10, width: BUCKET_WIDTH - 20, milestone: i.milestone, undated: true };
}

export interface BarLabel {
  x: number;
  anchor: "start" | "end";
  /** Drawn on the bar (light on the status colour) or beside it (dark). */
  inside: boolean;
  text: string;
}

/**
 * Where a bar's title goes: on the bar when it fits there, else beside it, right or left,
 * wherever the chart (`chartWidth` wide) has room; only when neither side has room is it
 * shortened on the bar, its row label and hover text still giving it in full.
 */
export function barLabel(title: string, b: Bar, chartWidth: number, width: (s: string) => number): BarLabel {
  const full = width(title);
  const diamond = b.milestone && !b.undated;
  if (!diamond && b.width - 12 >= full) return { x: b.x + 6, anchor: "start", inside: true, text: title };
  const right = b.x + b.width + (diamond ? 12 : 6);
  if (chartWidth - right >= full) return { x: right, anchor: "start", inside: false, text: title };
  const left = b.x - (diamond ? 12 : 6);
  if (left >= full) return { x: left, anchor: "end", inside: false, text: title };
  let text = title;
  while (text.length > 1 && width(`${text}…`) > b.width - 12) text = text.slice(0, -1);
  return { x: b.x + 6, anchor: "start", inside: true, text: b.width > 40 ? `${text.trimEnd()}…` : "" };
}

/** The same day `days` later, as ISO; for tests and the today line. */
export function addDays(iso: string, days: number): string {
  return isoOf(dayNumber(iso) + days);
}
