import { describe, expect, it } from "vitest";
import { initiative, phase } from "../../testing/records";
import { bar, barLabel, BUCKET_WIDTH, buckets, dayNumber, group, labelWidth, rows, scale, ticks, GROUP_HEIGHT, ROW_HEIGHT } from "./timeline";



describe("scale and ticks", () => {
  it("widens to whole months and places dates by day", () => {
    const s = scale("2026-01-15", "2026-03-02", "month");
    expect(s.x("2026-01-01")).toBe(0);
    expect(s.x("2026-02-01")).toBe(31 * 4);
    expect(s.width).toBe((31 + 28 + 31) * 4);
    const t = ticks(s);
    expect(t.map((x) => x.label)).toEqual(["Jan", "Feb", "Mar"]);
    expect(t[0]?.year).toBe("2026");
    expect(t[1]?.year).toBeNull();
  });

  it("quarters start on a quarter and name the year once", () => {
    const s = scale("2026-11-20", "2027-02-01", "quarter");
    expect(s.x("2026-10-01")).toBe(0);
    const t = ticks(s);
    expect(t.map((x) => `${x.label}${x.year ?? ""}`)).toEqual(["Q42026", "Q12027"]);
    expect(t[1]?.x).toBeCloseTo(92 * 1.65);
  });

  it("the whole plan fits the width given, by month where months have room", () => {
    const s = scale("2026-01-15", "2026-06-30", "fit", 900);
    expect(s.tickMonths).toBe(1);
    expect(s.width).toBe(900);
    expect(s.x("2026-07-01")).toBeCloseTo(900);
    expect(ticks(s).map((t) => t.label)).toEqual(["Jan", "Feb", "Mar", "Apr", "May", "Jun"]);
  });

  it("a long plan in a narrow window is ticked by quarter, and never squeezed to nothing", () => {
    const s = scale("2026-01-01", "2028-12-31", "fit", 700);
    expect(s.tickMonths).toBe(3);
    expect(s.width).toBe(700);
    expect(ticks(s)[0]?.label).toBe("Q1");
    const tiny = scale("2020-01-01", "2039-12-31", "fit", 100);
    expect(tiny.pxPerDay).toBeGreaterThan(0.3);
    expect(tiny.width).toBeGreaterThan(100);
  });

  it("leaves a year's label to the next year's where the year is drawn too narrow for it", () => {
    const s = scale("2026-10-01", "2027-12-31", "fit", 150);
    const years = ticks(s).filter((t) => t.year).map((t) => t.year);
    expect(years).toEqual(["2027"]);
    const roomy = ticks(scale("2026-10-01", "2027-12-31", "fit", 900)).filter((t) => t.year).map((t) => t.year);
    expect(roomy).toEqual(["2026", "2027"]);
  });

  it("gives the names a quarter of the width, at least 180 px and at most 340 px", () => {
    expect(labelWidth(600)).toBe(180);
    expect(labelWidth(1000)).toBe(250);
    expect(labelWidth(1600)).toBe(340);
  });

  it("day numbers do not drift across daylight-saving changes", () => {
    expect(dayNumber("2026-03-30") - dayNumber("2026-03-28")).toBe(2);
    expect(dayNumber("2026-10-26") - dayNumber("2026-10-24")).toBe(2);
  });
});

describe("bars", () => {
  const s = scale("2026-01-01", "2026-12-31", "month");
  it("cover the last day and keep a minimum width", () => {
    const b = bar(initiative("a", { start: "2026-01-01", end: "2026-01-01" }), s, []);
    expect(b.x).toBe(0);
    expect(b.width).toBe(4);
  });
  const next = initiative("n", { schedule: "next", start: null, end: null });
  const later = initiative("l", { schedule: "later", start: null, end: null });
  it("put undated initiatives in their bucket column after the dates", () => {
    const columns = buckets([later, next, initiative("d")]);
    expect(columns).toEqual(["next", "later"]);
    const n = bar(next, s, columns);
    const l = bar(later, s, columns);
    expect(n.undated).toBe(true);
    expect(n.x).toBeGreaterThanOrEqual(s.width);
    expect(l.x - n.x).toBe(BUCKET_WIDTH);
  });
  it("draw only the bucket columns some initiative is in", () => {
    const columns = buckets([later, initiative("d")]);
    expect(columns).toEqual(["later"]);
    expect(bar(later, s, columns).x).toBe(s.width + 10);
    expect(buckets([initiative("d")])).toEqual([]);
  });
});

