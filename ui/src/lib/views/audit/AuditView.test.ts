import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { AuditOverview, Channel, ChannelEdit, OpenedWorkbook } from "../../backend";
import { WorkbookSession } from "../../state/workbook.svelte";
import AuditView from "./AuditView.svelte";

const STAGES = ["Ad hoc", "Emerging", "Established", "Leading"];
const COMPETENCIES = [
  "strategy",
  "leadership",
  "culture",
  "communityManagement",
  "contentAndProgramming",
  "policiesAndGovernance",
  "tools",
  "metricsAndMeasurement",
] as const;

function channel(id: string, name: string, ownership: "owned" | "unofficial", members: number | null): Channel {
  return { id, kind: "forum", name, link: "", ownership, audience: "", runBy: "", notes: "", createdAt: "", updatedAt: "" };
}

/** A small audit, shaped like the back end's answer. */
function overview(channels: Channel[], members: Record<string, number | null> = {}): AuditOverview {
  return {
    audit: {
      channels,
      snapshots: [],
      maturity: [],
      situation: { resources: "", obstacles: "", opportunities: "", threats: "", targetAudience: "", toneAndVoice: "" },
      peers: [],
      findings: [],
    },
    activity: channels.map((c) => ({
      channelId: c.id,
      name: c.name,
      kind: c.kind,
      ownership: c.ownership,
      takenOn: members[c.id] == null ? null : "2026-03-01",
      members: members[c.id] ?? null,
      activeMembers: null,
      postsPerMonth: null,
      medianResponseHours: null,
      sentiment: null,
      snapshots: members[c.id] == null ? 0 : 1,
    })),
    maturity: COMPETENCIES.map((c) => ({ competency: c, label: c, stages: ["one", "two", "three", "four"], stage: null, evidence: "" })),
    maturityAverage: null,
    auditDates: [],
    comparison: null,
    records: channels.length,
    vocabulary: {
      channelKinds: [
        { value: "forum", label: "Forum" },
        { value: "discordServer", label: "Discord server" },
      ],
      ownership: [
        { value: "owned", label: "Owned" },
        { value: "unofficial", label: "Unofficial" },
      ],
      importance: [
        { value: "high", label: "High" },
        { value: "medium", label: "Medium" },
        { value: "low", label: "Low" },
      ],
      peerKinds: [
        { value: "likeMinded", label: "Like-minded" },
        { value: "competitor", label: "Competitor" },
      ],
      metrics: [],
      stages: STAGES,
    },
  };
}

function opened(): OpenedWorkbook {
  const profile = { name: "Makers", organisation: "", communityName: "", strategist: "", purpose: "", createdAt: "", updatedAt: "" };
  return {
    summary: { path: "/w.groundwork", fileName: "w.groundwork", name: "Makers", organisation: "", updatedAt: "", readOnly: false },
    profile,
    stepCounts: [{ step: "audit", title: "Community audit", records: 0 }],
  };
}

let state: AuditOverview;
const calls: { cmd: string; args: Record<string, unknown> }[] = [];

beforeEach(() => {
  calls.length = 0;
  state = overview([
    channel("c1", "Makers Forum", "owned", null),
    channel("c2", "Fans of Northwind", "unofficial", null),
  ], { c1: 1250, c2: 4800 });
  // Like the store: names are unique whatever their case; a cited channel asks first.
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    if (cmd === "audit_overview") return state;
    if (cmd === "save_channel") {
      const edit = args.edit as ChannelEdit;
      if (state.audit.channels.some((c) => c.name.toLowerCase() === edit.name.trim().toLowerCase())) {
        throw { code: "invalid", message: `There is already a channel called “${edit.name.trim()}”.`, field: "name" };
      }
      const id = `c${state.audit.channels.length + 1}`;
      state = overview([...state.audit.channels, channel(id, edit.name.trim(), edit.ownership, null)]);
      return { id, view: state };
    }
    if (cmd === "channel_usage") {
      return { snapshots: 1, citing: [{ id: "f1", title: "Slow replies", importance: "high" }], notice: "“Makers Forum” and its snapshot will be deleted. One finding cites it as evidence: “Slow replies”." };
    }
    if (cmd === "finding_usage") {
      return { scenarios: ["Forum outage"], notice: "The finding and its links will be deleted. One crisis scenario rests on it: “Forum outage”. The links will be removed; that scenario stays." };
    }
    if (cmd === "delete_finding") {
      state = { ...state, audit: { ...state.audit, findings: [] } };
      return state;
    }
    if (cmd === "delete_channel") {
      state = overview(state.audit.channels.filter((c) => c.id !== args.id));
      return state;
    }
    if (cmd === "save_maturity") {
      throw { code: "invalid", message: "“5” is not one of the four stages. Type 1, 2, 3 or 4.", field: "stage" };
    }
    return null;
  });
});

