import { afterAll, beforeAll, beforeEach } from "vitest";
import { createLlmProviders } from "../src/providers/create-llm-providers";
import { startFakeOpenAI, type FakeOpenAI, type FakeOpenAIOptions } from "../src/testing";
import type { LlmProviders } from "../src/providers/types";

export interface TurnServer {
  fake: FakeOpenAI;
  providers: LlmProviders;
  chatRequests(): NonNullable<FakeOpenAI["requests"][number]["chat"]>[];
  count(endpoint: "chat" | "embeddings" | "moderations"): number;
}

/** The fake OpenAI server on 127.0.0.1 and real OpenAI providers pointed at it (one retry, no back-off wait). */
export async function startTurnServer(options: FakeOpenAIOptions = {}): Promise<TurnServer> {
  const fake = await startFakeOpenAI(options);
  const providers = createLlmProviders({
    apiKey: "sk-test",
    baseURL: fake.url,
    maxRetries: 1,
    retryBaseDelayMs: 1,
    logger: { warn: () => undefined },
  });
  return {
    fake,
    providers,
    chatRequests: () => fake.requests.flatMap((request) => (request.chat ? [request.chat] : [])),
    count: (endpoint) => fake.requests.filter((request) => request.endpoint === endpoint).length,
  };
}

/**
 * The turn server for this test file: started before its tests and closed after them; before each
 * test its requests are cleared, its latency is 0 and it answers with `responder` (null: its default).
 */
export function useTurnServer(
  responder: Parameters<FakeOpenAI["setResponder"]>[0] = null,
): TurnServer {
  const server = {} as TurnServer;
  beforeAll(async () => {
    Object.assign(server, await startTurnServer());
  });
  afterAll(async () => {
    await server.fake.close();
  });
  beforeEach(() => {
    server.fake.requests.length = 0;
    server.fake.setResponder(responder);
    server.fake.setLatency(0);
  });
  return server;
}
