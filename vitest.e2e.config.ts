import { defineConfig } from "vitest/config";

// Browser journeys: the real API and the built web app, driven through Debian's Chromium.
export default defineConfig({
  test: {
    name: "e2e",
    include: ["apps/web/e2e/**/*.e2e.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