afterEach(() => {
  cleanup();
  clearMocks();
  vi.useRealTimers();
});

async function setup() {
  const session = new WorkbookSession(opened());
  render(AuditView, { props: { session } });
  await screen.findByTestId("channel-table");
  return session;
}

describe("audit channels", () => {
  it("refuses a duplicate name beside the field, keeps the text, and counts the records", async () => {
    const session = await setup();
    expect(session.records("audit")).toBe(2);
    await fireEvent.click(screen.getByTestId("channel-add-open"));
    const name = screen.getByTestId("channel-name") as HTMLInputElement;
    await fireEvent.input(name, { target: { value: "MAKERS forum" } });
    await fireEvent.submit(screen.getByTestId("channel-form"));
    expect((await screen.findByTestId("error-channel-name")).textContent).toContain("already a channel");
    expect(name.value).toBe("MAKERS forum");

    await fireEvent.click(screen.getByTestId("channel-ownership-unofficial"));
    await fireEvent.input(name, { target: { value: "Makers Discord" } });
    await fireEvent.submit(screen.getByTestId("channel-form"));
    await waitFor(() => expect(screen.getAllByTestId("channel-row")).toHaveLength(3));
    await waitFor(() => expect(name.value, "ready for the next channel").toBe(""));
    expect((screen.getByTestId("channel-ownership-unofficial") as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByTestId("error-channel-name")).toBeNull();
    expect(session.records("audit")).toBe(3);
  });

  it("sorts by a column and filters by text and ownership", async () => {
    await setup();
    const names = () => screen.getAllByTestId("channel-row").map((r) => r.querySelector("strong")?.textContent);
    expect(names()).toEqual(["Fans of Northwind", "Makers Forum"]);
    await fireEvent.click(screen.getByTestId("sort-members"));
    expect(names(), "largest first").toEqual(["Fans of Northwind", "Makers Forum"]);
    await fireEvent.click(screen.getByTestId("sort-members"));
    expect(names()).toEqual(["Makers Forum", "Fans of Northwind"]);

    await fireEvent.input(screen.getByTestId("channel-filter"), { target: { value: "fans" } });
    expect(names()).toEqual(["Fans of Northwind"]);
    expect(screen.getByTestId("channel-count").textContent).toContain("1 of 2 channels");
    await fireEvent.input(screen.getByTestId("channel-filter"), { target: { value: "" } });
    const ownership = screen.getByTestId("channel-filter-ownership") as HTMLSelectElement;
    ownership.value = "owned";
    await fireEvent.change(ownership);
    expect(names()).toEqual(["Makers Forum"]);
  });

  it("says which findings cite a channel and removes the links only once confirmed", async () => {
    await setup();
    const forum = screen.getAllByTestId("channel-row").find((r) => r.textContent?.includes("Makers Forum"));
    if (!forum) throw new Error("no forum row");
    await fireEvent.click(within(forum).getByTestId("channel-delete"));
    const dialog = await screen.findByTestId("confirm-dialog");
    expect(dialog.textContent).toContain("One finding cites it as evidence: “Slow replies”");
    expect(calls.some((c) => c.cmd === "delete_channel")).toBe(false);
    await fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(screen.getAllByTestId("channel-row")).toHaveLength(1));
    expect(calls.find((c) => c.cmd === "delete_channel")?.args).toEqual({ id: "c1", confirmed: true });
  });
});

describe("findings", () => {
  it("names the crisis scenarios that rest on a finding before deleting it", async () => {
    state.audit.findings = [{ id: "f1", title: "Slow replies", importance: "high", evidence: "", channelIds: [], snapshotIds: [], createdAt: "", updatedAt: "" }];
    await setup();
    await fireEvent.click(screen.getByRole("tab", { name: /Findings/ }));
    await fireEvent.click(await screen.findByRole("button", { name: "Delete Slow replies" }));
    const dialog = await screen.findByTestId("confirm-dialog");
    expect(dialog.textContent).toContain("One crisis scenario rests on it: “Forum outage”");
    expect(calls.some((c) => c.cmd === "delete_finding")).toBe(false);
    await fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "delete_finding")?.args).toEqual({ id: "f1" }));
  });
});

