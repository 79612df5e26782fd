import { describe, expect, it } from "vitest";
import type { FigureMapping } from "../backend";
import { customName, figureChoice, withCustomName, withFigure } from "./figures.svelte";

const mapping = (): FigureMapping => ({
  dateColumn: 0,
  dates: "auto",
  decimals: "auto",
  onExisting: "keep",
  target: {
    kind: "snapshots",
    channel: { kind: "column", column: 1 },
    figures: [{ column: 2, figure: { kind: "members" } }],
  },
});

describe("mapping a column", () => {
  it("moves a figure to the column chosen for it, so each figure comes from one column", () => {
    const m = withFigure(mapping(), 3, "members", "Followers");
    expect(figureChoice(m, 3)).toBe("members");
    expect(figureChoice(m, 2)).toBe("");
  });

  it("names a figure after its column, and takes a new name", () => {
    let m = withFigure(mapping(), 4, "custom", "Net promoter score");
    expect(figureChoice(m, 4)).toBe("custom");
    expect(customName(m, 4)).toBe("Net promoter score");
    m = withCustomName(m, 4, "NPS");
    expect(customName(m, 4)).toBe("NPS");
    expect(figureChoice(m, 2)).toBe("members");
  });

  it("leaves a column out, and keeps the figures in column order", () => {
    let m = withFigure(mapping(), 5, "sentiment", "Mood");
    m = withFigure(m, 3, "postsPerMonth", "Posts");
    m = withFigure(m, 2, "", "Members");
    expect(m.target.kind === "snapshots" && m.target.figures.map((f) => f.column)).toEqual([3, 5]);
  });

  it("changes nothing in a KPI's mapping", () => {
    const kpi: FigureMapping = { ...mapping(), target: { kind: "kpi", kpiId: "k", valueColumn: 1 } };
    expect(withFigure(kpi, 2, "members", "x")).toBe(kpi);
    expect(figureChoice(kpi, 1)).toBe("");
  });
});
