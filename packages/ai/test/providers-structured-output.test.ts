import { afterEach, describe, expect, it } from "vitest";
import { createOpenAIChatProvider } from "../src/providers/openai-chat";
import { startFakeOpenAI, type FakeOpenAI } from "../src/testing";

const replySchema = {
  name: "agent_reply",
  schema: {
    type: "object",
    properties: {
      reply: { type: "string" },
      escalation: {
        type: "object",
        properties: {
          needed: { type: "boolean" },
          type: { type: "string", enum: ["none", "urgent", "medical", "booking"] },
        },
        required: ["needed", "type"],
        additionalProperties: false,
      },
    },
    required: ["reply", "escalation"],
    additionalProperties: false,
  },
};
const messages = [
  { role: "system" as const, content: "You are a clinic assistant." },
  { role: "user" as const, content: "I need an appointment" },
];

describe("structured output", () => {
  let fake: FakeOpenAI | undefined;
  afterEach(() => fake?.close());

  it("sends response_format json_schema with strict: true and returns the JSON", async () => {
    fake = await startFakeOpenAI();
    fake.setResponder((req) =>
      req.responseFormat?.type === "json_schema"
        ? { json: { reply: "Sure, which day?", escalation: { needed: true, type: "booking" } } }
        : { content: "not json" },
    );
    const chat = createOpenAIChatProvider({ apiKey: "k", baseURL: fake.url });
    const result = await chat.chat({ model: "gpt-4o-mini", messages, responseSchema: replySchema });

    expect(fake.requests[0]?.body).toMatchObject({
      response_format: {
        type: "json_schema",
        json_schema: { name: "agent_reply", schema: replySchema.schema, strict: true },
      },
    });
    expect(JSON.parse(result.content)).toEqual({
      reply: "Sure, which day?",
      escalation: { needed: true, type: "booking" },
    });
    expect(result.metrics.degraded).toBeUndefined();
  });

  it("the fake's default answer is valid JSON for the requested schema", async () => {
    fake = await startFakeOpenAI();
    const chat = createOpenAIChatProvider({ apiKey: "k", baseURL: fake.url });
    const result = await chat.chat({ model: "gpt-4o-mini", messages, responseSchema: replySchema });
    expect(JSON.parse(result.content)).toEqual({
      reply: "Echo: I need an appointment",
      escalation: { needed: false, type: "none" },
    });
  });

  it("falls back to json_object with the schema in the system message, remembered per base URL and model", async () => {
    fake = await startFakeOpenAI({ supportsJsonSchema: false });
    const chat = createOpenAIChatProvider({ apiKey: "k", baseURL: fake.url });
    const first = await chat.chat({ model: "llama3.1", messages, responseSchema: replySchema });

    expect(fake.requests.map((r) => r.chat?.responseFormat?.type)).toEqual([
      "json_schema",
      "json_object",
    ]);
    const system = fake.requests[1]?.chat?.messages[0];
    expect(system?.role).toBe("system");
    expect(system?.content).toContain("You are a clinic assistant.");
    expect(system?.content).toContain(JSON.stringify(replySchema.schema));
    expect(fake.requests[1]?.chat?.messages).toHaveLength(2);
    expect(JSON.parse(first.content)).toMatchObject({ escalation: { type: "none" } });
    expect(first.metrics).toMatchObject({ attempts: 2, degraded: "json_object_fallback" });

    // A new provider on the same server goes straight to the working mode.
    const again = createOpenAIChatProvider({ apiKey: "k", baseURL: fake.url });
    const chunks = [];
    for await (const chunk of again.chatStream({
      model: "llama3.1",
      messages,
      responseSchema: replySchema,
    })) {
      chunks.push(chunk);
    }
    expect(fake.requests.map((r) => r.chat?.responseFormat?.type)).toEqual([
      "json_schema",
      "json_object",
      "json_object",
    ]);
    expect(chunks.at(-1)).toMatchObject({ type: "done", result: { metrics: { attempts: 1 } } });

    // Support differs by model on one server: another model starts from json_schema again.
    await again.chat({ model: "qwen2.5", messages, responseSchema: replySchema });
    expect(fake.requests.slice(3).map((r) => r.chat?.responseFormat?.type)).toEqual([
      "json_schema",
      "json_object",
    ]);
  });

  it("steps down to a prompt-only request when json_object is rejected too, unwrapping code fences", async () => {
    fake = await startFakeOpenAI({ supportsJsonSchema: false, supportsJsonObject: false });
    fake.setResponder(() => ({
      content: '```json\n{"reply":"ok","escalation":{"needed":false,"type":"none"}}\n```',
    }));
    const chat = createOpenAIChatProvider({ apiKey: "k", baseURL: fake.url });
    const result = await chat.chat({ model: "mistral", messages, responseSchema: replySchema });

    expect(fake.requests.map((r) => r.chat?.responseFormat?.type ?? "none")).toEqual([
      "json_schema",
      "json_object",
      "none",
    ]);
    expect(JSON.parse(result.content)).toMatchObject({ reply: "ok" });
    expect(result.metrics).toMatchObject({ attempts: 3, degraded: "prompt_only_fallback" });
  });

  it("does not fall back when the server found the schema itself invalid (our bug, not its limit)", async () => {
    fake = await startFakeOpenAI();
    fake.failNext(1, 400, {
      error: {
        message:
          "Invalid schema for response_format 'agent_reply': 'additionalProperties' is required to be supplied and to be false.",
        type: "invalid_request_error",
        param: "response_format",
        code: null,
      },
    });
    const chat = createOpenAIChatProvider({ apiKey: "k", baseURL: fake.url });
    await expect(
      chat.chat({ model: "gpt-4o", messages, responseSchema: replySchema }),
    ).rejects.toMatchObject({
      kind: "bad_request",
    });
    await chat.chat({ model: "gpt-4o", messages, responseSchema: replySchema });
    expect(fake.requests.map((r) => r.chat?.responseFormat?.type)).toEqual([
      "json_schema",
      "json_schema",
    ]);
  });

  it("does not fall back on a 400 unrelated to response_format", async () => {
    fake = await startFakeOpenAI();
    fake.failNext(1, 400, {
      error: { message: "model not found", type: "invalid_request_error", code: "model_not_found" },
    });
    const chat = createOpenAIChatProvider({ apiKey: "k", baseURL: fake.url });
    await expect(
      chat.chat({ model: "gpt-x", messages, responseSchema: replySchema }),
    ).rejects.toMatchObject({
      kind: "bad_request",
      code: "model_not_found",
      attempts: 1,
    });
    // One chat call (the server's model list is read once, for the console's hint).
    expect(fake.requests.filter((r) => r.endpoint === "chat")).toHaveLength(1);
  });
});