describe("maturity", () => {
  it("shows a stage outside 1–4 under the stage field and keeps what was typed", async () => {
    vi.useFakeTimers();
    const session = new WorkbookSession(opened());
    session.audit.tab = "maturity";
    render(AuditView, { props: { session } });
    await vi.advanceTimersByTimeAsync(0);
    const stage = (await screen.findByTestId("maturity-tools-stage")) as HTMLInputElement;
    await fireEvent.input(stage, { target: { value: "5" } });
    await vi.advanceTimersByTimeAsync(400);
    expect(screen.getByTestId("error-maturity-tools-stage").textContent).toContain("not one of the four stages");
    expect(stage.value).toBe("5");
    expect(session.unsavedError?.field).toBe("stage");
  });
});

describe("drafts", () => {
  it("keeps a refused stage when the audit is shown again", async () => {
    vi.useFakeTimers();
    const session = new WorkbookSession(opened());
    session.audit.tab = "maturity";
    const first = render(AuditView, { props: { session } });
    await vi.advanceTimersByTimeAsync(0);
    await fireEvent.input(await screen.findByTestId("maturity-tools-stage"), { target: { value: "5" } });
    await vi.advanceTimersByTimeAsync(400);
    first.unmount();
    // Back to the audit: the records are fetched again, the typed stage stays.
    render(AuditView, { props: { session } });
    await vi.advanceTimersByTimeAsync(0);
    expect(((await screen.findByTestId("maturity-tools-stage")) as HTMLInputElement).value).toBe("5");
  });
});

