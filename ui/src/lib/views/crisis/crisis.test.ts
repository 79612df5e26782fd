import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { CrisisPlan, FilledStatement, FindingSummary, Scenario } from "../../backend";
import { CrisisState } from "../../state/crisis.svelte";
import ScenariosPanel from "./ScenariosPanel.svelte";
import StatementEditor from "./StatementEditor.svelte";
import LevelsPanel from "./LevelsPanel.svelte";
import TeamPanel from "./TeamPanel.svelte";

function scenario(over: Partial<Scenario> = {}): Scenario {
  return {
    id: "s1",
    title: "Forum outage",
    description: "",
    likelihood: 4,
    impact: 5,
    risk: { score: 20, band: "critical" },
    severityId: "l3",
    owner: "",
    signals: "",
    channels: "",
    findingIds: [],
    actions: [],
    statements: [],
    gaps: ["No owner: name who leads the response."],
    ...over,
  };
}

function plan(scenarios: Scenario[] = []): CrisisPlan {
  return {
    levels: [
      { id: "l1", name: "Watch", definition: "", responseMinutes: 1440, responseTime: "1 day" },
      { id: "l3", name: "Crisis", definition: "", responseMinutes: 60, responseTime: "1 h" },
    ],
    scenarios,
    contacts: [],
    escalations: [],
    guidelines: { tone: "", dos: "", donts: "", engage: "", disengage: "", review: "" },
    matrix: [0, 1, 2, 3, 4].map((l) => [0, 1, 2, 3, 4].map((i) => (scenarios.some((s) => s.likelihood === l + 1 && s.impact === i + 1) ? 1 : 0))),
    edits: {
      levels: {},
      scenarios: Object.fromEntries(
        scenarios.map((s) => [
          s.id,
          { title: s.title, description: s.description, likelihood: s.likelihood, impact: s.impact, severityId: s.severityId, owner: s.owner, signals: s.signals, channels: s.channels, findingIds: s.findingIds },
        ]),
      ),
      statements: {},
      contacts: {},
      escalations: {},
    },
  };
}

let calls: { cmd: string; args: Record<string, unknown> }[] = [];
let handler: (cmd: string, args: Record<string, unknown>) => unknown = () => null;

beforeEach(() => {
  calls = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
    return handler(cmd, (args ?? {}) as Record<string, unknown>);
  });
});
afterEach(() => {
  cleanup();
  clearMocks();
  handler = () => null;
});

describe("crisis scenarios", () => {
  it("adds a scenario with Enter, opens it and shows the back end's risk score and matrix count", async () => {
    let changes = 0;
    const crisis = new CrisisState(() => changes++);
    crisis.plan = plan();
    handler = (cmd) => (cmd === "save_scenario" ? { view: plan([scenario()]), id: "s1" } : null);
    render(ScenariosPanel, { props: { crisis } });
    expect(screen.getByTestId("scenarios-empty")).toBeTruthy();

    const input = screen.getByTestId("scenario-new") as HTMLInputElement;
    await fireEvent.input(input, { target: { value: "Forum outage" } });
    await fireEvent.keyDown(input, { key: "Enter" });

    await waitFor(() => expect(screen.getByTestId("scenario-editor")).toBeTruthy());
    expect(calls.find((c) => c.cmd === "save_scenario")?.args).toMatchObject({ id: null, edit: { title: "Forum outage", severityId: "l1" } });
    expect(screen.getByTestId("scenario-risk").textContent).toContain("20");
    expect(screen.getByTestId("matrix-4-5").textContent).toBe("1");
    expect(screen.getByTestId("scenario-gaps").textContent).toContain("No owner");
    await waitFor(() => expect(input.value).toBe(""));
    expect(changes).toBe(1);
  });

  it("keeps a refused title and says why beside the box", async () => {
    const crisis = new CrisisState();
    crisis.plan = plan();
    handler = (cmd) => {
      if (cmd === "save_scenario") throw { code: "invalid", message: "The scenario title is empty. Type one to save this change.", field: "title" };
      return null;
    };
    render(ScenariosPanel, { props: { crisis } });
    const input = screen.getByTestId("scenario-new") as HTMLInputElement;
    await fireEvent.input(input, { target: { value: "   " } });
    await fireEvent.click(screen.getByTestId("scenario-add"));
    await waitFor(() => expect(screen.getByTestId("scenario-new-error").textContent).toContain("scenario title is empty"));
    expect(input.value).toBe("   ");
  });
});

