import { describe, expect, it } from "vitest";
import { createHashedEmbedder } from "../src/rag/hashed-embedder";
import type { KnowledgeBaseDeps } from "../src/rag/knowledge-base";
import { createKnowledgeBase } from "../src/rag/knowledge-base";
import { CHUNKING, hours, prices, SOURCES } from "./rag-fixtures";
import { knowledgeBaseSuite } from "./rag-knowledge-base-suite";
import { MemoryChunkStore } from "./rag-memory-chunk-store";
import { RenamedEmbedder, UnavailableEmbedder } from "./rag-test-embedders";

const shared = new MemoryChunkStore();
knowledgeBaseSuite("an in-memory store", () => shared);

function setup(overrides: Partial<KnowledgeBaseDeps> = {}) {
  const store = new MemoryChunkStore();
  const kb = createKnowledgeBase({
    chunks: store,
    embedder: createHashedEmbedder(),
    chunking: CHUNKING,
    ...overrides,
  });
  const ask = (agentId: string, query = "opening hours") =>
    kb.retrieve({ agentId, query, topK: 3, scoreThreshold: 0 });
  return { store, kb, ask };
}

describe("knowledge base index cache", () => {
  it("shares one store load between concurrent first retrieves", async () => {
    const { store, kb, ask } = setup();
    await kb.indexAgent("a", SOURCES);
    store.loadAllCalls = 0;
    const results = await Promise.all(Array.from({ length: 8 }, () => ask("a")));
    expect(store.loadAllCalls).toBe(1);
    for (const r of results) expect(r.sources[0]?.sourceId).toBe(hours.id);
    await ask("a");
    expect(store.loadAllCalls).toBe(1);
  });

  it("evicts the least recently used agent beyond maxCachedAgents", async () => {
    const { store, kb, ask } = setup({ maxCachedAgents: 2 });
    for (const agentId of ["a", "b", "c"]) await kb.indexAgent(agentId, [hours]);
    store.loadAllCalls = 0;
    await ask("a");
    await ask("b");
    await ask("a");
    expect(store.loadAllCalls).toBe(2);
    await ask("c");
    expect(store.loadAllCalls).toBe(3);
    await ask("a");
    expect(store.loadAllCalls).toBe(3);
    await ask("b");
    expect(store.loadAllCalls).toBe(4);
  });

  it("evicts by vector bytes as well", async () => {
    const { store, kb, ask } = setup({ maxCachedBytes: 1 });
    for (const agentId of ["a", "b"]) await kb.indexAgent(agentId, [hours]);
    store.loadAllCalls = 0;
    await ask("a");
    await ask("a");
    await ask("b");
    await ask("a");
    expect(store.loadAllCalls).toBe(3);
  });

  it("reloads an index older than maxIndexAgeMs, so another replica's re-index shows up", async () => {
    let now = Date.parse("2026-03-01T10:00:00.000Z");
    const { store, kb, ask } = setup({ maxIndexAgeMs: 60_000, now: () => new Date(now) });
    await kb.indexAgent("a", [hours]);
    store.loadAllCalls = 0;
    await ask("a");
    now += 59_000;
    await ask("a");
    expect(store.loadAllCalls).toBe(1);
    now += 2_000;
    await ask("a");
    expect(store.loadAllCalls).toBe(2);
  });

  it("keeps a load that an invalidate overtook out of the cache", async () => {
    const { store, kb, ask } = setup();
    await kb.indexAgent("a", [hours]);
    store.loadAllCalls = 0;
    const stale = ask("a");
    kb.invalidate("a");
    await stale;
    await ask("a");
    expect(store.loadAllCalls).toBe(2);
    await ask("a");
    expect(store.loadAllCalls).toBe(2);
  });
});

describe("knowledge base failures", () => {
  it("leaves the previous index intact when the embedder fails", async () => {
    const { store, kb } = setup();
    await kb.indexAgent("a", SOURCES);
    const before = await store.loadAll("a");
    const broken = createKnowledgeBase({
      chunks: store,
      embedder: new UnavailableEmbedder(createHashedEmbedder().model, 512),
      chunking: CHUNKING,
    });
    await expect(
      broken.indexAgent("a", [hours, { ...prices, content: "All prices changed." }]),
    ).rejects.toThrow(/503/);
    expect(await store.loadAll("a")).toEqual(before);
  });

  it("rejects an embedder that returns the wrong number of vectors", async () => {
    const store = new MemoryChunkStore();
    const inner = createHashedEmbedder();
    const lossy = new RenamedEmbedder("lossy", {
      model: "lossy",
      dimensions: inner.dimensions,
      embed: async (texts) => inner.embed(texts.slice(1)),
    });
    const kb = createKnowledgeBase({ chunks: store, embedder: lossy, chunking: CHUNKING });
    await expect(kb.indexAgent("a", SOURCES)).rejects.toThrow(/returned \d+ vectors for \d+ texts/);
    expect(await store.countByAgent("a")).toBe(0);
  });

  it("embeds in calls of embedBatchSize texts and reports each call", async () => {
    const { kb } = setup({ embedBatchSize: 2 });
    const { chunks, metrics } = await kb.indexAgent("a", SOURCES);
    expect(metrics).toHaveLength(Math.ceil(chunks / 2));
  });

  it("rejects a retrieve whose signal is aborted", async () => {
    const { kb } = setup();
    await kb.indexAgent("a", [hours]);
    const controller = new AbortController();
    controller.abort(new Error("turn cancelled"));
    await expect(
      kb.retrieve({
        agentId: "a",
        query: "hours",
        topK: 3,
        scoreThreshold: 0,
        signal: controller.signal,
      }),
    ).rejects.toThrow("turn cancelled");
  });
});
