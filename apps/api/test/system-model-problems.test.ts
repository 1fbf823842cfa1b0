import { clearProviderProblems } from "@agents-crm/ai";
import type { FakeOpenAI } from "@agents-crm/ai/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs, machine } from "./helpers/auth-fixtures";
import { createAgent, operator, startFakeLlm } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

// A vLLM-like server (https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html) that serves
// one model: the console learns from system.modelProblems which model is wrong and what to set instead.
let deps: ApiDeps;
let fake: FakeOpenAI;

beforeAll(async () => {
  clearProviderProblems();
  const started = await startFakeLlm({
    servedModels: ["meta-llama/Llama-3.1-8B-Instruct"],
    modelNotFound: "vllm",
  });
  fake = started.fake;
  deps = await createTestDeps({}, started.llm);
  await createAgent(deps, "dr_selfhosted");
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
  await fake.close();
});

describe("system.modelProblems", () => {
  it("names the unknown model and the models the server has", async () => {
    const visitor = callerAs(deps, { kind: "anonymous" });
    const { conversationId, token } = await visitor.chat.start({ agentId: "dr_selfhosted" });
    await visitor.chat.send({ conversationId, token, content: "Hello" }).catch(() => undefined);

    const problems = await callerAs(deps, machine).system.modelProblems();
    const byKind = Object.fromEntries(problems.map((problem) => [problem.kind, problem]));
    expect(byKind.model_not_found).toMatchObject({
      baseURL: fake.url,
      availableModels: ["meta-llama/Llama-3.1-8B-Instruct"],
    });
    expect(byKind.model_not_found?.message).toContain(
      "set OPENAI_MODEL or the agent's model to one of: meta-llama/Llama-3.1-8B-Instruct",
    );
  });

  it("is for owners and admins only", async () => {
    await expect(callerAs(deps, operator).system.modelProblems()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
