import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { Issue, OpenedWorkbook, Review } from "../../backend";
import { WorkbookSession } from "../../state/workbook.svelte";
import ReadinessView from "./ReadinessView.svelte";

function opened(): OpenedWorkbook {
  const profile = { name: "Makers Hub", organisation: "", communityName: "", strategist: "", purpose: "", createdAt: "2025-01-01T00:00:00Z", updatedAt: "2025-01-01T00:00:00Z" };
  return {
    summary: { path: "/w.groundwork", fileName: "w.groundwork", name: profile.name, organisation: "", updatedAt: profile.updatedAt, readOnly: false },
    profile,
    stepCounts: [],
  };
}

const kpiIssue: Issue = {
  rule: "goals.goal-without-kpi",
  severity: "blocker",
  step: "goals",
  message: "The goal “<b>Answer</b> fast” has no KPI.",
  label: "<b>Answer</b> fast",
  record: { step: "goals", kind: "goal", id: "g1" },
  key: "goals.goal-without-kpi/g1",
};
const findingIssue: Issue = {
  rule: "audit.finding-unused",
  severity: "tip",
  step: "audit",
  message: "The finding “Old logo” is cited by no goal.",
  label: "Old logo",
  record: { step: "audit", kind: "finding", id: "f1" },
  key: "audit.finding-unused/f1",
};

function review(issues: Issue[], dismissed: Review["dismissed"] = []): Review {
  const steps = (["audit", "stakeholders", "goals", "crisis", "roadmap"] as const).map((step) => ({
    step,
    title: step,
    score: issues.some((i) => i.step === step) ? 50 : 100,
    checks: 2,
    blockers: issues.filter((i) => i.step === step && i.severity === "blocker").length,
    warnings: 0,
    tips: issues.filter((i) => i.step === step && i.severity === "tip").length,
  }));
  return { issues, dismissed, steps, overall: 80, blockers: issues.filter((i) => i.severity === "blocker").length, scoring: "How it is scored." };
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("readiness screen", () => {
  it("groups issues by step, opens the record an issue names, and keeps a refused reason", async () => {
    const sent: { key: string; reason: string }[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "readiness_review") return review([findingIssue, kpiIssue]);
      if (cmd === "dismiss_issue") {
        const a = args as { key: string; reason: string };
        sent.push(a);
        if (!a.reason.trim()) throw { code: "invalid", message: "Say why this issue is accepted.", field: "reason" };
        return review([findingIssue], [{ issue: kpiIssue, reason: a.reason, dismissedAt: "2026-01-01T00:00:00Z" }]);
      }
      return null;
    });
    const session = new WorkbookSession(opened());
    session.section = "readiness";
    const { container } = render(ReadinessView, { props: { session } });

    const goals = await screen.findByTestId("issues-goals");
    expect(goals.textContent).toContain("The goal “<b>Answer</b> fast” has no KPI.");
    expect(container.querySelector("b")).toBeNull();
    expect(screen.getByTestId("issues-audit").textContent).toContain("Old logo");
    expect(screen.getByTestId("readiness-overall").textContent).toContain("1 blocker");

    const dismiss = goals.querySelector<HTMLButtonElement>("[data-testid=issue-dismiss]");
    await fireEvent.click(dismiss!);
    await fireEvent.click(screen.getByTestId("dismiss-save"));
    expect(await screen.findByTestId("error-reason")).toBeTruthy();
    expect(screen.getByTestId("dismiss-form")).toBeTruthy();

    await fireEvent.input(screen.getByTestId("dismiss-reason"), { target: { value: "Agreed with the sponsor" } });
    await fireEvent.click(screen.getByTestId("dismiss-save"));
    await waitFor(() => expect(screen.getByTestId("dismissed").textContent).toContain("Reason: Agreed with the sponsor"));
    expect(sent.at(-1)).toEqual({ key: "goals.goal-without-kpi/g1", reason: "Agreed with the sponsor" });
    expect(screen.queryByTestId("issues-goals")).toBeNull();

    const open = screen.getByTestId("issues-audit").querySelector<HTMLButtonElement>("[data-testid=issue-open]");
    await fireEvent.click(open!);
    expect(session.section).toBe("audit");
    expect(session.audit.tab).toBe("findings");
    expect(session.focus).toEqual({ step: "audit", kind: "finding", id: "f1" });
  });
});