describe("holding statement preview", () => {
  it("shows the back end's fill with unfilled placeholders flagged and problems listed", async () => {
    const crisis = new CrisisState();
    const filled: FilledStatement = {
      parts: [
        { text: "Northwind", placeholder: "organisation", filled: true },
        { text: " knows about ", placeholder: null, filled: true },
        { text: "{{issue}}", placeholder: "issue", filled: false },
        { text: ". {{tme}}", placeholder: null, filled: true },
      ],
      text: "Northwind knows about {{issue}}. {{tme}}",
      slots: [
        { name: "organisation", label: "Organisation", value: "Northwind" },
        { name: "issue", label: "What happened, in a few words", value: "" },
      ],
      unfilled: ["issue"],
      problems: ["{{tme}} is not a placeholder Groundwork fills."],
      message: "{{tme}} is not a placeholder Groundwork fills.",
    };
    handler = (cmd) => (cmd === "fill_statement" ? filled : null);
    render(StatementEditor, {
      props: { crisis, scenarioId: "s1", index: 0, statement: { id: "h1", title: "First", body: "{{organisation}} knows about {{issue}}. {{tme}}", placeholders: [], problems: [] } },
    });
    await waitFor(() => expect(screen.getByTestId("statement-filled-1").textContent).toBe("Northwind knows about {{issue}}. {{tme}}"));
    const marks = screen.getAllByTestId("unfilled");
    expect(marks.map((m) => m.textContent)).toEqual(["{{issue}}"]);
    expect(screen.getByTestId("statement-problems-1").textContent).toContain("{{tme}} is not a placeholder");
    expect(screen.getByText("From the profile: Northwind")).toBeTruthy();

    await fireEvent.input(screen.getByTestId("slot-issue"), { target: { value: "the outage" } });
    await waitFor(() => {
      const last = calls.filter((c) => c.cmd === "fill_statement").pop();
      expect(last?.args.values).toEqual({ issue: "the outage" });
    });
  });
});

describe("severity levels", () => {
  it("shows a refused delete of a level in use at the top of the step, keeping the level", async () => {
    const crisis = new CrisisState();
    crisis.plan = plan([scenario()]);
    const sentence = "“Crisis” is still used by the scenario “Forum outage”. Give them another level first; nothing was deleted.";
    handler = (cmd) => {
      if (cmd === "delete_severity") throw { code: "invalid", message: sentence, field: null };
      return null;
    };
    render(LevelsPanel, { props: { crisis } });
    await fireEvent.click(screen.getByTestId("level-delete-2"));
    await fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(crisis.error?.message).toBe(sentence));
    expect(crisis.plan?.levels).toHaveLength(2);
    expect(screen.getByTestId("level-2")).toBeTruthy();
  });
});

describe("team and escalation", () => {
  it("adds an escalation line for a level and shows a refusal about a deleted contact at that level", async () => {
    const crisis = new CrisisState();
    crisis.plan = { ...plan(), contacts: [{ id: "c1", name: "Ana", role: "Lead", phone: "", email: "", backupId: null }] };
    handler = (cmd) => {
      if (cmd === "save_escalation") throw { code: "invalid", message: "That person is no longer on the crisis team (they were deleted). Choose someone else.", field: "contactId" };
      return null;
    };
    render(TeamPanel, { props: { crisis } });
    await fireEvent.change(screen.getByTestId("escalation-new-contact-2"), { target: { value: "c1" } });
    await fireEvent.input(screen.getByTestId("escalation-new-within-2"), { target: { value: "15 min" } });
    await fireEvent.click(screen.getByTestId("escalation-new-approves-2"));
    await fireEvent.click(screen.getByTestId("escalation-add-2"));
    await waitFor(() => expect(screen.getByTestId("escalation-error-2").textContent).toContain("no longer on the crisis team"));
    expect(calls.find((c) => c.cmd === "save_escalation")?.args).toEqual({ id: null, edit: { severityId: "l3", contactId: "c1", within: "15 min", approves: true } });
    expect((screen.getByTestId("escalation-new-within-2") as HTMLInputElement).value).toBe("15 min");
  });
});

