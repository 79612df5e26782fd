import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { DocumentPreview, ExportOptions } from "../backend";
import { DocumentsState } from "./documents.svelte";

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
});
