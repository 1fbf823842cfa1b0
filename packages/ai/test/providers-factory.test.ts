import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLlmProviders, OFFLINE_LABEL } from "../src/providers/create-llm-providers";
import { startFakeOpenAI, type FakeOpenAI } from "../src/testing";

describe("createLlmProviders", () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI({ apiKey: "sk-live" });
  });
  afterAll(() => fake.close());

  it("goes offline without a key: deterministic local chat, hashed embeddings, lexicon moderation", async () => {
    const providers = createLlmProviders({ apiKey: null });
    expect(providers).toMatchObject({ offline: true, label: OFFLINE_LABEL });
    expect(providers.chat.kind).toBe("offline");
    const embedded = await providers.embedder.embed(["opening hours"]);
    expect(embedded.vectors[0]).toHaveLength(providers.embedder.dimensions);
    expect(embedded.metrics.costUsd).toBe(0);
    expect((await providers.moderator.moderate("fuck you")).flagged).toBe(true);
    expect(fake.requests).toHaveLength(0);
  });

  it("labels OpenAI by model and goes online with a key", () => {
    const providers = createLlmProviders({ apiKey: "sk-live", defaultChatModel: "gpt-4.1-mini" });
    expect(providers).toMatchObject({ offline: false, label: "OpenAI · gpt-4.1-mini" });
    expect(providers.chat.kind).toBe("openai");
    expect(providers.embedder.model).toBe("text-embedding-3-small");
  });

  it("talks to a compatible server by base URL, labelled by host", async () => {
    const providers = createLlmProviders({
      apiKey: "sk-live",
      baseURL: fake.url,
      defaultChatModel: "llama3.1",
      embeddingModel: "text-embedding-3-small",
      embeddingDimensions: 32,
      embeddingBatchSize: 10,
    });
    expect(providers.label).toBe(`OpenAI-compatible · ${new URL(fake.url).host}`);
    const reply = await providers.chat.chat({
      model: "",
      messages: [{ role: "user", content: "hi" }],
    });
    expect(reply.content).toBe("Echo: hi");
    const embedded = await providers.embedder.embed(["a"]);
    expect(embedded.vectors[0]).toHaveLength(32);
    expect((await providers.moderator.moderate("you idiot")).category).toBe("harassment");
    expect(fake.requests.map((r) => r.chat?.model ?? r.path)).toEqual([
      "llama3.1",
      "/v1/embeddings",
      "/v1/moderations",
    ]);
  });

  it("needs no key for a self-hosted server", () => {
    const providers = createLlmProviders({ baseURL: "http://127.0.0.1:11434/v1" });
    expect(providers).toMatchObject({
      offline: false,
      label: "OpenAI-compatible · 127.0.0.1:11434",
    });
  });
});
