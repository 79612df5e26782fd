// A text box that grows with its text, so every word shows while it is typed or corrected.
// Use as `<textarea use:fitText={value}>`: the height follows typing, and a value put back from
// outside (Escape restoring the stored text) when the parameter changes.

export function fitText(box: HTMLTextAreaElement, _value?: unknown) {
  const fit = () => {
    box.style.height = "auto";
    box.style.height = `${box.scrollHeight + 2}px`;
  };
  fit();
  box.addEventListener("input", fit);
  return {
    update: () => queueMicrotask(fit),
    destroy: () => box.removeEventListener("input", fit),
  };
}
