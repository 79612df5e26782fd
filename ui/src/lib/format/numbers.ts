import type { NumberStyle } from "../backend";
import { userLocale, usableLocale } from "./dates";

/**
 * The decimal mark `locale` writes ("12.5" or "12,5"), read from Intl. The back end reads a
 * budget typed as "1,250" with it and writes the budget forms' amounts with it; the amounts
 * themselves (their currency's decimals, their text) are the back end's.
 */
export function decimalStyle(locale = userLocale()): NumberStyle {
  const mark = new Intl.NumberFormat(usableLocale(locale)).formatToParts(1.5).find((p) => p.type === "decimal");
  return mark?.value === "," ? "DecimalComma" : "DecimalPoint";
}

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

/** A figure as a person reads it: 1,250 or 42.5; "—" when there is none. */
export function figure(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  return n.toLocaleString("en", { maximumFractionDigits: 2 });
}

/** A change with its sign: +250, −12.5, 0. */
export function signed(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  if (Math.abs(n) < 1e-9) return "0";
  return `${n > 0 ? "+" : "−"}${figure(Math.abs(n))}`;
}
