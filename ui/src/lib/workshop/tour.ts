// Whether this person has dismissed the guided tour: UI state kept in the browser storage of
// the app's window, never in a workbook.

const KEY = "groundwork.tourDismissed";

export function tourDismissed(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): boolean {
  try {
    return storage?.getItem(KEY) === "1";
  } catch {
    return false;
  }
}

export function dismissTour(storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(KEY, "1");
  } catch {
    // Storage unavailable: the tour shows again next time, which is harmless.
  }
}
