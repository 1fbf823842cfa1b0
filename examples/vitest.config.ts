import { defineConfig } from "vitest/config";

// Every example runs as a process (`npx tsx examples/<name>.ts`) against a real API or embedded database.
export default defineConfig({
  test: {
    name: "examples",
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
