import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { WorkbookListing, WorkbookSummary } from "../backend";
import { AppState } from "../state/app.svelte";
import HomeView from "./HomeView.svelte";

const HOSTILE = "<img src=x onerror=alert(1)>";

function summary(name: string, organisation: string, extra: Partial<WorkbookSummary> = {}): WorkbookSummary {
  return {
    path: `/data/${name.length}-${organisation.length}.groundwork`,
    fileName: "w.groundwork",
    name,
    organisation,
    updatedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    readOnly: false,
    ...extra,
  };
}

function serve(listing: WorkbookListing, extra: (cmd: string, args: Record<string, unknown>) => unknown = () => null) {
  const calls: Array<{ cmd: string; args: Record<string, unknown> }> = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
    if (cmd === "list_workbooks") return listing;
    return extra(cmd, (args ?? {}) as Record<string, unknown>);
  });
  return calls;
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("home screen", () => {
  it("shows markup in names as plain text, never as elements", async () => {
    serve({
      workbooks: [summary(HOSTILE, `<script>alert("org")</script>`), summary("Ελληνικά 社区 🚀 & <b>bold</b>", "")],
      unreadable: [{ path: "/data/x.groundwork", fileName: "<svg onload=alert(2)>.groundwork", problem: "Not a workbook: <i>nope</i>." }],
    });
    const { container } = render(HomeView, { props: { app: new AppState() } });
    const names = await screen.findAllByTestId("workbook-name");

    expect(names.map((n) => n.textContent)).toEqual([HOSTILE, "Ελληνικά 社区 🚀 & <b>bold</b>"]);
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("script")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect(container.querySelector("i")).toBeNull();
    expect(container.querySelector("svg[onload]")).toBeNull();
    expect(screen.getByTestId("workbook-organisation").textContent).toBe(`<script>alert("org")</script>`);
    expect(screen.getByTestId("unreadable-item").textContent).toContain("<svg onload=alert(2)>.groundwork");
    expect(screen.getByTestId("unreadable-item").textContent).toContain("Not a workbook: <i>nope</i>.");
  });

  it("lists each workbook with its organisation, relative edit time and read-only badge", async () => {
    serve({ workbooks: [summary("Makers Hub", "Northwind", { readOnly: true })], unreadable: [] });
    render(HomeView, { props: { app: new AppState() } });
    const item = await screen.findByTestId("workbook-item");
    expect(item.textContent).toContain("Northwind");
    expect(screen.getByTestId("workbook-edited").textContent).toBe("edited 3 days ago");
    expect(screen.getByTestId("workbook-edited").getAttribute("title")).toMatch(/\d{4}/);
    expect(screen.getByTestId("read-only-badge")).toBeTruthy();
  });

  it("invites creating the first workbook when the folder is empty", async () => {
    serve({ workbooks: [], unreadable: [] });
    render(HomeView, { props: { app: new AppState() } });
    expect(await screen.findByTestId("home-empty")).toBeTruthy();
    expect(screen.queryByTestId("workbook-list")).toBeNull();
  });

  it("shows a refused name at the field and keeps what was typed", async () => {
    const calls = serve({ workbooks: [], unreadable: [] }, (cmd) => {
      if (cmd === "create_workbook") throw { code: "invalid", message: "The workbook name is empty. Type one to save this change.", field: "name" };
      return null;
    });
    const app = new AppState();
    render(HomeView, { props: { app } });
    await fireEvent.click(await screen.findByTestId("new-workbook"));
    const name = screen.getByTestId("new-workbook-name") as HTMLInputElement;
    await fireEvent.input(name, { target: { value: "   " } });
    await fireEvent.input(screen.getByTestId("new-workbook-organisation"), { target: { value: "Northwind" } });
    await fireEvent.click(screen.getByTestId("create-workbook"));

    const error = await screen.findByTestId("error-new-name");
    expect(error.textContent).toContain("The workbook name is empty.");
    expect(name.value).toBe("   ");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(calls.find((c) => c.cmd === "create_workbook")?.args).toEqual({ name: "   ", organisation: "Northwind" });
    expect(app.session).toBeNull();
  });

  it("asks before deleting, naming the workbook, and deletes only on confirmation", async () => {
    const wb = summary("Player council", "Lumen");
    const calls = serve({ workbooks: [wb], unreadable: [] });
    render(HomeView, { props: { app: new AppState() } });
    await fireEvent.click(await screen.findByTestId("delete-workbook"));
    const dialog = screen.getByTestId("confirm-dialog");
    expect(dialog.textContent).toContain("Player council");

    await fireEvent.click(screen.getByTestId("confirm-cancel"));
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
    expect(calls.some((c) => c.cmd === "delete_workbook")).toBe(false);

    await fireEvent.click(screen.getByTestId("delete-workbook"));
    await fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(screen.queryByTestId("workbook-item")).toBeNull());
    expect(calls.find((c) => c.cmd === "delete_workbook")?.args).toEqual({ path: wb.path });
  });

  it("warns that a workbook is open for editing elsewhere, and shows the refusal when deleted", async () => {
    const where = "in another Groundwork window (process 4242)";
    const wb = summary("Plan 2027", "Northwind", { openElsewhere: where });
    const refusal = `“w.groundwork” is open for editing ${where}; close it there first.`;
    serve({ workbooks: [wb], unreadable: [] }, (cmd) => {
      if (cmd === "delete_workbook") throw { code: "openElsewhere", message: refusal, field: null };
      return null;
    });
    render(HomeView, { props: { app: new AppState() } });
    expect((await screen.findByTestId("open-elsewhere-badge")).getAttribute("title")).toBe(`Open for editing ${where}`);
    await fireEvent.click(screen.getByTestId("delete-workbook"));
    expect(screen.getByTestId("confirm-dialog").textContent).toContain(`It is open for editing ${where}: close it there first`);
    await fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(screen.getByTestId("home-error").textContent).toContain(refusal));
    expect(screen.getAllByTestId("workbook-item")).toHaveLength(1);
  });

  it("shows a file that would not open in a dismissible banner", async () => {
    serve({ workbooks: [summary("Old", "")], unreadable: [] }, (cmd) => {
      if (cmd === "open_workbook") throw { code: "newerVersion", message: "This workbook was made by a newer Groundwork.", field: null };
      return null;
    });
    const app = new AppState();
    render(HomeView, { props: { app } });
    await fireEvent.click(await screen.findByTestId("open-workbook"));
    const banner = await screen.findByTestId("home-error");
    expect(banner.textContent).toContain("newer Groundwork");
    await fireEvent.click(screen.getByTestId("home-error-dismiss"));
    expect(screen.queryByTestId("home-error")).toBeNull();
  });
});