describe("findings a scenario rests on", () => {
  const slow: FindingSummary = { id: "f1", title: "Questions wait a day", importance: "high" };
  const stretched: FindingSummary = { id: "f2", title: "Moderators are stretched", importance: "low" };
  const findings = [slow, stretched];

  it("loads the audit's findings with the plan, ticks one and saves it through the autosave", async () => {
    const crisis = new CrisisState();
    handler = (cmd, args) => {
      if (cmd === "crisis_plan") return plan([scenario()]);
      if (cmd === "findings") return findings;
      if (cmd === "save_scenario") return { id: "s1", view: plan([scenario({ findingIds: (args.edit as { findingIds: string[] }).findingIds })]) };
      return null;
    };
    await crisis.load();
    render(ScenariosPanel, { props: { crisis } });

    const boxes = await screen.findAllByTestId("scenario-finding");
    expect(boxes).toHaveLength(2);
    const picker = screen.getByTestId("scenario-findings");
    expect(picker.textContent).toContain("Questions wait a day");
    expect(picker.textContent).toContain("High");
    expect(screen.getByRole("group", { name: "Rests on findings" })).toBeTruthy();
    expect(screen.getByRole("checkbox", { name: /Moderators are stretched/ })).toBeTruthy();

    const [first, second] = boxes as [HTMLElement, HTMLElement];
    await fireEvent.click(second);
    await fireEvent.click(first);
    await waitFor(() => expect(calls.filter((c) => c.cmd === "save_scenario").length).toBeGreaterThan(0));
    const last = calls.filter((c) => c.cmd === "save_scenario").at(-1);
    expect(last?.args).toMatchObject({ id: "s1", edit: { title: "Forum outage", findingIds: ["f1", "f2"] } });
    await waitFor(() => expect(crisis.plan?.scenarios[0]?.findingIds).toEqual(["f1", "f2"]));
  });

  it("shows a refused link beside the picker and says where findings come from when there are none", async () => {
    const crisis = new CrisisState();
    crisis.plan = plan([scenario({ findingIds: [] })]);
    crisis.findings = [slow];
    crisis.selectedId = "s1";
    handler = (cmd) => {
      if (cmd === "save_scenario") throw { code: "invalid", message: "One of the linked audit findings no longer exists. Untick it and save again.", field: "findingIds" };
      return null;
    };
    render(ScenariosPanel, { props: { crisis } });
    await fireEvent.click(screen.getByTestId("scenario-finding"));
    await waitFor(() => expect(screen.getByTestId("error-findingIds").textContent).toContain("no longer exists"));
    cleanup();

    const empty = new CrisisState();
    empty.plan = plan([scenario()]);
    empty.selectedId = "s1";
    render(ScenariosPanel, { props: { crisis: empty } });
    expect(screen.getByTestId("scenario-findings-empty").textContent).toBe("No audit findings yet — add them in step 1, Community audit.");
    expect(screen.queryByTestId("scenario-finding")).toBeNull();
  });
});

describe("an escalation line without a person", () => {
  it("sends no person rather than an empty id, so the back end's sentence asks for one", async () => {
    const crisis = new CrisisState();
    crisis.plan = { ...plan(), contacts: [{ id: "c1", name: "Ana", role: "Lead", phone: "", email: "", backupId: null }] };
    handler = (cmd) => {
      if (cmd === "save_escalation") throw { code: "invalid", message: "Choose who is told. Add people to the crisis team first if the list is empty.", field: "contactId" };
      return null;
    };
    render(TeamPanel, { props: { crisis } });
    await fireEvent.input(screen.getByTestId("escalation-new-within-1"), { target: { value: "1 h" } });
    await fireEvent.click(screen.getByTestId("escalation-add-1"));
    await waitFor(() => expect(screen.getByTestId("escalation-error-1").textContent).toContain("Choose who is told"));
    expect(calls.find((c) => c.cmd === "save_escalation")?.args.edit).toMatchObject({ severityId: "l1", contactId: null });
  });
});
