import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LlmError } from "../src/providers/errors";
import { createOpenAIChatProvider } from "../src/providers/openai-chat";
import { createOpenAIModerator } from "../src/providers/openai-moderator";
import { clearProviderProblems, providerProblems } from "../src/providers/provider-problems";
import { startFakeOpenAI, type FakeOpenAI } from "../src/testing";

const quiet = { warn: () => {} };
const messages = [{ role: "user" as const, content: "Hello" }];
const schema = {
  name: "agent_reply",
  schema: {
    type: "object",
    properties: { reply: { type: "string" } },
    required: ["reply"],
    additionalProperties: false,
  },
};

describe("problems a self-hosted server shows are kept for the console", () => {
  let fake: FakeOpenAI | undefined;
  beforeEach(() => clearProviderProblems());
  afterEach(() => fake?.close());

  it.each(["openai", "vllm", "ollama"] as const)(
    "a model the %s server does not have: 404 recorded with the models it lists",
    async (server) => {
      fake = await startFakeOpenAI({
        servedModels: ["llama3.1:8b", "qwen2.5:7b"],
        modelNotFound: server,
      });
      const chat = createOpenAIChatProvider({
        apiKey: "sk-local",
        baseURL: fake.url,
        defaultModel: "gpt-4o-mni",
        logger: quiet,
        maxRetries: 0,
      });
      const error = await chat.chat({ model: "gpt-4o-mni", messages }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LlmError);
      expect((error as LlmError).status).toBe(404);
      const [problem] = providerProblems();
      expect(problem).toMatchObject({
        kind: "model_not_found",
        baseURL: fake.url,
        model: "gpt-4o-mni",
        availableModels: ["llama3.1:8b", "qwen2.5:7b"],
        count: 1,
      });
      expect(problem?.message).toBe(
        `Model 'gpt-4o-mni' not found on ${fake.url} — set OPENAI_MODEL or the agent's model to one of: llama3.1:8b, qwen2.5:7b`,
      );

      // Streams too; the same problem again is counted, not repeated.
      const stream = chat.chatStream({ model: "gpt-4o-mni", messages });
      await expect(
        (async () => {
          for await (const _ of stream) void _;
        })(),
      ).rejects.toBeInstanceOf(LlmError);
      expect(providerProblems()).toHaveLength(1);
      expect(providerProblems()[0]?.count).toBe(2);
    },
  );

  it("no moderation endpoint, no json_schema, no usage: each recorded with what happens instead", async () => {
    fake = await startFakeOpenAI({ supportsModerations: false, supportsJsonSchema: false });
    fake.setResponder(() => ({ json: { reply: "Hi" }, usage: null }));
    const chat = createOpenAIChatProvider({
      apiKey: "sk-local",
      baseURL: fake.url,
      defaultModel: "llama3.1:8b",
      logger: quiet,
    });
    const result = await chat.chat({ model: "llama3.1:8b", messages, responseSchema: schema });
    expect(JSON.parse(result.content)).toEqual({ reply: "Hi" });
    const moderator = createOpenAIModerator({
      apiKey: "sk-local",
      baseURL: fake.url,
      logger: quiet,
    });
    expect((await moderator.moderate("hello")).flagged).toBe(false);

    const byKind = Object.fromEntries(providerProblems().map((p) => [p.kind, p]));
    expect(byKind.moderation_unavailable?.message).toBe(
      `${fake.url} has no moderation endpoint: moderation is skipped`,
    );
    expect(byKind.structured_output_fallback).toMatchObject({
      model: "llama3.1:8b",
      fallback: "json_object",
    });
    expect(byKind.structured_output_fallback?.message).toContain("No json_schema support");
    expect(byKind.usage_missing?.message).toContain("usage and cost are estimated");
  });
});
