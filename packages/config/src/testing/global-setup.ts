import {
  CHROMIUM,
  ensurePrerequisite,
  MissingPrerequisiteError,
  REDIS_SERVER,
} from "./prerequisites";
import type { Prerequisite } from "./prerequisites";

/**
 * Vitest globalSetup: `npm test` needs redis-server (the Redis fan-out tests), `npm run test:e2e`
 * Chromium. A missing one is installed or reported in one line before any test starts.
 */
async function ensureAll(tools: Prerequisite[]) {
  for (const tool of tools) {
    try {
      await ensurePrerequisite(tool, { log: (line) => console.log(`[test setup] ${line}`) });
    } catch (error) {
      if (!(error instanceof MissingPrerequisiteError)) throw error;
      // One line, not a stack: the message is the whole story and ends with the command to run.
      console.error(error.message);
      process.exit(1);
    }
  }
}

export const unitSuite = () => ensureAll([REDIS_SERVER]);
export const browserSuite = () => ensureAll([CHROMIUM]);
