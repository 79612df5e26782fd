// Fixing a typo once a record is made: a guide's question, an interview's details and a key
// quote are edited in place, saved as typed through the workbook's saves, and a refusal stays
// beside its field with what was typed.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { Guide, Interview, InterviewEdit, QuestionEdit, StakeholderStep } from "../../backend";
import { StakeholdersState } from "../../state/stakeholders.svelte";
import { Saves } from "../../state/saves.svelte";
import GuidesTab from "./GuidesTab.svelte";
import InterviewsTab from "./InterviewsTab.svelte";
import { displayDate } from "../../format/dates";

const AT = "2026-01-01T00:00:00Z";
const HOSTILE = "Who <img src=x onerror=alert(1)> helps 🙂 « vite » ?";

let guide: Guide;
let interview: Interview;
let calls: { cmd: string; args: Record<string, unknown> }[];

function step(): StakeholderStep {
  const records: StakeholderStep["records"] = {
    stakeholders: [
      { id: "s1", name: "Inès", role: "", department: "support", influence: 4, interest: 5, attitude: "champion", wants: "", contact: "", interviewStatus: "interviewed", createdAt: AT, updatedAt: AT },
      { id: "s2", name: "Marta", role: "", department: "members", influence: 2, interest: 5, attitude: "neutral", wants: "", contact: "", interviewStatus: "toInvite", createdAt: AT, updatedAt: AT },
    ],
    guides: [structuredClone(guide)],
    interviews: [structuredClone(interview)],
    themes: [],
  };
  // The forms as the back end fills them from the records.
  const edits: StakeholderStep["edits"] = {
    stakeholders: {},
    guides: Object.fromEntries(records.guides.map((g) => [g.id, { name: g.name, description: g.description }])),
    questions: Object.fromEntries(records.guides.flatMap((g) => g.questions).map((q) => [q.id, { topic: q.topic, text: q.text }])),
    interviews: Object.fromEntries(
      records.interviews.map((i) => [i.id, { stakeholderId: i.stakeholderId, date: i.date, interviewer: i.interviewer, mode: i.mode, guideId: i.guideId }]),
    ),
    themes: {},
  };
  return { records, grid: [], insights: [], starterGuides: [], edits };
}

const refuse = (message: string, field: string) => ({ code: "invalid", message, field });

