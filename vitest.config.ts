import { defineConfig } from "vitest/config";

// One entry point for `npm test`: every workspace is a project with its own config.
export default defineConfig({
  test: {
    projects: ["packages/config", "packages/db", "packages/ai", "apps/api", "apps/web"],
  },
});
