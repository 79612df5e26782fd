/** 1536 -> "1.5 KB"; sizes of exported files, in the units a file manager shows. */
export function fileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

/**
 * A file name a person would choose: "Northwind Makers – Executive roadmap.pdf". Characters
 * that file systems refuse are replaced; the rest of any script is kept.
 */
export function pdfFileName(workbookName: string, documentTitle: string): string {
  const clean = (s: string) =>
    s
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^\.+/, "");
  const base = [clean(workbookName), clean(documentTitle)].filter((s) => s !== "").join(" - ");
  return `${base.slice(0, 150) || "Groundwork"}.pdf`;
}
