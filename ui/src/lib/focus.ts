// Opening a step at a given record: the step screen picks the right tab, then this finds the
// record's element (marked `data-record="kind:id"`), scrolls it into view, focuses it and
// highlights it for a moment so the eye lands on it.

import type { RecordRef } from "./backend";

/** The marker a record's element carries. */
export function recordMarker(kind: string, id: string): string {
  return `${kind}:${id}`;
}

/**
 * Waits (up to `timeoutMs`) for the record's element to appear, then brings it into view.
 * Resolves with the element, or null when the record is not on screen (deleted since).
 */
export async function revealRecord(ref: RecordRef, timeoutMs = 4000): Promise<HTMLElement | null> {
  const selector = `[data-record="${CSS.escape(recordMarker(ref.kind, ref.id))}"]`;
  const started = performance.now();
  for (;;) {
    const el = document.querySelector<HTMLElement>(selector);
    if (el) {
      for (const other of document.querySelectorAll("[data-focused]")) other.removeAttribute("data-focused");
      el.scrollIntoView({ block: "center" });
      if (!el.hasAttribute("tabindex") && !(el instanceof HTMLButtonElement)) el.setAttribute("tabindex", "-1");
      el.focus({ preventScroll: true });
      el.classList.add("record-focus");
      el.setAttribute("data-focused", "true");
      setTimeout(() => {
        el.classList.remove("record-focus");
      }, 2400);
      return el;
    }
    if (performance.now() - started > timeoutMs) return null;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