beforeEach(() => {
  calls = [];
  guide = {
    id: "g1",
    name: "Support",
    description: "",
    questions: [
      { id: "gq1", topic: "Pain points", text: "Wich questions come back?" },
      { id: "gq2", topic: "Pain points", text: "Who answers them?" },
    ],
    createdAt: AT,
    updatedAt: AT,
  };
  interview = {
    id: "i1",
    stakeholderId: "s1",
    date: "2026-02-01",
    interviewer: "Sam",
    mode: "video",
    guideId: "g1",
    guideName: "Support",
    notes: "",
    noteThemeIds: [],
    answers: [{ id: "a1", topic: "Pain points", question: "Wich questions come back?", answer: "Passwords", themeIds: [] }],
    quotes: [
      { id: "q1", interviewId: "i1", text: "Members answer fastr than we do.", themeIds: [] },
      { id: "q2", interviewId: "i1", text: "We need a FAQ.", themeIds: [] },
    ],
    createdAt: AT,
    updatedAt: AT,
  };
  mockIPC((cmd, raw) => {
    const args = raw as Record<string, unknown>;
    calls.push({ cmd, args });
    switch (cmd) {
      case "stakeholder_step":
        return step();
      case "save_guide_question": {
        const edit = args.edit as QuestionEdit;
        if (edit.text.trim() === "") throw refuse("The question is empty. Type it, or delete the question.", "text");
        const q = guide.questions.find((x) => x.id === args.id)!;
        Object.assign(q, edit);
        return { id: args.id, view: step() };
      }
      case "save_interview": {
        const edit = args.edit as InterviewEdit;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(edit.date)) throw refuse(`“${edit.date}” is not a date. Pick a day, for example 2026-03-05.`, "date");
        Object.assign(interview, { stakeholderId: edit.stakeholderId, date: edit.date, interviewer: edit.interviewer, mode: edit.mode });
        return { id: args.id, view: step() };
      }
      case "save_quote": {
        const text = args.text as string;
        if (text.trim() === "") throw refuse("The quote is empty. Type what was said, then press Enter.", "quote");
        const q = interview.quotes.find((x) => x.id === args.id)!;
        q.text = text;
        return { id: args.id, view: step() };
      }
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

async function loaded(saves = new Saves()): Promise<StakeholdersState> {
  const model = new StakeholdersState(() => {}, saves);
  await model.load();
  return model;
}

const sent = (cmd: string) => calls.filter((c) => c.cmd === cmd);
const field = (testid: string) => screen.getByTestId(testid) as HTMLInputElement;

describe("a guide question", () => {
  it("is corrected in place and saved as typed, markup kept as text", async () => {
    vi.useFakeTimers();
    const model = await loaded();
    render(GuidesTab, { props: { model, readOnly: false } });
    expect(screen.queryByTestId("question-text-1")).toBeNull();

    await fireEvent.click(screen.getByTestId("question-edit-1"));
    expect(field("question-text-1").value).toBe("Wich questions come back?");
    expect(field("question-topic-1").value).toBe("Pain points");
    await fireEvent.input(field("question-text-1"), { target: { value: HOSTILE } });
    await fireEvent.input(field("question-topic-1"), { target: { value: "Support load" } });
    expect(sent("save_guide_question")).toHaveLength(0);

    // Saved after a pause in typing, without leaving the field: closing now loses nothing.
    await vi.advanceTimersByTimeAsync(500);
    expect(sent("save_guide_question")).toEqual([
      { cmd: "save_guide_question", args: { guideId: "g1", id: "gq1", edit: { topic: "Support load", text: HOSTILE } } },
    ]);
    expect(model.saves.dirty).toBe(false);

    await fireEvent.keyDown(field("question-text-1"), { key: "Enter" });
    await vi.waitFor(() => expect(screen.queryByTestId("question-text-1")).toBeNull());
    await vi.waitFor(() => expect(screen.getByTestId("guide-questions").textContent).toContain(HOSTILE));
    expect(document.querySelector("img")).toBeNull();
    // The second question was never touched.
    expect(sent("save_guide_question").every((c) => c.args.id === "gq1")).toBe(true);
  });

  it("shows a refusal beside the question, keeps what was typed, and keeps it across a reload", async () => {
    const saves = new Saves();
    const model = await loaded(saves);
    render(GuidesTab, { props: { model, readOnly: false } });
    await fireEvent.click(screen.getByTestId("question-edit-2"));
    await fireEvent.input(field("question-text-2"), { target: { value: "   " } });
    await fireEvent.keyDown(field("question-text-2"), { key: "Enter" });
    await vi.waitFor(() =>
      expect(screen.getByTestId("error-question-2").textContent).toBe("The question is empty. Type it, or delete the question."),
    );
    expect(field("question-text-2").value).toBe("   ");
    expect(field("question-text-2").getAttribute("aria-invalid")).toBe("true");
    expect(saves.error?.field).toBe("text");

    // The tab shown again after a reload of the step opens the question with what was typed.
    cleanup();
    await model.load();
    render(GuidesTab, { props: { model, readOnly: false } });
    expect(field("question-text-2").value).toBe("   ");
    expect(screen.getByTestId("error-question-2")).toBeTruthy();

    await fireEvent.input(field("question-text-2"), { target: { value: "Who answers them first?" } });
    await fireEvent.keyDown(field("question-text-2"), { key: "Enter" });
    await vi.waitFor(() => expect(screen.queryByTestId("question-text-2")).toBeNull());
    expect(saves.error).toBeNull();
    await vi.waitFor(() => expect(screen.getByTestId("guide-questions").textContent).toContain("Who answers them first?"));
  });

  it("is read only in a read-only workbook", async () => {
    render(GuidesTab, { props: { model: await loaded(), readOnly: true } });
    expect(screen.queryByTestId("question-edit-1")).toBeNull();
    await fireEvent.dblClick(screen.getByText("Wich questions come back?"));
    expect(screen.queryByTestId("question-text-1")).toBeNull();
  });
});

async function review(saves = new Saves()): Promise<StakeholdersState> {
  const model = await loaded(saves);
  model.reviewing = "i1";
  render(InterviewsTab, { props: { model, readOnly: false } });
  return model;
}

describe("an interview's details", () => {
  it("are corrected from the review and saved as typed; the guide is shown as fixed", async () => {
    vi.useFakeTimers();
    const model = await review();
    await fireEvent.click(screen.getByTestId("interview-edit"));
    expect(field("interview-date").value).toBe("2026-02-01");
    expect(screen.getByTestId("interview-guide").textContent).toContain("Guide: Support.");
    expect(screen.getByTestId("interview-guide").textContent).toContain("cannot be changed once an interview has started");
    expect(screen.queryByRole("combobox", { name: /guide/i })).toBeNull();

    await fireEvent.input(field("interview-date"), { target: { value: "2026-02-03" } });
    await fireEvent.input(field("interview-interviewer"), { target: { value: HOSTILE } });
    await vi.advanceTimersByTimeAsync(500);
    expect(sent("save_interview")).toEqual([
      {
        cmd: "save_interview",
        args: { id: "i1", edit: { stakeholderId: "s1", date: "2026-02-03", interviewer: HOSTILE, mode: "video", guideId: "g1" } },
      },
    ]);
    expect(model.saves.dirty).toBe(false);

    // A choice saves at once.
    await fireEvent.change(screen.getByTestId("interview-mode"), { target: { value: "phone" } });
    await fireEvent.change(screen.getByTestId("interview-stakeholder"), { target: { value: "s2" } });
    await vi.waitFor(() => expect(sent("save_interview").at(-1)?.args.edit).toMatchObject({ stakeholderId: "s2", mode: "phone", interviewer: HOSTILE }));

    await fireEvent.click(screen.getByTestId("interview-edit-done"));
    await vi.waitFor(() => expect(screen.queryByTestId("interview-details")).toBeNull());
    await vi.waitFor(() => expect(screen.getByTestId("interview-meta").textContent).toContain(`${displayDate("2026-02-03")} · Phone · by ${HOSTILE}`));
    expect(screen.getByTestId("interview-review").textContent).toContain("Marta");
    expect(document.querySelector("img")).toBeNull();
  });

  it("keep a refused date beside the field, the form open, and what was typed after a reload", async () => {
    const saves = new Saves();
    const model = await review(saves);
    await fireEvent.click(screen.getByTestId("interview-edit"));
    await fireEvent.input(field("interview-interviewer"), { target: { value: "Sam Okafor" } });
    await fireEvent.input(field("interview-date"), { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("interview-edit-done"));
    await vi.waitFor(() => expect(screen.getByTestId("error-interview-date").textContent).toBe("“” is not a date. Pick a day, for example 2026-03-05."));
    expect(screen.getByTestId("interview-details")).toBeTruthy();
    expect(field("interview-interviewer").value).toBe("Sam Okafor");
    expect(interview.interviewer).toBe("Sam");

    cleanup();
    model.reviewing = null;
    model.reviewing = "i1";
    render(InterviewsTab, { props: { model, readOnly: false } });
    expect(field("interview-interviewer").value).toBe("Sam Okafor");
    expect(field("interview-date").value).toBe("");
    await fireEvent.input(field("interview-date"), { target: { value: "2026-02-02" } });
    await fireEvent.click(screen.getByTestId("interview-edit-done"));
    await vi.waitFor(() => expect(screen.queryByTestId("interview-details")).toBeNull());
    expect(interview).toMatchObject({ date: "2026-02-02", interviewer: "Sam Okafor" });
    expect(saves.error).toBeNull();
  });
});

describe("a key quote", () => {
  it("is corrected in place from the review, saved as typed, markup kept as text", async () => {
    vi.useFakeTimers();
    const model = await review();
    await fireEvent.click(screen.getByTestId("quote-edit-1"));
    expect(field("quote-text-1").value).toBe("Members answer fastr than we do.");
    await fireEvent.input(field("quote-text-1"), { target: { value: `Members answer faster.\n${HOSTILE}` } });
    await vi.advanceTimersByTimeAsync(500);
    expect(sent("save_quote")).toEqual([{ cmd: "save_quote", args: { interviewId: "i1", id: "q1", text: `Members answer faster.\n${HOSTILE}` } }]);
    expect(model.saves.dirty).toBe(false);

    await fireEvent.keyDown(field("quote-text-1"), { key: "Enter" });
    await vi.waitFor(() => expect(screen.queryByTestId("quote-text-1")).toBeNull());
    await vi.waitFor(() => expect(screen.getAllByTestId("review-quote")[0]?.textContent).toContain(HOSTILE));
    expect(screen.getAllByTestId("review-quote")[1]?.textContent).toContain("We need a FAQ.");
    expect(document.querySelector("img")).toBeNull();
  });

  it("keeps a refused quote open with what was typed and the reason beside it", async () => {
    const saves = new Saves();
    await review(saves);
    await fireEvent.dblClick(screen.getByText("We need a FAQ."));
    await fireEvent.input(field("quote-text-2"), { target: { value: "  " } });
    await fireEvent.blur(field("quote-text-2"));
    await vi.waitFor(() => expect(screen.getByTestId("error-quote-2").textContent).toBe("The quote is empty. Type what was said, then press Enter."));
    expect(field("quote-text-2").value).toBe("  ");
    expect(saves.error?.field).toBe("quote");
    expect(interview.quotes[1]?.text).toBe("We need a FAQ.");
  });
});
