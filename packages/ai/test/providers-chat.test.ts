import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOpenAIChatProvider } from "../src/providers/openai-chat";
import type { ChatStreamChunk } from "../src/providers/types";
import { startFakeOpenAI, type FakeOpenAI } from "../src/testing";

const messages = [
  { role: "system" as const, content: "You are a clinic assistant." },
  { role: "user" as const, content: "When are you open on Saturday?" },
];

async function collect(stream: AsyncIterable<ChatStreamChunk>): Promise<ChatStreamChunk[]> {
  const chunks: ChatStreamChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe("OpenAI chat provider", () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI({ apiKey: "sk-test" });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());
  const provider = () => createOpenAIChatProvider({ apiKey: "sk-test", baseURL: fake.url });

  it("sends a chat completion and reports usage, cost and attempts", async () => {
    fake.setResponder(() => ({
      content: "We open at 9.",
      usage: { promptTokens: 1000, completionTokens: 500 },
    }));
    const result = await provider().chat({
      model: "gpt-4o-mini",
      messages,
      temperature: 0.2,
      maxOutputTokens: 600,
    });

    expect(result.content).toBe("We open at 9.");
    expect(result.finishReason).toBe("stop");
    expect(result.metrics).toMatchObject({
      step: "chat",
      model: "gpt-4o-mini",
      usage: { promptTokens: 1000, completionTokens: 500, totalTokens: 1500 },
      attempts: 1,
    });
    expect(result.metrics.costUsd).toBeCloseTo((1000 * 0.15 + 500 * 0.6) / 1e6, 12);
    expect(result.metrics.estimated).toBeUndefined();
    const request = fake.requests[0];
    expect(request?.headers.authorization).toBe("Bearer sk-test");
    expect(request?.body).toEqual({
      model: "gpt-4o-mini",
      messages,
      temperature: 0.2,
      max_tokens: 600,
      stream: false,
    });
  });

  it("uses max_completion_tokens and drops temperature for reasoning models", async () => {
    await provider().chat({
      model: "gpt-5-mini",
      messages,
      temperature: 0.2,
      maxOutputTokens: 600,
    });
    await provider().chat({
      model: "gpt-4o-2024-08-06",
      messages,
      temperature: 0.2,
      maxOutputTokens: 300,
    });

    expect(fake.requests[0]?.body).toMatchObject({ max_completion_tokens: 600 });
    expect(fake.requests[0]?.body).not.toHaveProperty("temperature");
    expect(fake.requests[0]?.body).not.toHaveProperty("max_tokens");
    expect(fake.requests[1]?.body).toMatchObject({ max_completion_tokens: 300, temperature: 0.2 });
  });

  it("falls back to the default model and estimates usage the server did not send", async () => {
    fake.setResponder(() => ({ content: "abcdefgh", usage: null }));
    const chat = createOpenAIChatProvider({
      apiKey: "sk-test",
      baseURL: fake.url,
      defaultModel: "llama3.1",
    });
    const result = await chat.chat({ model: "", messages });

    expect(fake.requests[0]?.chat?.model).toBe("llama3.1");
    expect(result.metrics.estimated).toBe(true);
    expect(result.metrics.usage.completionTokens).toBe(2);
    expect(result.metrics.costUsd).toBe(0);
  });

  it("streams deltas in order and ends with one done chunk carrying usage", async () => {
    fake.setResponder(() => ({
      content: "We open at nine.",
      chunks: ["We ", "open ", "at ", "nine."],
    }));
    const chunks = await collect(provider().chatStream({ model: "gpt-4o-mini", messages }));

    expect(chunks.filter((c) => c.type === "delta").map((c) => c.text)).toEqual([
      "We ",
      "open ",
      "at ",
      "nine.",
    ]);
    expect(chunks.map((c) => c.type)).toEqual(["delta", "delta", "delta", "delta", "done"]);
    const done = chunks.at(-1);
    if (done?.type !== "done") throw new Error("no done chunk");
    expect(done.result.content).toBe("We open at nine.");
    expect(done.result.finishReason).toBe("stop");
    expect(done.result.metrics.usage.totalTokens).toBeGreaterThan(0);
    expect(done.result.metrics.estimated).toBeUndefined();
    expect(done.result.metrics.firstTokenMs).toBeGreaterThanOrEqual(0);
    expect(fake.requests[0]?.body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it("estimates a stream's usage when the server sends no usage chunk", async () => {
    fake.setResponder(() => ({ content: "12345678", usage: null }));
    const chunks = await collect(provider().chatStream({ model: "gpt-4o-mini", messages }));
    const done = chunks.at(-1);
    if (done?.type !== "done") throw new Error("no done chunk");
    expect(done.result.metrics).toMatchObject({ estimated: true, usage: { completionTokens: 2 } });
  });

  it("streams spread latency: the first delta arrives before the whole answer", async () => {
    fake.setLatency(200, { endpoint: "chat", spreadAcrossChunks: true });
    fake.setResponder(() => ({ content: "one two three four" }));
    const chunks = await collect(provider().chatStream({ model: "gpt-4o-mini", messages }));
    const done = chunks.at(-1);
    if (done?.type !== "done") throw new Error("no done chunk");
    expect(done.result.metrics.latencyMs).toBeGreaterThanOrEqual(150);
    expect(done.result.metrics.firstTokenMs).toBeLessThan(done.result.metrics.latencyMs - 80);
  });
});
