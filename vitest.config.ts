import { defineConfig } from "vitest/config";

// One entry point for `npm test`: every workspace is a project with its own config.
export default defineConfig({
  test: {
    // Installs (as root, with apt-get) or names in one line what the suites start for real: redis-server.
    globalSetup: ["packages/config/src/testing/unit-global-setup.ts"],
    projects: [
      "packages/config",
      "packages/files",
      "packages/db",
      "packages/ai",
      "apps/api",
      "apps/web",
      "packages/client",
      "examples",
    ],
  },
});
