import { describe, expect, it } from "vitest";
import type { Initiative, Roadmap } from "../../backend";
import { initiative as record, phase as phaseRecord } from "../../testing/records";
import { canvasMeasure, wrapText, type Measure } from "../../format/measure";
import { layoutSlideTimeline, SLIDE } from "./slideTimeline";

const initiative = (title: string, start: string, end: string, over: Partial<Initiative> = {}) => record(title, { phaseId: "p1", start, end, ...over });

const phase = (id: string, name: string, start: string, end: string) => phaseRecord(id, start, end, name);

/** Every character 0.6 em wide: easy to reason about. */
const mono: Measure = (text, size) => Array.from(text).length * size * 0.6;
const within = (line: string, size: number) => mono(line, size, true) <= SLIDE.width - SLIDE.left - SLIDE.right;

describe("wrapText", () => {
  const width = (s: string) => s.length;
  it("breaks at spaces and keeps every word", () => {
    expect(wrapText("Community guidelines refresh for the forum", 20, width)).toEqual(["Community guidelines", "refresh for the", "forum"]);
  });
  it("splits a word only when it alone is wider than the line", () => {
    expect(wrapText("a https://example.org/a-very-long-path", 12, width)).toEqual(["a", "https://exam", "ple.org/a-ve", "ry-long-path"]);
  });
  it("never splits an emoji or an accented letter", () => {
    const lines = wrapText("👩‍👩‍👧‍👦👩‍👩‍👧‍👦é", 1, () => 0.5);
    expect(lines.join("")).toBe("👩‍👩‍👧‍👦👩‍👩‍👧‍👦é");
  });
});

describe("layoutSlideTimeline", () => {
  const long = "Move forum Q&A into the Discord help channel with searchable threads, weekly office hours and a volunteer rota";
  const roadmap: Roadmap = {
    phases: [phase("p1", "Foundations: guidelines, moderators and the first welcome programme for new riders", "2026-01-01", "2026-06-30")],
    initiatives: [
      initiative("Guidelines", "2026-01-05", "2026-06-20"),
      initiative(long, "2026-05-01", "2026-06-28"),
      initiative("Launch", "2026-06-28", "2026-06-28", { milestone: true }),
      initiative("Later idea", "", "", { schedule: "later", start: null, end: null }),
    ],
  };
  const chart = layoutSlideTimeline(roadmap, "2026-03-01", mono);

  it("keeps every title whole, line by line, inside the slide", () => {
    expect(chart).not.toBeNull();
    const items = chart?.lanes.flatMap((l) => l.items) ?? [];
    expect(items.map((i) => i.title.lines.join(" "))).toEqual(["Guidelines", long, "Launch"]);
    for (const i of items) {
      for (const line of i.title.lines) {
        expect(line).not.toContain("…");
        expect(within(line, SLIDE.titleSize)).toBe(true);
        const end = i.title.anchor === "start" ? i.title.x + mono(line, SLIDE.titleSize, true) : i.title.x;
        const begin = i.title.anchor === "start" ? i.title.x : i.title.x - mono(line, SLIDE.titleSize, true);
        expect(begin).toBeGreaterThanOrEqual(SLIDE.left);
        expect(end).toBeLessThanOrEqual(SLIDE.width - SLIDE.right);
      }
    }
  });

  it("writes a short title inside a long bar and wraps a long one above its bar", () => {
    const [short, wrapped] = chart?.lanes[0]?.items ?? [];
    expect(short?.title.inside).toBe(true);
    expect(wrapped?.title.inside).toBe(false);
    expect(wrapped?.title.lines.length).toBeGreaterThan(1);
    // The wrapped lines sit above the bar, and the next row starts below it.
    expect(wrapped?.barY ?? 0).toBeGreaterThanOrEqual((wrapped?.title.y ?? 0) + ((wrapped?.title.lines.length ?? 1) - 1) * SLIDE.titleLine);
    const next = chart?.lanes[0]?.items[2];
    expect(next?.barY ?? 0).toBeGreaterThan((wrapped?.barY ?? 0) + SLIDE.bar);
  });

  it("wraps a long phase name and leaves undated work out of the chart", () => {
    const lane = chart?.lanes[0];
    expect(lane?.name.join(" ")).toBe(roadmap.phases[0]?.name);
    expect(lane?.name.length).toBeGreaterThan(1);
    expect(chart?.lanes.flatMap((l) => l.items).some((i) => i.initiative.title === "Later idea")).toBe(false);
    expect(chart?.todayX).not.toBeNull();
  });

  it("leaves out a month label that would run off the slide or into the one before", () => {
    const months = chart?.months ?? [];
    expect(months.length).toBeGreaterThan(2);
    months.forEach((m, n) => {
      expect(m.end).toBeLessThanOrEqual(SLIDE.width);
      if (n > 0) expect(m.x).toBeGreaterThan(months[n - 1]?.end ?? 0);
    });
    const wide: Measure = (text, size) => text.length * size * 6;
    const crowded = layoutSlideTimeline(roadmap, "2026-03-01", wide)?.months ?? [];
    expect(crowded.length).toBeLessThan(months.length);
  });

  it("is empty when nothing is dated", () => {
    expect(layoutSlideTimeline({ phases: [], initiatives: [] }, "2026-03-01", mono)).toBeNull();
  });

  it("estimates wide characters as wider where there is no canvas", () => {
    const m = canvasMeasure("sans-serif");
    expect(m("공동체", 20, true)).toBeGreaterThan(m("abc", 20, true));
  });
});
