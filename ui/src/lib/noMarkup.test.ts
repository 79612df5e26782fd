// User text is never rendered as HTML: no screen may use {@html} or set innerHTML.
import { describe, expect, it } from "vitest";

const sources = import.meta.glob(["../**/*.svelte", "../**/*.ts", "!../**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

describe("markup", () => {
  it("is never built from strings in any screen", () => {
    const files = Object.keys(sources);
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((file) => /\{@html|innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(sources[file] ?? ""));
    expect(offenders).toEqual([]);
  });
});
