import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOpenAIEmbedder } from "../src/providers/openai-embedder";
import { fakeEmbedding, startFakeOpenAI, type FakeOpenAI } from "../src/testing";

describe("OpenAI embedder", () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());
  /** An embedder on the fake server, with `options` on top. */
  const fakeEmbedder = (options: Partial<Parameters<typeof createOpenAIEmbedder>[0]> = {}) =>
    createOpenAIEmbedder({ apiKey: "k", baseURL: fake.url, ...options });

  it("embeds in batches, keeps input order and decodes base64 vectors", async () => {
    const embedder = fakeEmbedder({ batchSize: 2, dimensions: 64 });
    const texts = ["opening hours", "prices of botox", "parking", "doctor profile", "address"];
    const result = await embedder.embed(texts);

    expect(fake.requests.map((r) => (r.body as { input: string[] }).input)).toEqual([
      ["opening hours", "prices of botox"],
      ["parking", "doctor profile"],
      ["address"],
    ]);
    for (const request of fake.requests) {
      expect(request.body).toMatchObject({
        model: "text-embedding-3-small",
        dimensions: 64,
        encoding_format: "base64",
      });
    }
    expect(result.vectors).toHaveLength(5);
    result.vectors.forEach((vector, i) => {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(Array.from(vector)).toEqual(Array.from(fakeEmbedding(texts[i] ?? "", 64)));
    });
    expect(embedder.dimensions).toBe(64);
    expect(result.metrics).toMatchObject({
      step: "embedding",
      model: "text-embedding-3-small",
      attempts: 3,
    });
    expect(result.metrics.usage.promptTokens).toBeGreaterThan(0);
    expect(result.metrics.costUsd).toBeCloseTo(
      (result.metrics.usage.promptTokens * 0.02) / 1e6,
      12,
    );
  });

  it("uses the native size of text-embedding-3-small by default", async () => {
    const embedder = fakeEmbedder();
    expect(embedder.dimensions).toBe(1536);
    const result = await embedder.embed(["hello"]);
    expect(result.vectors[0]).toHaveLength(1536);
    expect(fake.requests[0]?.body).not.toHaveProperty("dimensions");
  });

  it("does not send dimensions to other models and learns their size from the first answer", async () => {
    const embedder = fakeEmbedder({ model: "nomic-embed-text", dimensions: 768 });
    const result = await embedder.embed(["hello", ""]);
    expect(fake.requests[0]?.body).not.toHaveProperty("dimensions");
    expect((fake.requests[0]?.body as { input: string[] }).input).toEqual(["hello", " "]);
    expect(result.vectors).toHaveLength(2);
    expect(embedder.dimensions).toBe(1536);
    expect(result.metrics.costUsd).toBe(0);
  });

  it("retries a failed batch and counts every attempt", async () => {
    fake.failNext(1, 500, undefined, {}, "embeddings");
    const embedder = fakeEmbedder({ dimensions: 8, retryBaseDelayMs: 5 });
    const result = await embedder.embed(["a", "b"]);
    expect(result.vectors).toHaveLength(2);
    expect(result.metrics.attempts).toBe(2);
  });

  it("returns nothing for no input without calling the server", async () => {
    const embedder = fakeEmbedder();
    const result = await embedder.embed([]);
    expect(result.vectors).toEqual([]);
    expect(result.metrics.attempts).toBe(0);
    expect(fake.requests).toHaveLength(0);
  });

  it("fails the whole call with a typed error when a batch fails for good", async () => {
    fake.failNext(1, 400, undefined, {}, "embeddings");
    const embedder = fakeEmbedder({ batchSize: 1, concurrency: 1 });
    await expect(embedder.embed(["a", "b", "c"])).rejects.toMatchObject({ kind: "bad_request" });
    expect(fake.requests).toHaveLength(1);
  });
});
