// Every autosave of a workbook lives in one place: leaving or closing waits for all of them,
// whichever step's editor made them, and a refused edit keeps the window open with its text.

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import type { OpenedWorkbook, Profile } from "../backend";
import { AppState } from "./app.svelte";
import { Capture } from "./stakeholders.svelte";
import { Saves } from "./saves.svelte";

function opened(): OpenedWorkbook {
  const profile: Profile = {
    name: "Makers Hub",
    organisation: "",
    communityName: "",
    strategist: "",
    purpose: "",
    createdAt: "2025-01-01T00:00:00Z",
    updatedAt: "2025-01-01T00:00:00Z",
  };
  return {
    summary: { path: "/w.groundwork", fileName: "w.groundwork", name: profile.name, organisation: "", updatedAt: profile.updatedAt, readOnly: false },
    profile,
    stepCounts: [],
  };
}

/** Every command the back end received, with its arguments, in order. */
let received: { cmd: string; args: Record<string, unknown> }[] = [];

beforeEach(() => {
  received = [];
  vi.useFakeTimers();
  mockWindows("main");
  mockIPC((cmd, args) => {
    received.push({ cmd, args: args as Record<string, unknown> });
    if (cmd === "save_scenario") {
      const edit = (args as { edit: { title: string } }).edit;
      if (edit.title.trim() === "") throw { code: "invalid", message: "A scenario needs a title.", field: "title" };
      return { id: "s1", view: { levels: [], scenarios: [], contacts: [], escalations: [], guidelines: {}, edits: {} } };
    }
    if (cmd === "update_profile") return { ...opened().profile, ...(args as { edit: object }).edit };
    if (cmd === "save_initiative" || cmd === "save_phase") return { id: "x", view: { roadmap: { initiatives: [], phases: [] }, flags: [] } };
    return null;
  });
});

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

const scenarioEdit = (title: string) => ({
  title,
  description: "",
  likelihood: 3,
  impact: 3,
  severityId: null,
  owner: "",
  signals: "",
  channels: "",
  findingIds: [],
});

const sent = (cmd: string) => received.filter((r) => r.cmd === cmd);

describe("one home for every autosave", () => {
  it("hands a form its own autosave again, with what it has not yet stored", () => {
    const saves = new Saves();
    const first = saves.for<string, null>("notes:1", () => ({ save: async () => null }));
    first.schedule("Typed, not yet sent");
    const again = saves.for<string, null>("notes:1", () => ({ save: async () => null }));
    expect(again).toBe(first);
    expect(again.unsaved).toBe("Typed, not yet sent");
  });

  it("saves every step's waiting edits before the window closes, whichever screen made them", async () => {
    const app = new AppState();
    app.show(opened());
    const session = app.session!;
    session.crisis.scenarioSave("s1").schedule(scenarioEdit("Forum outage – Zoë"));
    session.roadmap.initiativeSave("i1").schedule({ title: "Launch the help forum" } as never);
    session.roadmap.phaseSave("p1").schedule({ name: "Foundations", start: "", end: "", objective: "" });
    new Capture(
      { id: "iv1", stakeholderId: "st1", answers: [{ id: "a1", question: "Why?", theme: "", answer: "" }], notes: "", quotes: [] } as never,
      { saves: session.saves },
    ).type("Because members asked");
    session.editProfile("purpose", "Help riders help each other");
    // Nothing has been sent yet: every edit waits for its pause.
    expect(received).toEqual([]);

    expect(await app.readyToClose()).toBe(true);

    expect(sent("save_scenario").at(-1)?.args).toMatchObject({ id: "s1" });
    expect(sent("save_scenario").at(-1)?.args.edit).toMatchObject({ title: "Forum outage – Zoë" });
    expect(sent("save_initiative").at(-1)?.args.edit).toMatchObject({ title: "Launch the help forum" });
    expect(sent("save_phase").at(-1)?.args.edit).toMatchObject({ name: "Foundations" });
    expect(sent("save_answer").at(-1)?.args).toMatchObject({ id: "a1", text: "Because members asked" });
    expect(sent("update_profile").at(-1)?.args.edit).toMatchObject({ purpose: "Help riders help each other" });
    expect(app.closeRefused).toBeNull();
    expect(session.saves.dirty).toBe(false);
  });

  it("keeps the window open, and what was typed, when an edit is refused", async () => {
    const app = new AppState();
    app.show(opened());
    const save = app.session!.crisis.scenarioSave("s1");
    save.schedule(scenarioEdit(""));

    expect(await app.readyToClose()).toBe(false);
    expect(app.closeRefused?.message).toBe("A scenario needs a title.");
    // The refused text is still what an editor shown again starts from.
    expect(save.unsaved).toMatchObject({ title: "" });
    expect(received.some((r) => r.cmd === "plugin:window|destroy")).toBe(false);

    // Corrected: the next close goes ahead and the refusal is forgotten.
    save.schedule(scenarioEdit("Forum outage"));
    expect(await app.readyToClose()).toBe(true);
    expect(save.unsaved).toBeNull();
    expect(app.closeRefused).toBeNull();
  });

  it("closes the window on Ctrl+W only after the last keystrokes are stored", async () => {
    const app = new AppState();
    app.show(opened());
    app.session!.crisis.guidelinesSave().schedule({ tone: "Calm", dos: "", donts: "", engage: "", disengage: "", review: "" });
    await app.closeWindow();
    const order = received.map((r) => r.cmd);
    expect(order).toContain("update_guidelines");
    expect(order.indexOf("update_guidelines")).toBeLessThan(order.indexOf("plugin:window|destroy"));
  });

  it("waits for edits typed while it was saving", async () => {
    const saves = new Saves();
    const stored: string[] = [];
    const save = saves.for<string, null>("notes:1", () => ({
      save: async (text) => {
        stored.push(text);
        if (text === "first") save.schedule("typed during the save");
        return null;
      },
    }));
    save.schedule("first");
    await saves.flush();
    expect(stored).toEqual(["first", "typed during the save"]);
    expect(saves.dirty).toBe(false);
  });
});