describe("bar labels", () => {
  const width = (s: string) => s.length * 6;
  const at = (x: number, w: number, over: Partial<ReturnType<typeof bar>> = {}) => ({ x, width: w, milestone: false, undated: false, ...over });
  it("sit on a bar wide enough, else beside it where the chart has room", () => {
    expect(barLabel("Short", at(0, 100), 600, width)).toMatchObject({ inside: true, text: "Short", anchor: "start" });
    expect(barLabel("A much longer title", at(10, 40), 600, width)).toMatchObject({ inside: false, x: 56, anchor: "start", text: "A much longer title" });
    expect(barLabel("A much longer title", at(500, 80), 600, width)).toMatchObject({ inside: false, x: 494, anchor: "end", text: "A much longer title" });
    expect(barLabel("Launch", at(100, 4, { milestone: true }), 600, width)).toMatchObject({ inside: false, x: 116 });
  });
  it("are shortened on the bar only when neither side has room", () => {
    const label = barLabel("x".repeat(200), at(100, 100), 400, width);
    expect(label.inside).toBe(true);
    expect(label.text.endsWith("…")).toBe(true);
    expect(width(label.text)).toBeLessThanOrEqual(88);
  });
});

describe("grouping", () => {
  const phases = [phase("Foundation", "2026-01-01", "2026-03-31"), phase("Launch", "2026-04-01", "2026-06-30")];
  const list = [
    initiative("b", { phaseId: "Foundation", start: "2026-02-01", goalIds: ["g1", "g2"], owner: { stakeholderId: null, name: "Ana" } }),
    initiative("a", { phaseId: "Foundation", start: "2026-01-10", goalIds: ["g1"], owner: { stakeholderId: null, name: "ana" } }),
    initiative("c", { schedule: "later", start: null, end: null }),
  ];
  // The order the back end gives: here by start date, undated last.
  const byStart = ["a", "b", "c"].map((t) => list.find((i) => i.title === t)!.id);
  const goals = [
    { id: "g1", label: "Faster answers", detail: "", parentId: null },
    { id: "g2", label: "Retention", detail: "", parentId: null },
  ];

  it("by phase keeps empty phases for their band and puts the rest under No phase", () => {
    const g = group(list, byStart, "phase", phases, goals, []);
    expect(g.map((x) => [x.label, x.initiatives.map((i) => i.title)])).toEqual([
      ["Foundation", ["a", "b"]],
      ["Launch", []],
      ["No phase", ["c"]],
    ]);
    expect(g[0]?.band).toEqual({ start: "2026-01-01", end: "2026-03-31" });
  });

  it("by goal shows an initiative under each goal it serves", () => {
    const g = group(list, byStart, "goal", phases, goals, []);
    expect(g.map((x) => [x.label, x.initiatives.length])).toEqual([
      ["Faster answers", 2],
      ["Retention", 1],
      ["No goal", 1],
    ]);
  });

  it("by owner folds case", () => {
    const g = group(list, byStart, "owner", phases, goals, []);
    expect(g.map((x) => [x.label, x.initiatives.length])).toEqual([
      ["Ana", 2],
      ["No owner", 1],
    ]);
  });

  it("rows stack without overlap, 400 initiatives included", () => {
    const many = Array.from({ length: 400 }, (_, n) => initiative(`i${n}`, { phaseId: n % 2 ? "Foundation" : "Launch" }));
    const r = rows(group(many, many.map((i) => i.id), "phase", phases, goals, []));
    expect(r.rows).toHaveLength(402);
    expect(r.height).toBe(2 * GROUP_HEIGHT + 400 * ROW_HEIGHT);
    const ys = r.rows.map((x) => x.y);
    expect(new Set(ys).size).toBe(ys.length);
  });

  it("keeps the back end's time order inside every group", () => {
    const order = ["c", "b", "a"].map((t) => list.find((i) => i.title === t)!.id);
    const g = group(list, order, "phase", phases, goals, []);
    expect(g[0]?.initiatives.map((i) => i.title)).toEqual(["b", "a"]);
  });
});
