// The presentation slide's timeline, laid out before it is drawn: phases as bands, dated
// initiatives as bars, every name written in full. A projector has no hover, so nothing may be
// cut with an ellipsis: a title sits inside its bar when it fits there, beside it when it fits
// on one line, and otherwise wraps onto lines above the bar, and each row grows to hold it.

import type { Initiative, Roadmap } from "../../backend";
import { wrapText, type Measure } from "../../format/measure";


export const SLIDE = {
  width: 1180,
  left: 10,
  right: 10,
  phaseSize: 26,
  phaseLine: 32,
  titleSize: 23,
  titleLine: 28,
  bar: 42,
  rowGap: 14,
  bandGap: 12,
  axis: 40,
  monthSize: 21,
} as const;

export interface TitleLayout {
  /** Where each line starts (or ends, when `anchor` is "end"), in slide units. */
  x: number;
  anchor: "start" | "end";
  lines: string[];
  /** Inside the bar (light on the status colour) or on the page (dark). */
  inside: boolean;
  /** Baseline of the first line. */
  y: number;
}

export interface SlideItem {
  initiative: Initiative;
  x1: number;
  x2: number;
  /** Top of the bar (or the diamond). */
  barY: number;
  title: TitleLayout;
}

export interface SlideLane {
  key: string;
  name: string[];
  nameX: number;
  top: number;
  height: number;
  /** The band's extent, or null for initiatives in no phase. */
  band: { x: number; width: number } | null;
  items: SlideItem[];
}

export interface SlideTimeline {
  lanes: SlideLane[];
  height: number;
  months: { x: number; label: string; end: number }[];
  todayX: number | null;
}

const DAY_MS = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;


/** Where a title goes: in the bar, beside it, or wrapped above it. */
function placeTitle(title: string, x1: number, x2: number, barY: number, holdsText: boolean, measure: (s: string) => number): { layout: TitleLayout; above: number } {
  const { width: W, left, right, bar, titleLine } = SLIDE;
  const mid = barY + bar / 2 + 8;
  const full = measure(title);
  if (holdsText && x2 - x1 - 20 >= full) return { layout: { x: x1 + 10, anchor: "start", lines: [title], inside: true, y: mid }, above: 0 };
  const afterRoom = W - right - (x2 + 12);
  if (afterRoom >= full) return { layout: { x: x2 + 12, anchor: "start", lines: [title], inside: false, y: mid }, above: 0 };
  const beforeRoom = x1 - 12 - left;
  if (beforeRoom >= full) return { layout: { x: x1 - 12, anchor: "end", lines: [title], inside: false, y: mid }, above: 0 };
  // Wrapped above the bar, from its start, or from the middle when the bar starts late.
  const from = Math.max(left, Math.min(x1, W / 2));
  const lines = wrapText(title, W - right - from, measure);
  return { layout: { x: from, anchor: "start", lines, inside: false, y: barY + titleLine - 6 }, above: lines.length * titleLine };
}

/** The slide timeline of `roadmap` on `today`, or null when nothing is dated. */
export function layoutSlideTimeline(roadmap: Roadmap, today: string, measure: Measure): SlideTimeline | null {
  const { width: W, left, right, phaseSize, phaseLine, titleSize, bar, rowGap, bandGap, axis } = SLIDE;
  const dated = roadmap.initiatives.filter((i) => i.start && i.end);
  const days = [...roadmap.phases.flatMap((p) => [day(p.start), day(p.end)]), ...dated.flatMap((i) => [day(i.start ?? ""), day(i.end ?? "")])];
  if (days.length === 0) return null;
  const from = Math.min(...days);
  const to = Math.max(...days, from + 1);
  const x = (d: number) => left + ((d - from) / (to - from)) * (W - left - right);
  const titleWidth = (s: string) => measure(s, titleSize, true);
  const phaseWidth = (s: string) => measure(s, phaseSize, true);

  const groups: { key: string; name: string; start: number | null; end: number | null; items: Initiative[] }[] = roadmap.phases.map((p) => ({
    key: p.id,
    name: p.name,
    start: day(p.start),
    end: day(p.end),
    items: dated.filter((i) => i.phaseId === p.id),
  }));
  const loose = dated.filter((i) => !roadmap.phases.some((p) => p.id === i.phaseId));
  if (loose.length > 0) groups.push({ key: "none", name: "Not in a phase", start: null, end: null, items: loose });

  const lanes: SlideLane[] = [];
  let y = 0;
  for (const g of groups) {
    // The name starts at its band; when the band starts late and the name needs more than a
    // line there, it starts further left, at the middle of the slide.
    let nameX = (g.start !== null ? x(g.start) : left) + 10;
    let name = wrapText(g.name, W - right - nameX, phaseWidth);
    if (name.length > 1 && nameX > W / 2 + 10) {
      nameX = W / 2 + 10;
      name = wrapText(g.name, W - right - nameX, phaseWidth);
    }
    const top = y;
    let rowY = top + 14 + name.length * phaseLine;
    const items: SlideItem[] = [];
    for (const initiative of g.items) {
      const x1 = x(day(initiative.start ?? ""));
      const x2 = Math.max(x1 + 6, x(day(initiative.end ?? "")));
      // A milestone is a diamond at its end date: its title goes beside it like a short bar's.
      const [bx1, bx2] = initiative.milestone ? [x2 - 16, x2 + 16] : [x1, x2];
      const { layout, above } = placeTitle(initiative.title, bx1, bx2, rowY, !initiative.milestone, titleWidth);
      items.push({ initiative, x1, x2, barY: rowY + above, title: layout });
      rowY += above + bar + rowGap;
    }
    if (items.length === 0) rowY += bar + rowGap;
    const height = rowY - top;
    const band = g.start !== null && g.end !== null ? { x: x(g.start), width: Math.max(2, x(g.end) - x(g.start)) } : null;
    lanes.push({ key: g.key, name, nameX, top, height, band, items });
    y = rowY + bandGap;
  }

  const months: { x: number; label: string; end: number }[] = [];
  const d = new Date(from * DAY_MS);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + 1);
  while (d.getTime() / DAY_MS <= to) {
    const label = d.toLocaleString("en-GB", { month: "short", timeZone: "UTC" }) + (d.getUTCMonth() === 0 ? ` ${d.getUTCFullYear()}` : "");
    const at = x(d.getTime() / DAY_MS);
    // A month's label is left out where it would run off the slide or into the one before.
    const ends = at + 4 + measure(label, SLIDE.monthSize, false);
    const previous = months.at(-1);
    if (ends <= W && (!previous || at + 4 >= previous.end + 8)) months.push({ x: at, label, end: ends });
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  const t = x(day(today));
  return { lanes, height: y + axis - bandGap, months, todayX: t >= left && t <= W - right ? t : null };
}
