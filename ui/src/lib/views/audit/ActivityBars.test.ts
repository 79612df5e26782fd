import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import type { ChannelActivity } from "../../backend";
import ActivityBars from "./ActivityBars.svelte";

const long = "Cargo Bike Parents (unofficial) — the Facebook group most buyers ask in before they visit";

function channel(name: string, postsPerMonth: number | null, members: number | null): ChannelActivity {
  return { channelId: name, name, kind: "forum", ownership: "owned", takenOn: "2026-11-05", members, activeMembers: null, postsPerMonth, medianResponseHours: null, sentiment: null, snapshots: 1 };
}

describe("ActivityBars", () => {
  afterEach(cleanup);

  it("writes every channel's name in full, busiest first, with bars in proportion", () => {
    render(ActivityBars, { activity: [channel("Forum", 420, 2800), channel(long, 1150, 11433), channel("Video", null, 5950)] });
    const rows = screen.getAllByRole("listitem");
    expect(rows.map((r) => r.querySelector(".name")?.textContent)).toEqual([long, "Forum"]);
    expect(rows[0]?.textContent).toContain("1,150");
    expect(document.body.textContent).not.toContain("…");
    const widths = rows.map((r) => (r.querySelector(".bar") as HTMLElement).style.width);
    expect(widths[0]).toBe("100%");
    expect(parseFloat(widths[1] ?? "0")).toBeCloseTo((420 / 1150) * 100, 1);
  });

  it("switches the measure and says when no channel has that figure", async () => {
    render(ActivityBars, { activity: [channel("Forum", 420, 2800), channel("Video", null, 5950)] });
    await fireEvent.click(screen.getByRole("radio", { name: "Members" }));
    expect(screen.getAllByRole("listitem").map((r) => r.querySelector(".name")?.textContent)).toEqual(["Video", "Forum"]);
    await fireEvent.click(screen.getByRole("radio", { name: "Monthly active members" }));
    expect(screen.queryAllByRole("listitem")).toHaveLength(0);
    expect(screen.getByText(/No channel has this figure yet/)).toBeTruthy();
  });
});
