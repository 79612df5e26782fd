import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig({
  plugins: [svelte()],
  // Resolve Svelte's browser build so components mount in jsdom.
  resolve: { conditions: ["browser"] },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
    restoreMocks: true,
    // Component tests render whole screens in jsdom; on a busy 2-core machine the default 5 s
    // is too tight for the longest journeys, though none of them waits on time.
    testTimeout: 20_000,
  },
});