describe("entry forms once there are records", () => {
  const finding = { id: "f1", title: "Slow replies", importance: "high" as const, evidence: "Replies take a day.", channelIds: [], snapshotIds: [], createdAt: "", updatedAt: "" };

  it("shows the channel form open while there are no channels", async () => {
    state = overview([]);
    render(AuditView, { props: { session: new WorkbookSession(opened()) } });
    expect(await screen.findByTestId("channel-form")).toBeTruthy();
    expect(screen.queryByTestId("channel-add-open"), "nothing to fold it behind").toBeNull();
    expect(screen.queryByTestId("channel-close"), "no way to hide where to start").toBeNull();
  });

  it("lists the channels first and folds the form behind one button that opens it at its first field", async () => {
    await setup();
    expect(screen.queryByTestId("channel-form")).toBeNull();
    const open = screen.getByTestId("channel-add-open");
    expect(open.textContent).toContain("Add a channel");
    expect(open.compareDocumentPosition(screen.getByTestId("channel-table")) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await fireEvent.click(open);
    const name = await screen.findByTestId("channel-name");
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(screen.queryByTestId("channel-add-open")).toBeNull();
  });

  it("keeps what was typed when Esc or Close folds the form, and says a draft waits", async () => {
    await setup();
    await fireEvent.click(screen.getByTestId("channel-add-open"));
    await fireEvent.input(await screen.findByTestId("channel-name"), { target: { value: "Makers Discord" } });
    await fireEvent.input(screen.getByTestId("channel-notes"), { target: { value: "Started by fans" } });
    await fireEvent.keyDown(screen.getByTestId("channel-name"), { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("channel-form")).toBeNull());
    expect(screen.getByTestId("channel-add-open-draft").textContent).toContain("draft is kept");
    await waitFor(() => expect(document.activeElement, "focus back on the button").toBe(screen.getByTestId("channel-add-open")));

    await fireEvent.click(screen.getByTestId("channel-add-open"));
    expect(((await screen.findByTestId("channel-name")) as HTMLInputElement).value).toBe("Makers Discord");
    expect((screen.getByTestId("channel-notes") as HTMLTextAreaElement).value).toBe("Started by fans");
    await fireEvent.click(screen.getByTestId("channel-close"));
    await waitFor(() => expect(screen.queryByTestId("channel-form")).toBeNull());
    await fireEvent.click(screen.getByTestId("channel-add-open"));
    expect(((await screen.findByTestId("channel-name")) as HTMLInputElement).value).toBe("Makers Discord");
    expect(calls.some((c) => c.cmd === "save_channel"), "folding saves nothing").toBe(false);
  });

  it("stays open after a save, ready for the next channel", async () => {
    await setup();
    await fireEvent.click(screen.getByTestId("channel-add-open"));
    await fireEvent.input(await screen.findByTestId("channel-name"), { target: { value: "Makers Discord" } });
    await fireEvent.submit(screen.getByTestId("channel-form"));
    await waitFor(() => expect(screen.getAllByTestId("channel-row")).toHaveLength(3));
    await waitFor(() => expect((screen.getByTestId("channel-name") as HTMLInputElement).value, "ready for the next").toBe(""));
    expect(screen.queryByTestId("channel-add-open")).toBeNull();
  });

  it("opens the folded form on a channel to edit, and Esc gives back the draft it put aside", async () => {
    await setup();
    await fireEvent.click(screen.getByTestId("channel-add-open"));
    await fireEvent.input(await screen.findByTestId("channel-name"), { target: { value: "Half typed" } });
    await fireEvent.click(screen.getByTestId("channel-close"));
    await waitFor(() => expect(screen.queryByTestId("channel-form")).toBeNull());

    await fireEvent.click(screen.getByRole("button", { name: "Edit Makers Forum" }));
    const name = (await screen.findByTestId("channel-name")) as HTMLInputElement;
    expect(name.value).toBe("Makers Forum");
    expect(screen.getByTestId("channel-form").getAttribute("aria-label")).toBe("Edit channel");
    await fireEvent.keyDown(name, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("channel-form"), "folded again, as before the edit").toBeNull());
    await fireEvent.click(screen.getByTestId("channel-add-open"));
    expect(((await screen.findByTestId("channel-name")) as HTMLInputElement).value).toBe("Half typed");
  });

  it("folds the metrics, findings and peers forms the same way", async () => {
    state.audit.snapshots = [
      { id: "s1", channelId: "c1", takenOn: "2026-03-01", members: 1250, activeMembers: null, postsPerMonth: null, medianResponseHours: null, sentiment: null, custom: [], notes: "", createdAt: "" },
    ];
    state.audit.findings = [finding];
    state.audit.peers = [{ id: "p1", name: "Northwind Guild", kind: "competitor", communities: "Discord", notes: "" }];
    await setup();
    const cases = [
      { tab: /Metrics/, open: "snapshot-add-open", label: "Add metrics", form: "snapshot-form", field: "snapshot-notes", close: "snapshot-close", list: "snapshot-table", edit: "Edit this snapshot", edited: ["snapshot-members", "1250"] },
      { tab: /Findings/, open: "finding-add-open", label: "Add a finding", form: "finding-form", field: "finding-title", close: "finding-close", list: "finding-list", edit: "Edit Slow replies", edited: ["finding-title", "Slow replies"] },
      { tab: /Situation/, open: "peer-add-open", label: "Add an organisation", form: "peer-form", field: "peer-name", close: "peer-close", list: "peer-table", edit: "Edit Northwind Guild", edited: ["peer-name", "Northwind Guild"] },
    ];
    for (const c of cases) {
      await fireEvent.click(screen.getByRole("tab", { name: c.tab }));
      const open = await screen.findByTestId(c.open);
      expect(open.textContent).toContain(c.label);
      expect(screen.queryByTestId(c.form), `${c.form} folded`).toBeNull();
      expect(screen.getByTestId(c.list)).toBeTruthy();

      await fireEvent.click(open);
      await fireEvent.input(await screen.findByTestId(c.field), { target: { value: "Typed, not saved" } });
      await fireEvent.keyDown(screen.getByTestId(c.field), { key: "Escape" });
      await waitFor(() => expect(screen.queryByTestId(c.form), `${c.form} folds on Esc`).toBeNull());
      await fireEvent.click(screen.getByTestId(c.open));
      expect(((await screen.findByTestId(c.field)) as HTMLInputElement).value, `${c.field} kept`).toBe("Typed, not saved");
      await fireEvent.click(screen.getByTestId(c.close));
      await waitFor(() => expect(screen.queryByTestId(c.form), `${c.form} folds on Close`).toBeNull());

      await fireEvent.click(screen.getByRole("button", { name: c.edit }));
      const [field, value] = c.edited as [string, string];
      expect(((await screen.findByTestId(field)) as HTMLInputElement).value, `${c.form} opens on the record`).toBe(value);
      await fireEvent.click(screen.getByTestId(c.close));
      await waitFor(() => expect(screen.queryByTestId(c.form)).toBeNull());
    }
  });

  it("shows the findings form open while there are no findings", async () => {
    await setup();
    await fireEvent.click(screen.getByRole("tab", { name: /Findings/ }));
    expect(await screen.findByTestId("finding-form")).toBeTruthy();
    expect(screen.queryByTestId("finding-add-open")).toBeNull();
  });
});
