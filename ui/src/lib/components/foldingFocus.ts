// Where the focus goes as a record form folds and unfolds behind its "Add …" button: into the
// form's first field when it opens, and back to the button once Esc or Cancel has folded it,
// so a keyboard user is never left on an element that has gone.

import { tick } from "svelte";
import type { Form } from "../state/form.svelte";

export function foldingFocus<T>(
  form: () => Form<T>,
  firstField: () => HTMLElement | undefined,
  addButton: () => HTMLElement | undefined,
  shown: () => boolean,
): { open: () => Promise<void>; close: () => Promise<void> } {
  return {
    async open() {
      form().show();
      await tick();
      firstField()?.focus();
    },
    async close() {
      form().close();
      await tick();
      if (!shown()) addButton()?.focus();
    },
  };
}
