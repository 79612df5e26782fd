import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { AppError, OpenedWorkbook, Profile, ProfileEdit } from "../backend";
import { WorkbookSession } from "./workbook.svelte";

function opened(): OpenedWorkbook {
  const profile: Profile = {
    name: "Makers Hub",
    organisation: "Northwind",
    communityName: "",
    strategist: "",
    purpose: "",
    createdAt: "2025-01-01T00:00:00Z",
    updatedAt: "2025-01-01T00:00:00Z",
  };
  return {
    summary: { path: "/w/makers.groundwork", fileName: "makers.groundwork", name: profile.name, organisation: profile.organisation, updatedAt: profile.updatedAt, readOnly: false },
    profile,
    stepCounts: [],
  };
}

/**
 * A fake update_profile: records every call, lets the test decide when each one answers,
 * and counts how many are in flight at once.
 */
function fakeBackend() {
  const calls: ProfileEdit[] = [];
  const answers: Array<{ resolve: (v: Profile) => void; reject: (e: AppError) => void; edit: ProfileEdit }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  mockIPC((cmd, args) => {
    if (cmd !== "update_profile") throw `unexpected ${cmd}`;
    const edit = (args as { edit: ProfileEdit }).edit;
    calls.push(edit);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise<Profile>((resolve, reject) => {
      answers.push({
        edit,
        resolve: (p) => {
          inFlight--;
          resolve(p);
        },
        reject: (e) => {
          inFlight--;
          reject(e);
        },
      });
    });
  });
  const profileFor = (edit: ProfileEdit): Profile => ({ ...edit, name: edit.name.trim(), createdAt: "2025-01-01T00:00:00Z", updatedAt: "2025-03-01T10:00:00Z" });
  return {
    calls,
    get maxInFlight() {
      return maxInFlight;
    },
    /** Answers the oldest unanswered call: accepted, or refused at `field`. */
    async answer(refusal?: { field: string | null; message: string }) {
      const next = answers.shift();
      if (!next) throw new Error("no call to answer");
      if (refusal) next.reject({ code: "invalid", ...refusal });
      else next.resolve(profileFor(next.edit));
      await vi.advanceTimersByTimeAsync(0);
    },
    /** Accepts every call as it comes from now on. */
    autoAccept() {
      clearMocks();
      mockIPC((_cmd, args) => {
        const edit = (args as { edit: ProfileEdit }).edit;
        calls.push(edit);
        return profileFor(edit);
      });
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  clearMocks();
});

describe("profile autosave", () => {
  it("waits for typing to pause, then saves once with the latest text", async () => {
    const backend = fakeBackend();
    const session = new WorkbookSession(opened());
    session.editProfile("purpose", "H");
    await vi.advanceTimersByTimeAsync(200);
    session.editProfile("purpose", "He");
    await vi.advanceTimersByTimeAsync(200);
    session.editProfile("purpose", "Help");
    await vi.advanceTimersByTimeAsync(399);
    expect(backend.calls).toHaveLength(0);
    expect(session.profileSave.status).toBe("pending");

    await vi.advanceTimersByTimeAsync(1);
    expect(backend.calls).toHaveLength(1);
    expect(backend.calls[0]?.purpose).toBe("Help");
    expect(session.profileSave.status).toBe("saving");

    await backend.answer();
    expect(session.profileSave.status).toBe("saved");
    expect(session.saved.purpose).toBe("Help");
  });

  it("never has two saves in flight and coalesces edits made meanwhile into one save of the latest", async () => {
    const backend = fakeBackend();
    const session = new WorkbookSession(opened());
    session.editProfile("name", "A");
    await vi.advanceTimersByTimeAsync(400);
    expect(backend.calls).toHaveLength(1);

    // While the first save is still running, three more pauses in typing go by.
    session.editProfile("name", "AB");
    await vi.advanceTimersByTimeAsync(400);
    session.editProfile("name", "ABC");
    await vi.advanceTimersByTimeAsync(400);
    session.editProfile("organisation", "Org");
    await vi.advanceTimersByTimeAsync(400);
    expect(backend.calls).toHaveLength(1);

    await backend.answer();
    expect(backend.calls).toHaveLength(2);
    expect(backend.calls[1]).toMatchObject({ name: "ABC", organisation: "Org" });
    await backend.answer();
    await vi.advanceTimersByTimeAsync(1000);

    expect(backend.calls).toHaveLength(2);
    expect(backend.maxInFlight).toBe(1);
    expect(session.profileSave.status).toBe("saved");
  });

  it("saves at once on blur (flush) without waiting for the debounce", async () => {
    const backend = fakeBackend();
    const session = new WorkbookSession(opened());
    session.editProfile("strategist", "Ana");
    const flushed = session.profileSave.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(backend.calls).toHaveLength(1);
    await backend.answer();
    await flushed;
    // The debounce timer was cancelled: nothing else goes out.
    await vi.advanceTimersByTimeAsync(1000);
    expect(backend.calls).toHaveLength(1);
  });

  it("keeps the typed text when a save is refused, shows the reason at the field, and clears it after a valid edit", async () => {
    const backend = fakeBackend();
    const session = new WorkbookSession(opened());
    session.editProfile("name", "   ");
    await vi.advanceTimersByTimeAsync(400);
    await backend.answer({ field: "name", message: "The workbook name is empty. Type one to save this change." });

    expect(session.draft.name).toBe("   ");
    expect(session.profileSave.status).toBe("error");
    expect(session.profileSave.fieldError("name")).toBe("The workbook name is empty. Type one to save this change.");
    expect(session.profileSave.fieldError("purpose")).toBeNull();
    // The confirmed name is still the old one: the title does not show refused text.
    expect(session.title).toBe("Makers Hub");

    // An edit elsewhere retries with the whole form; still refused, the error stays.
    session.editProfile("purpose", "Why we exist");
    await vi.advanceTimersByTimeAsync(400);
    expect(backend.calls.at(-1)).toMatchObject({ name: "   ", purpose: "Why we exist" });
    await backend.answer({ field: "name", message: "The workbook name is empty. Type one to save this change." });
    expect(session.profileSave.fieldError("name")).not.toBeNull();

    session.editProfile("name", "Makers Hub 2026 ");
    await vi.advanceTimersByTimeAsync(400);
    await backend.answer();
    expect(session.profileSave.error).toBeNull();
    expect(session.profileSave.fieldError("name")).toBeNull();
    expect(session.profileSave.status).toBe("saved");
    // What the user typed stays in the input (a trailing space mid-typing is not eaten)...
    expect(session.draft.name).toBe("Makers Hub 2026 ");
    // ...while the title and summary follow what the back end stored.
    expect(session.title).toBe("Makers Hub 2026");
    expect(session.summary.name).toBe("Makers Hub 2026");
  });

  it("reports a refusal without a field as the save status, not at an input", async () => {
    const backend = fakeBackend();
    const session = new WorkbookSession(opened());
    session.editProfile("purpose", "x");
    await vi.advanceTimersByTimeAsync(400);
    await backend.answer({ field: null, message: "This workbook is read-only, so the change was not saved." });
    expect(session.profileSave.status).toBe("error");
    expect(session.profileSave.error?.message).toContain("read-only");
    for (const f of ["name", "organisation", "communityName", "strategist", "purpose"]) {
      expect(session.profileSave.fieldError(f)).toBeNull();
    }
  });

  it("sends every field of the form with each save", async () => {
    const backend = fakeBackend();
    backend.autoAccept();
    const session = new WorkbookSession(opened());
    session.editProfile("communityName", "Hub");
    await session.profileSave.flush();
    expect(backend.calls[0]).toEqual({ name: "Makers Hub", organisation: "Northwind", communityName: "Hub", strategist: "", purpose: "" });
  });
});
