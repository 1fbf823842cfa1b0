import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLocalFileStore } from "@agents-crm/files";
import { afterAll, beforeAll } from "vitest";
import { createLlmProviders, searchPhoneReader, type LlmProviders } from "@agents-crm/ai";
import { parseServerEnv } from "@agents-crm/config/env";
import { keyFingerprint } from "@agents-crm/db";
import { startTestDb } from "@agents-crm/db/testing";
import type { ApiDeps } from "../../src/deps";
import { silentLogger } from "../../src/logger";
import { assembleDeps } from "../../src/bootstrap/assemble-deps";
import { closeConversationRuntime } from "../../src/realtime/conversation-runtime";
import { createApiServer, type ApiServer } from "../../src/server/http-server";

/** Dependencies on a fresh in-memory embedded DynamoDB, as the server would build them. */
export async function createTestDeps(
  envOverrides: Record<string, string> = {},
  llm: LlmProviders = createLlmProviders({ apiKey: null }),
): Promise<ApiDeps> {
  // Tests share 127.0.0.1, so the rate limit is effectively off unless a test sets a small one.
  const env = parseServerEnv({
    ENVIRONMENT: "test",
    RATE_LIMIT_PER_MINUTE: "1000000",
    RATE_LIMIT_STAFF_PER_MINUTE: "1000000",
    ...envOverrides,
  });
  const key = randomBytes(32);
  const { db, repos } = await startTestDb({
    messageTtlHours: env.MESSAGE_TTL_HOURS,
    encryptionKey: { key, keyId: keyFingerprint(key), source: "configured" },
    readPhones: searchPhoneReader(),
  });
  // No periodic re-alert sweep: tests call deps.alerts.sweep() when they need one. Files go to a fresh
  // directory per test (the OS cleans its temp dir), never to the repository's DATA_DIR.
  return assembleDeps({
    env,
    db,
    repos,
    llm,
    log: silentLogger,
    fileStore: createLocalFileStore(mkdtempSync(join(tmpdir(), "agents-crm-files-"))),
    fileLinkKey: randomBytes(32),
  }).deps;
}

export interface TestApi {
  deps: ApiDeps;
  api: ApiServer;
  url: string;
  wsUrl: string;
  close(): Promise<void>;
}

/** The real HTTP + WebSocket server on an ephemeral port. */
export async function startTestApi(
  envOverrides: Record<string, string> = {},
  options: { llm?: LlmProviders } = {},
): Promise<TestApi> {
  const deps = await createTestDeps(envOverrides, options.llm);
  const api = createApiServer(deps);
  const port = await api.listen(0, "127.0.0.1");
  return {
    deps,
    api,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/trpc`,
    close: async () => {
      await api.close({ timeoutMs: 1_000 });
      await closeConversationRuntime(deps);
      await deps.db.close();
    },
  };
}

/**
 * The real server for the enclosing describe block (started before its tests, closed after them);
 * call the returned function inside a test to reach it.
 */
export function useTestApi(
  envOverrides: Record<string, string> = {},
  options: { llm?: LlmProviders } = {},
): () => TestApi {
  let started: TestApi | undefined;
  beforeAll(async () => {
    started = await startTestApi(envOverrides, options);
  });
  afterAll(() => started?.close());
  return () => {
    if (!started) throw new Error("the test API has not started");
    return started;
  };
}
