import { describe, expect, it } from "vitest";
import { noteKey, slideKey } from "./keys";
import { clock, isRunning, newTimer, pause, remaining, reset, start } from "./timer";

describe("keys on a selected note", () => {
  it("walks the notes without running off either end", () => {
    expect(noteKey("ArrowDown", 0, 3, 2)).toEqual({ kind: "select", index: 1 });
    expect(noteKey("ArrowDown", 2, 3, 2)).toEqual({ kind: "select", index: 2 });
    expect(noteKey("ArrowUp", 0, 3, 2)).toEqual({ kind: "select", index: 0 });
    expect(noteKey("End", 0, 3, 2)).toEqual({ kind: "select", index: 2 });
  });

  it("moves the note to a numbered group, or back to unsorted with 0", () => {
    expect(noteKey("2", 0, 3, 2)).toEqual({ kind: "move", group: 1 });
    expect(noteKey("3", 0, 3, 2)).toBeNull();
    expect(noteKey("0", 0, 3, 2)).toEqual({ kind: "move", group: null });
  });

  it("deletes, returns to capture, and ignores other keys", () => {
    expect(noteKey("Delete", 1, 3, 0)).toEqual({ kind: "delete" });
    expect(noteKey("Escape", 1, 3, 0)).toEqual({ kind: "capture" });
    expect(noteKey("a", 1, 3, 0)).toBeNull();
    expect(noteKey("ArrowDown", 0, 0, 0)).toBeNull();
  });
});

describe("keys in the presentation", () => {
  it("moves between slides with arrows and page keys, and stops at the ends", () => {
    expect(slideKey("ArrowRight", 0, 8)).toBe(1);
    expect(slideKey("PageDown", 6, 8)).toBe(7);
    expect(slideKey("PageDown", 7, 8)).toBe(7);
    expect(slideKey("PageUp", 3, 8)).toBe(2);
    expect(slideKey("ArrowLeft", 0, 8)).toBe(0);
    expect(slideKey("End", 0, 8)).toBe(7);
  });

  it("leaves with Escape and ignores letters", () => {
    expect(slideKey("Escape", 3, 8)).toBe("exit");
    expect(slideKey("x", 3, 8)).toBeNull();
  });
});

describe("the exercise timer", () => {
  it("counts down only while running and keeps what is left when paused", () => {
    let t = newTimer(5);
    expect(remaining(t, 1_000)).toBe(300_000);
    t = start(t, 1_000);
    expect(remaining(t, 61_000)).toBe(240_000);
    t = pause(t, 61_000);
    expect(remaining(t, 999_000)).toBe(240_000);
    t = start(t, 100_000);
    expect(remaining(t, 110_000)).toBe(230_000);
  });

  it("stops at zero, and reset goes back to the full length", () => {
    let t = start(newTimer(1), 0);
    expect(remaining(t, 120_000)).toBe(0);
    expect(isRunning(t, 120_000)).toBe(false);
    t = reset(t);
    expect(remaining(t, 500_000)).toBe(60_000);
    expect(t.startedAt).toBeNull();
  });

  it("shows minutes and seconds, rounding a part-second up", () => {
    expect(clock(300_000)).toBe("05:00");
    expect(clock(59_001)).toBe("01:00");
    expect(clock(200)).toBe("00:01");
    expect(clock(0)).toBe("00:00");
    expect(clock(-5)).toBe("00:00");
  });
});

