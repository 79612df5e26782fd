import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { Interview, SearchResults, StakeholderEdit, StakeholderStep } from "../../backend";
import { Capture, StakeholdersState } from "../../state/stakeholders.svelte";
import StakeholdersView from "../steps/StakeholdersView.svelte";
import SearchTab from "./SearchTab.svelte";

const AT = "2026-01-01T00:00:00Z";

function step(): StakeholderStep {
  return {
    records: {
      stakeholders: [
        { id: "s1", name: "Inès <img src=x onerror=alert(1)>", role: "Head of Support", department: "support", influence: 4, interest: 5, attitude: "champion", wants: "", contact: "", interviewStatus: "toInvite", createdAt: AT, updatedAt: AT },
      ],
      guides: [],
      interviews: [],
      themes: [{ id: "t1", name: "Peer support", side: "both", description: "" }],
    },
    grid: [{ stakeholderId: "s1", name: "Inès <img src=x onerror=alert(1)>", x: 0.9, y: 0.75, quadrant: "manageClosely" }],
    insights: [
      {
        theme: { id: "t1", name: "Peer support", side: "both", description: "" },
        voices: [{ stakeholderId: "s1", name: "Inès", memberSide: false }],
        quotes: [{ quoteId: "q1", interviewId: "i1", stakeholderId: "s1", stakeholderName: "Inès", text: "Members answer faster." }],
        mentions: 2,
        raisedByOrganisation: true,
        raisedByMembers: false,
        sweetSpot: true,
      },
    ],
    starterGuides: [],
    edits: {
      stakeholders: {
        s1: { name: "Inès <img src=x onerror=alert(1)>", role: "Head of Support", department: "support", influence: 4, interest: 5, attitude: "champion", wants: "", contact: "", interviewStatus: "toInvite" },
      },
      guides: {},
      questions: {},
      interviews: {},
      themes: { t1: { name: "Peer support", side: "both", description: "" } },
    },
  };
}

function interview(): Interview {
  return {
    id: "i1",
    stakeholderId: "s1",
    date: "2026-02-01",
    interviewer: "",
    mode: "video",
    guideId: "g1",
    guideName: "Support",
    notes: "",
    noteThemeIds: [],
    answers: [
      { id: "a1", topic: "Pain points", question: "Q1?", answer: "", themeIds: [] },
      { id: "a2", topic: "Pain points", question: "Q2?", answer: "", themeIds: [] },
    ],
    quotes: [],
    createdAt: AT,
    updatedAt: AT,
  };
}

let calls: { cmd: string; args: unknown }[] = [];

beforeEach(() => {
  calls = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    if (cmd === "stakeholder_step") return step();
    if (cmd === "save_stakeholder") {
      const edit = (args as { edit: StakeholderEdit }).edit;
      if (edit.influence < 1 || edit.influence > 5)
        throw { code: "invalid", message: `Influence is ${edit.influence}; use a score from 1 (low) to 5 (high).`, field: "influence" };
      const view = step();
      view.records.stakeholders.push({ ...edit, id: "s2", createdAt: AT, updatedAt: AT });
      return { id: "s2", view };
    }
    return null;
  });
});
afterEach(() => {
  cleanup();
  clearMocks();
  vi.useRealTimers();
});

