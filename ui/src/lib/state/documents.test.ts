import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { DocumentPreview, DocumentSettingsEdit, DocumentSettingsView, ExportOptions } from "../backend";
import { DocumentsState, HOUSE_ACCENT } from "./documents.svelte";
import { Saves } from "./saves.svelte";

type Call = { cmd: string; args: Record<string, unknown> };

function serve(handlers: Record<string, (args: Record<string, unknown>) => unknown>) {
  const calls: Call[] = [];
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    const handler = handlers[cmd];
    if (!handler) throw `no handler for ${cmd}`;
    return handler(args);
  });
  return calls;
}

const preview = (pages: number): DocumentPreview => ({ pdfBase64: "", pageCount: pages, warnings: [] });

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

describe("documents", () => {
  it("sends unticked sections as omitSections, per document", async () => {
    const calls = serve({
      document_sections: () => [
        { id: "summary", title: "Executive summary" },
        { id: "appendix", title: "Appendix" },
      ],
      preview_document: () => preview(3),
    });
    const docs = new DocumentsState();
    await docs.loadSections();
    docs.setIncluded("appendix", false);
    await vi.advanceTimersByTimeAsync(400);
    const options = calls.filter((c) => c.cmd === "preview_document").at(-1)?.args.options as ExportOptions;
    expect(options).toEqual({ document: "full", paper: "a4", date: null, omitSections: ["appendix"], confidentiality: "Confidential", includeReadiness: false });

    await docs.choose("crisis");
    expect(docs.options.omitSections).toEqual([]);
    await docs.choose("full");
    expect(docs.options.omitSections).toEqual(["appendix"]);
    docs.setIncluded("appendix", true);
    expect(docs.options.omitSections).toEqual([]);
  });

  it("shows only the latest preview when answers arrive out of order", async () => {
    const pending: Array<(p: DocumentPreview) => void> = [];
    serve({
      document_sections: () => [],
      preview_document: () => new Promise<DocumentPreview>((resolve) => pending.push(resolve)),
    });
    const docs = new DocumentsState();
    const first = docs.refreshPreview();
    docs.paper = "letter";
    const second = docs.refreshPreview();
    await vi.advanceTimersByTimeAsync(0);
    expect(pending).toHaveLength(2);
    pending[1]?.(preview(7));
    await second;
    pending[0]?.(preview(2));
    await first;
    expect(docs.preview?.pageCount).toBe(7);
    expect(docs.previewing).toBe(false);
  });

  it("exports to the chosen file with a default name from the workbook and the document", async () => {
    const calls = serve({
      choose_save_destination: (args) => `/home/ana/${args.suggestedName as string}`,
      export_document: (args) => ({ path: args.path, pageCount: 4, bytes: 51_200, warnings: [] }),
    });
    const docs = new DocumentsState();
    docs.document = "roadmap";
    docs.confidentiality = "Internal";
    await docs.exportTo('Makers: "Hub" / 2026');
    const save = calls.find((c) => c.cmd === "choose_save_destination");
    expect(save?.args).toEqual({ kind: "pdf", suggestedName: "Makers Hub 2026 - Executive roadmap.pdf" });
    const exported = calls.find((c) => c.cmd === "export_document");
    expect(exported?.args).toEqual({
      path: "/home/ana/Makers Hub 2026 - Executive roadmap.pdf",
      options: { document: "roadmap", paper: "a4", date: null, omitSections: [], confidentiality: "Internal", includeReadiness: false },
    });
    expect(docs.report?.pageCount).toBe(4);
  });

  it("does nothing when the save dialog is cancelled", async () => {
    const calls = serve({ choose_save_destination: () => null });
    const docs = new DocumentsState();
    await docs.exportTo("W");
    expect(calls.map((c) => c.cmd)).toEqual(["choose_save_destination"]);
    expect(docs.report).toBeNull();
    expect(docs.exportError).toBeNull();
  });

  it("keeps a refused export's reason, at its field when it has one", async () => {
    serve({
      choose_save_destination: () => "/x.pdf",
      export_document: () => Promise.reject({ code: "invalid", message: "The confidentiality label must fit on one line.", field: "confidentiality" }),
    });
    const docs = new DocumentsState();
    await docs.exportTo("W");
    expect(docs.fieldError("confidentiality")).toBe("The confidentiality label must fit on one line.");
    expect(docs.exporting).toBe(false);
  });

  describe("what the documents ask of the reader, and their accent", () => {
    const SUGGESTED = "Decide to approve the roadmap's budget of EUR 11,500.";
    const view = (edit: DocumentSettingsEdit, note: string | null = null): DocumentSettingsView => ({
      settings: { ask: edit.ask.trim(), accent: edit.accent === "" ? null : edit.accent.toLowerCase() },
      suggestedAsk: SUGGESTED,
      accentNote: note,
    });

    it("chooses a logo through the Open dialog, keeps the old one when a file is refused, and removes it", async () => {
      const logo = { dataUrl: "data:image/png;base64,AAAA", width: 600, height: 200, fileName: "crimson.png" };
      let picked: string | null = "/home/m/crimson.png";
      const calls = serve({
        document_logo: () => null,
        choose_file_to_open: () => picked,
        set_logo: (args) =>
          args.path === "/home/m/report.pdf"
            ? Promise.reject({ code: "invalid", message: "That file is not a PNG, JPEG or SVG image.", field: "logo" })
            : logo,
        remove_logo: () => null,
        preview_document: () => preview(1),
      });
      const docs = new DocumentsState();
      await docs.loadLogo();
      expect(docs.logo).toBeNull();
      await docs.chooseLogo();
      expect(calls.find((c) => c.cmd === "choose_file_to_open")?.args).toEqual({ kind: "image" });
      expect(docs.logo).toEqual(logo);

      picked = "/home/m/report.pdf";
      await docs.chooseLogo();
      expect(docs.logoError?.message).toBe("That file is not a PNG, JPEG or SVG image.");
      expect(docs.logo).toEqual(logo);

      // Cancelling the dialog changes nothing and calls nothing more.
      picked = null;
      const before = calls.length;
      await docs.chooseLogo();
      expect(calls.slice(before).map((c) => c.cmd)).toEqual(["choose_file_to_open"]);
      expect(docs.logo).toEqual(logo);

      await docs.removeLogo();
      expect(docs.logo).toBeNull();
      expect(docs.logoError).toBeNull();
      expect(docs.logoBusy).toBe(false);
    });

    it("loads the stored settings with the roadmap's suggestion to start from", async () => {
      serve({ document_settings: () => view({ ask: "", accent: "" }) });
      const docs = new DocumentsState();
      await docs.loadSettings();
      expect(docs.settings).toEqual({ ask: "", accent: "" });
      expect(docs.suggestedAsk).toBe(SUGGESTED);
      expect(docs.pickerColour).toBe(HOUSE_ACCENT);
      docs.startFromSuggestion();
      expect(docs.settings?.ask).toBe(SUGGESTED);
    });

    it("saves once typing pauses, then refreshes the preview and the colour's note", async () => {
      const calls = serve({
        document_settings: () => view({ ask: "", accent: "" }),
        save_document_settings: (args) => view(args.edit as DocumentSettingsEdit, "Too light for text."),
        preview_document: () => preview(2),
      });
      const docs = new DocumentsState();
      await docs.loadSettings();
      docs.editSettings("ask", "Approve");
      docs.editSettings("ask", "Approve €48,000 <b>now</b> 🚀");
      docs.editSettings("accent", "#FFD700");
      expect(calls.filter((c) => c.cmd === "save_document_settings")).toEqual([]);
      await vi.advanceTimersByTimeAsync(450);
      const saves = calls.filter((c) => c.cmd === "save_document_settings");
      expect(saves.map((c) => c.args.edit)).toEqual([{ ask: "Approve €48,000 <b>now</b> 🚀", accent: "#FFD700" }]);
      expect(docs.accentNote).toBe("Too light for text.");
      expect(docs.pickerColour).toBe("#ffd700");
      expect(docs.settings?.ask).toBe("Approve €48,000 <b>now</b> 🚀");
      await vi.advanceTimersByTimeAsync(10);
      expect(calls.some((c) => c.cmd === "preview_document")).toBe(true);
    });

    it("keeps a refused edit, shows it again when the screen is shown again, and closing waits for it", async () => {
      let refuse = true;
      const stored = { ask: "Approve the pilot.", accent: "" };
      const calls = serve({
        document_settings: () => view(stored),
        save_document_settings: (args) => {
          const edit = args.edit as DocumentSettingsEdit;
          if (refuse) return Promise.reject({ code: "invalid", message: "“teal” is not a colour Groundwork can use.", field: "accent" });
          Object.assign(stored, edit);
          return view(edit);
        },
        preview_document: () => preview(1),
      });
      const saves = new Saves();
      const docs = new DocumentsState(saves);
      await docs.loadSettings();
      docs.editSettings("accent", "teal");
      await saves.flush();
      expect(docs.settingsSave.fieldError("accent")).toBe("“teal” is not a colour Groundwork can use.");
      expect(saves.error?.field).toBe("accent");

      // The screen is left and shown again: the refused text is still there, not the stored one.
      const again = new DocumentsState(saves);
      await again.loadSettings();
      expect(again.settings).toEqual({ ask: "Approve the pilot.", accent: "teal" });

      // A fix typed just before the window closes is saved by the close's flush.
      refuse = false;
      again.editSettings("accent", "#336699");
      expect(saves.dirty).toBe(true);
      await saves.flush();
      expect(calls.filter((c) => c.cmd === "save_document_settings").at(-1)?.args.edit).toEqual({ ask: "Approve the pilot.", accent: "#336699" });
      expect(stored.accent).toBe("#336699");
      expect(saves.error).toBeNull();
    });
  });
});
