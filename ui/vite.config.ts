import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// Tauri loads the dev server at a fixed port and the built files from dist/.
// WebKitGTK on current Linux desktops is roughly Safari 16.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    host: "localhost",
  },
  // Pre-bundle pdf.js so the dev server does not reload the page the first time the preview
  // appears.
  optimizeDeps: { include: ["pdfjs-dist/legacy/build/pdf.mjs"] },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari16",
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});
