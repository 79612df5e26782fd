// Screens reach the back end only through the open workbook's state (lib/state): a view may
// import the back end's types and the core's generated vocabulary, never a command. So every
// write goes through the one place that keeps the step's view current and its saves pending.
import { describe, expect, it } from "vitest";
import vocabulary from "./backend/vocabulary.gen.ts?raw";

const sources = import.meta.glob(["../**/*.svelte", "../**/*.ts", "!../**/*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** The names a file takes from the back end as values (not `import type`, not `type X`). */
export function backendValueImports(source: string): string[] {
  const names: string[] = [];
  const imports = source.matchAll(/import\s+(type\s+)?([^;]*?)\s+from\s+["'][^"']*\bbackend\b[^"']*["']/g);
  for (const [, typeOnly, clause] of imports) {
    if (typeOnly || !clause) continue;
    if (/^\*\s+as\s+\w+$/.test(clause.trim())) {
      names.push(clause.trim());
      continue;
    }
    const braces = clause.match(/\{([^}]*)\}/)?.[1] ?? "";
    for (const specifier of braces.split(",")) {
      const name = specifier.trim();
      if (name && !name.startsWith("type ")) names.push(name.split(/\s+as\s+/)[0]!.trim());
    }
  }
  return names;
}

const vocabularyNames = new Set([...vocabulary.matchAll(/^export const (\w+)/gm)].map((m) => m[1]));
const inState = (file: string) => file.startsWith("./state/") || file.startsWith("./backend/");

describe("the back end", () => {
  it("is called only from the workbook's state", () => {
    const files = Object.keys(sources).filter((file) => !inState(file));
    expect(files.length).toBeGreaterThan(50);
    const callers = files
      .map((file) => ({ file, names: backendValueImports(sources[file] ?? "").filter((n) => !vocabularyNames.has(n)) }))
      .filter(({ names }) => names.length > 0);
    expect(callers).toEqual([]);
  });

  it("is recognised in every way a file can import it", () => {
    expect(backendValueImports(`import * as backend from "../../backend";`)).toEqual(["* as backend"]);
    expect(backendValueImports(`import { saveGoal, type Goal } from "../backend";`)).toEqual(["saveGoal"]);
    expect(backendValueImports(`import type { Goal } from "../backend";`)).toEqual([]);
    expect(backendValueImports(`import {\n  ATTITUDES,\n  toAppError as e,\n} from "./lib/backend";`)).toEqual([
      "ATTITUDES",
      "toAppError",
    ]);
    expect(backendValueImports(`import { call } from "../backend/call";`)).toEqual(["call"]);
    expect(vocabularyNames.has("ATTITUDES")).toBe(true);
  });
});
