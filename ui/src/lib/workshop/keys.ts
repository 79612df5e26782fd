// Keyboard rules of the workshop screens, kept apart from the components so they can be tested.

/** What a key pressed on a selected sticky note asks for. */
export type NoteAction =
  | { kind: "select"; index: number }
  | { kind: "move"; group: number | null }
  | { kind: "delete" }
  | { kind: "capture" }
  | null;

/**
 * Keys on a selected note: arrows walk the notes, 1–9 move the note to that group, 0 back to
 * the unsorted notes, Delete removes it, Escape goes back to the capture input.
 */
export function noteKey(key: string, selected: number, notes: number, groups: number): NoteAction {
  if (notes === 0) return key === "Escape" ? { kind: "capture" } : null;
  switch (key) {
    case "ArrowDown":
    case "ArrowRight":
      return { kind: "select", index: Math.min(selected + 1, notes - 1) };
    case "ArrowUp":
    case "ArrowLeft":
      return { kind: "select", index: Math.max(selected - 1, 0) };
    case "Home":
      return { kind: "select", index: 0 };
    case "End":
      return { kind: "select", index: notes - 1 };
    case "Delete":
    case "Backspace":
      return { kind: "delete" };
    case "Escape":
      return { kind: "capture" };
    case "0":
      return { kind: "move", group: null };
  }
  const n = Number(key);
  if (key.length === 1 && Number.isInteger(n) && n >= 1 && n <= Math.min(9, groups)) {
    return { kind: "move", group: n - 1 };
  }
  return null;
}

/** What a key does in the presentation: a slide index to show, "exit", or nothing. */
export function slideKey(key: string, index: number, count: number): number | "exit" | null {
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
    case "PageDown":
    case " ":
      return Math.min(index + 1, count - 1);
    case "ArrowLeft":
    case "ArrowUp":
    case "PageUp":
      return Math.max(index - 1, 0);
    case "Home":
      return 0;
    case "End":
      return count - 1;
    case "Escape":
      return "exit";
  }
  return null;
}
