import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LlmError } from "../src/providers/errors";
import { createOpenAIChatProvider } from "../src/providers/openai-chat";
import type { ChatStreamChunk } from "../src/providers/types";
import { startFakeOpenAI, type FakeOpenAI } from "../src/testing";

const messages = [{ role: "user" as const, content: "Hello" }];

describe("retries, timeouts and typed errors", () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());
  const chat = (options: { maxRetries?: number; timeoutMs?: number } = {}) =>
    createOpenAIChatProvider({ apiKey: "k", baseURL: fake.url, retryBaseDelayMs: 10, ...options });

  it("retries a 429 after the server's retry-after, then succeeds", async () => {
    fake.failNext(1, 429, undefined, { "retry-after": "0.3" });
    const started = Date.now();
    const result = await chat().chat({ model: "gpt-4o-mini", messages });

    expect(result.metrics.attempts).toBe(2);
    const gap = (fake.requests[1]?.receivedAt ?? 0) - (fake.requests[0]?.receivedAt ?? 0);
    expect(gap).toBeGreaterThanOrEqual(280);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("honours retry-after-ms over retry-after", async () => {
    fake.failNext(1, 429, undefined, { "retry-after-ms": "120", "retry-after": "30" });
    const result = await chat().chat({ model: "gpt-4o-mini", messages });
    const gap = (fake.requests[1]?.receivedAt ?? 0) - (fake.requests[0]?.receivedAt ?? 0);
    expect(result.metrics.attempts).toBe(2);
    expect(gap).toBeGreaterThanOrEqual(110);
    expect(gap).toBeLessThan(1_000);
  });

  it("retries 500s and dropped connections with back-off, counting attempts", async () => {
    fake.failNext(1, 500);
    fake.failNext(1, 0);
    const result = await chat().chat({ model: "gpt-4o-mini", messages });
    expect(result.metrics.attempts).toBe(3);
    expect(fake.requests).toHaveLength(3);
  });

  it("gives up after the configured attempts with a retryable server error", async () => {
    fake.failNext(2, 503);
    const error = await chat({ maxRetries: 1 })
      .chat({ model: "gpt-4o-mini", messages })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ kind: "server", retryable: true, status: 503, attempts: 2 });
    expect(fake.requests).toHaveLength(2);
  });

  it("never retries a 400 or an auth error", async () => {
    fake.failNext(1, 400);
    await expect(chat().chat({ model: "gpt-4o-mini", messages })).rejects.toMatchObject({
      kind: "bad_request",
      retryable: false,
      attempts: 1,
    });
    fake.failNext(1, 401);
    await expect(chat().chat({ model: "gpt-4o-mini", messages })).rejects.toMatchObject({
      kind: "auth",
    });
    expect(fake.requests).toHaveLength(2);
  });

  it("does not retry a 429 for an exhausted quota", async () => {
    fake.failNext(1, 429, {
      error: { message: "quota", type: "insufficient_quota", code: "insufficient_quota" },
    });
    await expect(chat().chat({ model: "gpt-4o-mini", messages })).rejects.toMatchObject({
      kind: "rate_limited",
      retryable: false,
      code: "insufficient_quota",
    });
    expect(fake.requests).toHaveLength(1);
  });

  it("does not wait for a retry-after longer than the call's time budget", async () => {
    fake.failNext(1, 429, undefined, { "retry-after": "20" });
    const started = Date.now();
    await expect(
      chat({ timeoutMs: 1_000 }).chat({ model: "gpt-4o-mini", messages }),
    ).rejects.toMatchObject({
      kind: "rate_limited",
      retryAfterMs: 20_000,
    });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("turns a slow server into a timeout error (per-call timeout)", async () => {
    fake.setLatency(1_000);
    const started = Date.now();
    const error = await chat()
      .chat({ model: "gpt-4o-mini", messages, timeoutMs: 150 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "timeout", retryable: false });
    expect(Date.now() - started).toBeLessThan(800);
  });

  it("reports a caller's abort as aborted and a caller's AbortSignal.timeout as a timeout", async () => {
    fake.setLatency(1_000);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(
      chat().chat({ model: "gpt-4o-mini", messages, signal: controller.signal }),
    ).rejects.toMatchObject({ kind: "aborted" });
    await expect(
      chat().chat({ model: "gpt-4o-mini", messages, signal: AbortSignal.timeout(50) }),
    ).rejects.toMatchObject({ kind: "timeout" });
  });

  it("keeps message text out of error messages", async () => {
    fake.failNext(1, 400, {
      error: { message: "Bad content: Hello secret", type: "invalid_request_error", code: null },
    });
    const error = await chat()
      .chat({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hello secret" }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).message).not.toContain("secret");
  });

  it("retries a stream that fails before its first delta", async () => {
    fake.failNext(1, 502);
    const chunks: ChatStreamChunk[] = [];
    for await (const chunk of chat().chatStream({ model: "gpt-4o-mini", messages }))
      chunks.push(chunk);
    expect(chunks.at(-1)).toMatchObject({ type: "done", result: { metrics: { attempts: 2 } } });
  });

  it("never replays a stream after a delta was emitted", async () => {
    fake.setResponder(() => ({
      content: "one two three",
      chunks: ["one ", "two ", "three"],
      dropAfterChunks: 2,
    }));
    const deltas: string[] = [];
    const error = await (async () => {
      for await (const chunk of chat().chatStream({ model: "gpt-4o-mini", messages })) {
        if (chunk.type === "delta") deltas.push(chunk.text);
      }
    })().catch((e: unknown) => e);

    expect(deltas).toEqual(["one ", "two "]);
    expect(error).toMatchObject({ kind: "network", attempts: 1 });
    expect(fake.requests).toHaveLength(1);
  });

  it("times out a stream that stalls mid-way", async () => {
    fake.setLatency(3_000, { endpoint: "chat", spreadAcrossChunks: true });
    const deltas: string[] = [];
    const error = await (async () => {
      for await (const chunk of chat().chatStream({
        model: "gpt-4o-mini",
        messages,
        timeoutMs: 200,
      })) {
        if (chunk.type === "delta") deltas.push(chunk.text);
      }
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "timeout" });
    expect(deltas).toEqual([]);
  });
});
