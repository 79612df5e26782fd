// Correcting a sticky note on the capture board: Enter on a selected note (or a double-click)
// opens its text, saved as typed; the board's keys keep working on notes and never fire while
// typing in the note.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { BoardView, Idea } from "../../backend";
import { WorkshopState } from "../../state/workshop.svelte";
import { Saves } from "../../state/saves.svelte";
import CaptureBoard from "./CaptureBoard.svelte";

const HOSTILE = "Peer mentors <img src=x onerror=alert(1)> 🙂 1 2 3";

let ideas: Idea[];
let calls: { cmd: string; args: Record<string, unknown> }[];

function view(): BoardView {
  return {
    board: {
      dotBudget: 3,
      ideas: structuredClone(ideas),
      groups: [{ id: "grp1", name: "Onboarding", converted: null }],
      participants: [],
      votes: [],
      initiatives: [],
    },
    ranking: [],
    dotsLeft: [],
    initiativeRanking: [],
  };
}

beforeEach(() => {
  calls = [];
  ideas = [
    { id: "n1", text: "Welcom thread", groupId: null, value: null, effort: null },
    { id: "n2", text: "Office hours", groupId: null, value: null, effort: null },
  ];
  mockIPC((cmd, raw) => {
    const args = raw as Record<string, unknown>;
    calls.push({ cmd, args });
    switch (cmd) {
      case "workshop_board":
        return view();
      case "save_idea": {
        const text = args.text as string;
        if (text.trim() === "") throw { code: "invalid", message: "The note is empty. Type it, or delete the note.", field: "text" };
        ideas.find((i) => i.id === args.id)!.text = text;
        return { id: args.id, view: view() };
      }
      case "move_idea":
        ideas.find((i) => i.id === args.id)!.groupId = args.groupId as string | null;
        return view();
      case "delete_idea":
        ideas = ideas.filter((i) => i.id !== args.id);
        return view();
      default:
        return null;
    }
  });
});

afterEach(() => {
  cleanup();
  clearMocks();
  vi.useRealTimers();
});

async function board(saves = new Saves()): Promise<WorkshopState> {
  const ws = new WorkshopState(() => {}, saves);
  await ws.load();
  render(CaptureBoard, { props: { ws, disabled: false, objectives: [] } });
  return ws;
}

const sent = (cmd: string) => calls.filter((c) => c.cmd === cmd);
const editor = () => screen.getByTestId("idea-text") as HTMLInputElement;
const note = (text: string) => screen.getAllByTestId("note").find((n) => n.textContent === text)!;

describe("a sticky note", () => {
  it("opens with Enter when selected, saves as typed, and takes digits and markup as text", async () => {
    vi.useFakeTimers();
    const ws = await board();
    await fireEvent.click(note("Welcom thread"));
    expect(ws.selectedId).toBe("n1");
    await fireEvent.keyDown(note("Welcom thread"), { key: "Enter" });
    expect(editor().value).toBe("Welcom thread");
    expect(document.activeElement).toBe(editor());

    // Digits, Delete and arrows typed in the note are text, not board shortcuts.
    for (const key of ["1", "0", "Delete", "ArrowDown", "Backspace"]) await fireEvent.keyDown(editor(), { key });
    await fireEvent.input(editor(), { target: { value: HOSTILE } });
    await vi.advanceTimersByTimeAsync(500);
    expect(sent("move_idea")).toHaveLength(0);
    expect(sent("delete_idea")).toHaveLength(0);
    expect(sent("save_idea")).toEqual([{ cmd: "save_idea", args: { id: "n1", text: HOSTILE } }]);
    expect(ws.board?.ideas.find((i) => i.id === "n1")?.text).toBe(HOSTILE);

    await fireEvent.keyDown(editor(), { key: "Enter" });
    await vi.waitFor(() => expect(screen.queryByTestId("idea-text")).toBeNull());
    expect(note(HOSTILE)).toBeTruthy();
    expect(document.activeElement).toBe(note(HOSTILE));
    expect(document.querySelector("img")).toBeNull();

    // The board's keys work again on the selected note: 1 moves it into the first group.
    await fireEvent.keyDown(note(HOSTILE), { key: "1" });
    await vi.waitFor(() => expect(sent("move_idea")).toEqual([{ cmd: "move_idea", args: { id: "n1", groupId: "grp1" } }]));
  });

  it("Enter on a note not yet selected only selects it", async () => {
    const ws = await board();
    await fireEvent.keyDown(note("Office hours"), { key: "Enter" });
    expect(screen.queryByTestId("idea-text")).toBeNull();
    await fireEvent.dblClick(note("Office hours"));
    expect(ws.selectedId).toBe("n2");
    expect(editor().value).toBe("Office hours");
  });

  it("keeps a refused text open with the reason, and across the board shown again", async () => {
    const saves = new Saves();
    const ws = await board(saves);
    await fireEvent.dblClick(note("Office hours"));
    await fireEvent.input(editor(), { target: { value: "   " } });
    await fireEvent.keyDown(editor(), { key: "Enter" });
    await vi.waitFor(() => expect(screen.getByTestId("error-idea-text").textContent).toBe("The note is empty. Type it, or delete the note."));
    expect(editor().value).toBe("   ");
    expect(editor().getAttribute("aria-invalid")).toBe("true");
    expect(saves.error?.field).toBe("text");

    cleanup();
    render(CaptureBoard, { props: { ws, disabled: false, objectives: [] } });
    expect(editor().value).toBe("   ");
    await fireEvent.input(editor(), { target: { value: "Office hours, weekly" } });
    await fireEvent.blur(editor());
    await vi.waitFor(() => expect(screen.queryByTestId("idea-text")).toBeNull());
    expect(note("Office hours, weekly")).toBeTruthy();
    expect(saves.error).toBeNull();
  });

  it("deleted with a refused edit no longer holds the window open", async () => {
    const saves = new Saves();
    const ws = await board(saves);
    await fireEvent.dblClick(note("Office hours"));
    await fireEvent.input(editor(), { target: { value: "" } });
    await fireEvent.keyDown(editor(), { key: "Escape" });
    await vi.waitFor(() => expect(saves.error).not.toBeNull());
    expect(await ws.deleteIdea("n2")).toBe(true);
    expect(saves.error).toBeNull();
  });
});
