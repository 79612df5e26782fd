// The words for a stored choice, from the core's generated vocabulary (backend/vocabulary.gen.ts).
import type { Choice } from "../backend";

/** The label of `value` in `choices`; the value itself if the list does not know it. */
export function labelOf<T extends string>(choices: readonly Choice<T>[], value: T): string {
  return choices.find((c) => c.value === value)?.label ?? value;
}
