import { defineConfig } from "vitest/config";

// Browser journeys: the real API and the built web app, driven through Debian's Chromium.
export default defineConfig({
  test: {
    name: "e2e",
    include: ["apps/web/e2e/**/*.e2e.ts"],
    // Installs (as root, with apt-get) or names in one line the browser the journeys drive: Chromium.
    globalSetup: ["packages/config/src/testing/e2e-global-setup.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
