import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TrashEntry } from "../backend";
import { TrashState, UNDO_VISIBLE_MS, daysLeft, type TrashBackend } from "./trash.svelte";

const entry = (id: string, label: string): TrashEntry => ({
  id,
  kind: "Channel",
  label,
  deletedAt: "2026-11-22T10:00:00.000Z",
  daysLeft: 29,
  rows: 3,
});

function fakeBackend(): TrashBackend & { restored: string[] } {
  const restored: string[] = [];
  let entries = [entry("a", "Channel “Discord”")];
  return {
    restored,
    lastDeleted: async () => entries[0] ?? null,
    trashEntries: async () => entries,
    restoreFromTrash: async (id) => {
      const found = entries.find((e) => e.id === id);
      if (!found) throw { code: "notFound", message: "This deleted record no longer exists.", field: null };
      restored.push(id);
      entries = entries.filter((e) => e.id !== id);
      return found;
    },
    emptyTrash: async () => {
      const n = entries.length;
      entries = [];
      return n;
    },
  };
}

describe("the Undo notice", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("offers the last deletion, then goes after a while unless held", async () => {
    const trash = new TrashState(fakeBackend());
    await trash.deleted();
    expect(trash.notice?.label).toBe("Channel “Discord”");
    trash.hold(true);
    vi.advanceTimersByTime(UNDO_VISIBLE_MS * 2);
    expect(trash.notice).not.toBeNull();
    trash.hold(false);
    vi.advanceTimersByTime(UNDO_VISIBLE_MS + 1);
    expect(trash.notice).toBeNull();
  });

  it("restores on Undo and asks the screens to reload", async () => {
    const api = fakeBackend();
    let reloaded = 0;
    const trash = new TrashState(api, () => (reloaded += 1));
    await trash.deleted();
    await trash.undo();
    expect(api.restored).toEqual(["a"]);
    expect(trash.revision).toBe(1);
    expect(reloaded).toBe(1);
    expect(trash.notice).toBeNull();
    expect(trash.message).toEqual({ text: "Channel “Discord” is back.", error: false });
  });

  it("says why a restore was refused", async () => {
    const trash = new TrashState(fakeBackend());
    expect(await trash.restore("gone")).toBe(false);
    expect(trash.message).toEqual({ text: "This deleted record no longer exists.", error: true });
    expect(trash.revision).toBe(0);
  });

  it("empties the Trash and says how much went", async () => {
    const trash = new TrashState(fakeBackend());
    await trash.load();
    expect(trash.entries).toHaveLength(1);
    await trash.empty();
    expect(trash.entries).toEqual([]);
    expect(trash.message?.text).toBe("1 deleted record was removed for good.");
  });
});

describe("days left", () => {
  it("reads as a person would say it", () => {
    expect(daysLeft(29)).toBe("29 days left");
    expect(daysLeft(1)).toBe("1 day left");
    expect(daysLeft(0)).toBe("last day");
  });
});
