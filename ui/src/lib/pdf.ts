// pdf.js, loaded on first use from the app's own files (no network, no CDN). The worker is a
// bundled file served from 'self', which the window's CSP allows. If anything here fails the
// Documents screen falls back to page count and warnings.

import type * as PdfJs from "pdfjs-dist/legacy/build/pdf.mjs";

type PdfJsModule = typeof PdfJs;

let loading: Promise<PdfJsModule> | null = null;

export function loadPdfJs(): Promise<PdfJsModule> {
  loading ??= (async () => {
    // The legacy build carries the polyfills WebKitGTK (about Safari 16) needs.
    const [pdfjs, worker] = await Promise.all([
      import("pdfjs-dist/legacy/build/pdf.mjs"),
      import("pdfjs-dist/legacy/build/pdf.worker.min.mjs?url"),
    ]);
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    return pdfjs;
  })();
  return loading;
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Draws the first `maxPages` pages of a PDF into new canvases, `cssWidth` pixels wide.
 * Throws when pdf.js cannot load or read the bytes.
 */
export async function renderPages(base64: string, maxPages: number, cssWidth: number): Promise<HTMLCanvasElement[]> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({ data: base64ToBytes(base64), isEvalSupported: false, enableXfa: false });
  const doc = await task.promise;
  try {
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    const canvases: HTMLCanvasElement[] = [];
    for (let n = 1; n <= Math.min(maxPages, doc.numPages); n++) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
      const canvas = document.createElement("canvas");
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.aspectRatio = `${base.width} / ${base.height}`;
      const context = canvas.getContext("2d");
      if (!context) throw new Error("This window cannot draw the preview.");
      await page.render({ canvas, canvasContext: context, viewport }).promise;
      canvas.setAttribute("role", "img");
      canvas.setAttribute("aria-label", `Page ${n}`);
      canvases.push(canvas);
    }
    return canvases;
  } finally {
    void doc.destroy();
  }
}
