import { createLlmProviders, type LlmProviders } from "@agents-crm/ai";
import { startFakeOpenAI, type FakeOpenAI, type FakeOpenAIOptions } from "@agents-crm/ai/testing";
import type { Staff } from "../../src/auth/principal";
import { createContextInner } from "../../src/context";
import type { ApiDeps } from "../../src/deps";
import { appRouter } from "../../src/router";
import { createCallerFactory } from "../../src/trpc";

/** The smallest valid agent document (no RAG, no moderation), with top-level overrides merged in. */
export function agentDocument(
  agentId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const base: Record<string, unknown> = {
    agent_id: agentId,
    profile: {
      doctor_display_name: "Dr. Test",
      clinic_display_name: "Test Clinic",
      specialty: "dentistry",
      languages: ["en"],
    },
    rag: { enabled: false },
    moderation: { enabled: false },
  };
  for (const [key, value] of Object.entries(overrides)) {
    const current = base[key];
    base[key] =
      typeof current === "object" && current !== null && typeof value === "object" && value !== null
        ? { ...current, ...value }
        : value;
  }
  return base;
}

export async function createAgent(
  deps: ApiDeps,
  agentId: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  await deps.repos.agents.create({ agentId, config: agentDocument(agentId, overrides) });
  return agentId;
}

export const operator: Staff = {
  kind: "user",
  id: "user-operator-1",
  name: "Olga Operator",
  email: "olga@example.test",
  role: "operator",
  sessionId: "session-1",
};

/** What the model answers through the fake server: the turn's JSON contract. */
export function modelAnswer(
  reply: string,
  escalation: { needed: boolean; type: string; reason?: string } = { needed: false, type: "none" },
) {
  return {
    json: {
      reply,
      escalation: { reason: "", confidence: 0.9, ...escalation },
      sources_used: [],
    },
  };
}

/** The fake OpenAI server on 127.0.0.1 with real providers pointed at it. */
export async function startFakeLlm(
  options: FakeOpenAIOptions = {},
  providers: { transcriptionModel?: string } = {},
): Promise<{ fake: FakeOpenAI; llm: LlmProviders }> {
  const fake = await startFakeOpenAI(options);
  const llm = createLlmProviders({
    apiKey: "sk-test",
    baseURL: fake.url,
    transcriptionModel: providers.transcriptionModel,
    maxRetries: 0,
    logger: { warn: () => undefined },
  });
  return { fake, llm };
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface TrackedItem<T> {
  id: string;
  data: T;
}

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;

/**
 * Opens a subscription through createCaller and reads it in the background: `items` fills as tracked
 * events arrive; `stop()` aborts it the way a closing socket does.
 */
export async function subscribe<T>(
  deps: ApiDeps,
  principal: Staff | null,
  open: (caller: Caller) => Promise<AsyncIterable<unknown>>,
) {
  const controller = new AbortController();
  const caller = createCaller(createContextInner({ deps, ...(principal ? { principal } : {}) }), {
    signal: controller.signal,
  });
  const iterable = await open(caller);
  const items: TrackedItem<T>[] = [];
  let failure: unknown = null;
  const done = (async () => {
    for await (const value of iterable) {
      const [id, data] = value as [string, T];
      items.push({ id, data });
    }
  })().catch((error: unknown) => {
    failure = error;
  });
  return {
    items,
    get failure() {
      return failure;
    },
    async stop() {
      controller.abort();
      await done;
    },
  };
}
