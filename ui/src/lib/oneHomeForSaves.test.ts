// No editor keeps a private save timer: every autosave is made by the workbook's one home of
// saves (state/saves.svelte.ts), so leaving or closing the window can wait for all of them.
import { describe, expect, it } from "vitest";

const sources = import.meta.glob(["../**/*.svelte", "../**/*.ts", "!../**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

describe("autosaves", () => {
  it("are made only by the workbook's saves", () => {
    const files = Object.keys(sources);
    expect(files.length).toBeGreaterThan(20);
    const makers = files.filter((file) => /new Autosave\b/.test(sources[file] ?? ""));
    expect(makers).toEqual(["./state/saves.svelte.ts"]);
  });
});
