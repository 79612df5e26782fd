// Text measured the way the window draws it, for the charts drawn in SVG (where text does
// not wrap by itself): a width from the window's own font, and lines that fit a width.

/** Width of a run of text in pixels (or SVG user units) at the given size. */
export type Measure = (text: string, size: number, bold: boolean) => number;

/**
 * Splits `text` into lines no wider than `width`: at spaces, and inside a word (between
 * graphemes, so an accent or an emoji is never split) only when that word alone is wider.
 */
export function wrapText(text: string, width: number, measure: (s: string) => number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const joined = line ? `${line} ${word}` : word;
    if (measure(joined) <= width) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    if (measure(word) <= width) {
      line = word;
      continue;
    }
    for (const g of graphemes(word)) {
      if (line && measure(line + g) > width) {
        lines.push(line);
        line = "";
      }
      line += g;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [""];
}

function graphemes(word: string): string[] {
  if (typeof Intl.Segmenter === "function") {
    return Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(word), (s) => s.segment);
  }
  return Array.from(word);
}

/**
 * Measures with the window's own font through a canvas; where there is no canvas (tests),
 * estimates from the characters, wide East Asian ones counting double.
 */
export function canvasMeasure(font: string): Measure {
  const ctx = typeof document !== "undefined" ? safeContext() : null;
  return (text, size, bold) => {
    if (ctx) {
      ctx.font = `${bold ? 700 : 400} ${size}px ${font}`;
      return ctx.measureText(text).width;
    }
    let em = 0;
    for (const c of text) em += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\u{1f300}-\u{1faff}]/u.test(c) ? 1 : 0.6;
    return em * size;
  };
}

function safeContext(): CanvasRenderingContext2D | null {
  try {
    return document.createElement("canvas").getContext("2d");
  } catch {
    return null;
  }
}
