import type { CliSession } from "./cli-session";

/**
 * Loads the API (router, domain, database) only when a command runs: `--help` and wrong calls answer
 * without it, at once.
 */
export async function openCliSession(): Promise<CliSession> {
  const { openCliSession: open } = await import("./cli-session");
  return open();
}