describe("stakeholders step", () => {
  it("shows the grid and register with markup as plain text", async () => {
    render(StakeholdersView, { props: { records: 1 } });
    await vi.waitFor(() => expect(screen.getByTestId("stakeholder-list").textContent).toContain("Inès <img"));
    expect(document.querySelector("img")).toBeNull();
    expect(screen.getByTestId("power-grid").textContent).toContain("Inès <img src=x");
    expect(screen.getAllByTestId("grid-point")).toHaveLength(1);
  });

  it("puts a refused score beside the scores and keeps what was typed", async () => {
    const onchange = vi.fn();
    render(StakeholdersView, { props: { records: 1, onchange } });
    await vi.waitFor(() => screen.getByTestId("add-stakeholder"));
    await fireEvent.click(screen.getByTestId("add-stakeholder"));
    await fireEvent.input(screen.getByTestId("sh-name"), { target: { value: "Dana" } });
    await fireEvent.input(screen.getByTestId("sh-influence"), { target: { value: "7" } });
    await fireEvent.submit(screen.getByTestId("stakeholder-form"));
    await vi.waitFor(() => expect(calls.map((c) => c.cmd)).toContain("save_stakeholder"));
    expect(calls.find((c) => c.cmd === "save_stakeholder")?.args).toMatchObject({ id: null, edit: { name: "Dana", influence: 7 } });
    await vi.waitFor(() =>
      expect(screen.getByTestId("error-sh-score").textContent).toContain("Influence is 7; use a score from 1 (low) to 5 (high)."),
    );
    expect((screen.getByTestId("sh-name") as HTMLInputElement).value).toBe("Dana");
    expect(onchange).not.toHaveBeenCalled();

    await fireEvent.input(screen.getByTestId("sh-influence"), { target: { value: "5" } });
    await fireEvent.submit(screen.getByTestId("stakeholder-form"));
    await vi.waitFor(() => expect(screen.queryByTestId("stakeholder-form")).toBeNull());
    expect(onchange).toHaveBeenCalledOnce();
  });

  it("starts an interview with ids or null, never an empty id, and opens it from the answered step", async () => {
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      if (cmd === "stakeholder_step") return step();
      if (cmd === "save_interview") {
        const view = step();
        view.records.interviews.push({ ...interview(), id: "i9", guideId: null, guideName: "", answers: [] });
        return { id: "i9", view };
      }
      return null;
    });
    render(StakeholdersView, { props: { records: 1 } });
    await vi.waitFor(() => screen.getByTestId("tab-interviews"));
    await fireEvent.click(screen.getByTestId("tab-interviews"));
    await fireEvent.click(screen.getByTestId("new-interview"));
    const guide = screen.getByTestId("iv-guide") as HTMLSelectElement;
    guide.selectedIndex = 0;
    await fireEvent.change(guide);
    await fireEvent.submit(screen.getByTestId("interview-form"));
    await vi.waitFor(() => screen.getByTestId("capture-screen"));
    const sent = calls.find((c) => c.cmd === "save_interview")?.args as { id: string | null; edit: { stakeholderId: string | null; guideId: string | null } };
    expect(sent.id).toBeNull();
    expect(sent.edit.stakeholderId).toBe("s1");
    expect(sent.edit.guideId).toBeNull();
    expect(calls.filter((c) => c.cmd === "stakeholder_step")).toHaveLength(1);
  });

  it("lists sweet spots from the back end with their quotes", async () => {
    render(StakeholdersView, { props: { records: 1 } });
    await vi.waitFor(() => screen.getByTestId("tab-themes"));
    await fireEvent.click(screen.getByTestId("tab-themes"));
    expect(screen.getByTestId("sweet-spots").textContent).toContain("Members answer faster.");
  });
});

describe("capture", () => {
  it("autosaves after a pause, saves before moving and never loses the answer", async () => {
    vi.useFakeTimers();
    const saved: [string, string][] = [];
    const capture = new Capture(interview(), {
      saveAnswer: async (id, text) => {
        saved.push([id, text]);
        return null;
      },
      saveNotes: async () => null,
      delay: 500,
    });
    capture.type("Pass");
    capture.type("Password resets");
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(saved).toEqual([["a1", "Password resets"]]);

    capture.type("Password resets daily");
    await capture.next();
    expect(saved.at(-1)).toEqual(["a1", "Password resets daily"]);
    expect(capture.index).toBe(1);
    await capture.next();
    expect(capture.index).toBe(1);
    await capture.previous();
    expect(capture.current?.id).toBe("a1");
    expect(capture.answers.a1).toBe("Password resets daily");
  });

  it("opens on the first unanswered question", () => {
    const i = interview();
    i.answers[0]!.answer = "done";
    expect(new Capture(i).index).toBe(1);
  });
});

describe("search", () => {
  it("draws matched segments as text nodes, never markup", async () => {
    const results: SearchResults = {
      query: "img",
      total: 1,
      capped: false,
      message: null,
      hits: [
        {
          kind: "answer",
          id: "a1",
          interviewId: "i1",
          stakeholderId: "s1",
          stakeholderName: "Inès",
          date: "2026-02-01",
          question: "Q?",
          segments: [
            { text: "before <", matched: false },
            { text: "img", matched: true },
            { text: " src=x onerror=alert(1)>", matched: false },
          ],
        },
      ],
    };
    mockIPC((cmd) => (cmd === "search_interviews" ? results : null));
    const model = new StakeholdersState();
    render(SearchTab, { props: { model } });
    await fireEvent.input(screen.getByTestId("search-input"), { target: { value: "img" } });
    await vi.waitFor(() => expect(screen.getByTestId("search-hit").textContent).toContain("before <img src=x onerror=alert(1)>"));
    expect(document.querySelector("img")).toBeNull();
    expect(document.querySelector("mark")?.textContent).toBe("img");
  });

  it("keeps only the answer to the latest query", async () => {
    let resolveSlow: (r: SearchResults) => void = () => {};
    const empty = (q: string): SearchResults => ({ query: q, hits: [], total: 0, capped: false, message: null });
    mockIPC((cmd, args) => {
      if (cmd !== "search_interviews") return null;
      const q = (args as { query: string }).query;
      if (q === "sl") return new Promise<SearchResults>((r) => (resolveSlow = r));
      return empty(q);
    });
    const model = new StakeholdersState();
    const slow = model.runSearch("sl");
    await model.runSearch("slow");
    resolveSlow(empty("sl"));
    await slow;
    expect(model.search?.query).toBe("slow");
  });
});
