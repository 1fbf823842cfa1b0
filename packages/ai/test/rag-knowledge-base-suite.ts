import { describe, expect, it } from "vitest";
import type { ChunkStore } from "../src/rag/chunk-store";
import { createHashedEmbedder, HASHED_EMBEDDING_MODEL } from "../src/rag/hashed-embedder";
import type { KnowledgeBaseDeps } from "../src/rag/knowledge-base";
import { createKnowledgeBase } from "../src/rag/knowledge-base";
import { about, arabic, CHUNKING, hours, prices, russian, SOURCES } from "./rag-fixtures";
import { RenamedEmbedder } from "./rag-test-embedders";

let agentCounter = 0;
const newAgentId = () => `agent-${++agentCounter}`;

function manualClock(start = Date.parse("2026-03-01T10:00:00.000Z")) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

/** The knowledge base's behaviour against a chunk store; run on the in-memory store and on DynamoDB. */
export function knowledgeBaseSuite(name: string, getStore: () => ChunkStore): void {
  const kbWith = (overrides: Partial<KnowledgeBaseDeps> = {}) =>
    createKnowledgeBase({
      chunks: getStore(),
      embedder: createHashedEmbedder(),
      chunking: CHUNKING,
      ...overrides,
    });
  const ask = (
    kb: ReturnType<typeof kbWith>,
    agentId: string,
    query: string,
    topK = 3,
    scoreThreshold = 0.1,
  ) => kb.retrieve({ agentId, query, topK, scoreThreshold });

  describe(`knowledge base on ${name}`, () => {
    it("indexes sources into chunks and retrieves the chunk that answers the question", async () => {
      const kb = kbWith();
      const agentId = newAgentId();
      const indexed = await kb.indexAgent(agentId, SOURCES);
      expect(indexed.chunks).toBe(await getStore().countByAgent(agentId));
      expect(indexed.chunks).toBeGreaterThan(SOURCES.length);
      expect(indexed.embeddedSources).toEqual(SOURCES.map((s) => s.id));
      expect(indexed.metrics[0]).toMatchObject({
        step: "embedding",
        model: HASHED_EMBEDDING_MODEL,
      });

      const cases: [string, string][] = [
        ["What are your opening hours?", hours.id],
        ["How much does botox cost?", prices.id],
        ["Where is the clinic located? Is there parking?", about.id],
        ["Какие у вас часы работы?", russian.id],
        ["كم تكلف الاستشارة؟", arabic.id],
      ];
      for (const [query, sourceId] of cases) {
        const { sources, metrics, warning } = await ask(kb, agentId, query);
        expect({ query, top: sources[0]?.sourceId }).toEqual({ query, top: sourceId });
        expect(metrics).toMatchObject({ step: "embedding", model: HASHED_EMBEDDING_MODEL });
        expect(warning).toBeUndefined();
        const scores = sources.map((s) => s.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
      }
      const [best] = (await ask(kb, agentId, "When are you open on Saturday?")).sources;
      expect(best).toMatchObject({ sourceId: hours.id, title: hours.title });
      expect(best?.content).toContain("Saturday from 10:00 to 14:00");
    });

    it("honours top_k and the score threshold", async () => {
      const kb = kbWith();
      const agentId = newAgentId();
      const { chunks } = await kb.indexAgent(agentId, SOURCES);
      expect((await ask(kb, agentId, "opening hours", 1)).sources).toHaveLength(1);
      expect((await ask(kb, agentId, "opening hours", 50, -1)).sources).toHaveLength(chunks);
      const strict = await ask(kb, agentId, "opening hours", 50, 0.3);
      expect(strict.sources.length).toBeGreaterThan(0);
      expect(strict.sources.length).toBeLessThan(chunks);
      for (const source of strict.sources) expect(source.score).toBeGreaterThanOrEqual(0.3);
      const none = await ask(kb, agentId, "opening hours", 5, 0.99);
      expect(none.sources).toEqual([]);
      expect(none.metrics).not.toBeNull();
      expect((await ask(kb, agentId, "opening hours", 0)).sources).toEqual([]);
    });

    it("returns an empty list, not a placeholder, for an agent without knowledge or an empty query", async () => {
      const kb = kbWith();
      const agentId = newAgentId();
      expect((await ask(kb, agentId, "opening hours")).sources).toEqual([]);
      // Once the empty index is cached no embedding is paid for.
      expect(await ask(kb, agentId, "opening hours")).toEqual({ sources: [], metrics: null });
      await kb.indexAgent(agentId, SOURCES);
      expect(await ask(kb, agentId, "   ")).toEqual({ sources: [], metrics: null });
    });

    it("re-embeds only the sources that changed and deletes the ones that disappeared", async () => {
      const clock = manualClock();
      const kb = kbWith({ now: clock.now });
      const agentId = newAgentId();
      await kb.indexAgent(agentId, [hours, prices, about]);
      const firstIndexedAt = clock.now().toISOString();
      clock.advance(60_000);

      const newPrices = {
        ...prices,
        content: "Microneedling costs 900 AED per session. Consultations are free in March.",
      };
      const result = await kb.indexAgent(agentId, [hours, newPrices]);
      expect(result.embeddedSources).toEqual([prices.id]);
      expect(result.removedSources).toEqual([about.id]);
      expect(result.metrics).toHaveLength(1);

      const stored = await getStore().loadAll(agentId);
      expect(result.chunks).toBe(stored.length);
      expect(new Set(stored.map((c) => c.sourceId))).toEqual(new Set([hours.id, prices.id]));
      for (const chunk of stored) {
        const expected = chunk.sourceId === hours.id ? firstIndexedAt : clock.now().toISOString();
        expect(chunk.metadata?.indexedAt).toBe(expected);
      }
      expect(stored.find((c) => c.sourceId === prices.id)?.metadata?.sourceType).toBe("text");
      const { sources } = await ask(kb, agentId, "how much is microneedling", 10, -1);
      expect(sources[0]?.content).toContain("Microneedling");
      expect(sources.some((s) => s.sourceId === about.id)).toBe(false);

      const again = await kb.indexAgent(agentId, [hours, newPrices]);
      expect(again).toEqual({
        chunks: stored.length,
        metrics: [],
        embeddedSources: [],
        removedSources: [],
      });
    });

    it("leaves no stale chunks when a source shrinks or is emptied", async () => {
      const kb = kbWith();
      const agentId = newAgentId();
      await kb.indexAgent(agentId, [prices, hours]);
      const before = (await getStore().loadAll(agentId)).filter((c) => c.sourceId === prices.id);
      expect(before.length).toBeGreaterThan(1);
      await kb.indexAgent(agentId, [
        { ...prices, content: "Everything costs 100 AED." },
        { ...hours, content: " \n " },
      ]);
      const after = await getStore().loadAll(agentId);
      expect(after.map((c) => [c.sourceId, c.chunkIndex, c.content])).toEqual([
        [prices.id, 0, "Everything costs 100 AED."],
      ]);
    });

    it("re-embeds everything on a model switch and, until then, warns instead of mixing vector spaces", async () => {
      const agentId = newAgentId();
      await kbWith().indexAgent(agentId, SOURCES);
      const other = kbWith({
        embedder: new RenamedEmbedder("other-model", createHashedEmbedder()),
      });

      const before = await ask(other, agentId, "opening hours");
      expect(before.sources).toEqual([]);
      expect(before.warning).toMatch(/re-index/);

      const result = await other.indexAgent(agentId, SOURCES);
      expect(result.embeddedSources).toEqual(SOURCES.map((s) => s.id));
      const stored = await getStore().loadAll(agentId);
      expect(new Set(stored.map((c) => c.embeddingModel))).toEqual(new Set(["other-model"]));
      const after = await ask(other, agentId, "opening hours");
      expect(after.sources[0]?.sourceId).toBe(hours.id);
      expect(after.warning).toBeUndefined();
    });

    it("treats vectors of another dimension as needing a re-index, without throwing", async () => {
      const agentId = newAgentId();
      await kbWith().indexAgent(agentId, SOURCES);
      const resized = kbWith({ embedder: createHashedEmbedder({ dimensions: 256 }) });
      const before = await ask(resized, agentId, "opening hours");
      expect(before.sources).toEqual([]);
      expect(before.warning).toMatch(/512-dimensional.*256.*re-index/);
      expect((await resized.indexAgent(agentId, SOURCES)).embeddedSources).toHaveLength(
        SOURCES.length,
      );
      expect((await ask(resized, agentId, "opening hours")).sources[0]?.sourceId).toBe(hours.id);
    });

    it("serves retrieval from memory until the agent is invalidated", async () => {
      const kb = kbWith();
      const agentId = newAgentId();
      await kb.indexAgent(agentId, [hours]);
      expect(
        (await ask(kb, agentId, "opening hours", 10, -1)).sources.map((s) => s.sourceId),
      ).toEqual([hours.id]);

      const embedder = createHashedEmbedder();
      const content = "Pets are welcome in the waiting room.";
      const { vectors } = await embedder.embed([content]);
      await getStore().putMany([
        {
          agentId,
          sourceId: "pets",
          chunkIndex: 0,
          title: "Pets",
          content,
          embedding: Float32Array.from(vectors[0] ?? []),
          embeddingModel: embedder.model,
        },
      ]);
      expect((await ask(kb, agentId, "pets", 10, -1)).sources.map((s) => s.sourceId)).toEqual([
        hours.id,
      ]);
      kb.invalidate(agentId);
      expect((await ask(kb, agentId, "pets", 10, -1)).sources[0]?.sourceId).toBe("pets");
    });

    it("removes an agent's chunks and forgets its index", async () => {
      const kb = kbWith();
      const agentId = newAgentId();
      const neighbour = newAgentId();
      await kb.indexAgent(agentId, SOURCES);
      await kb.indexAgent(neighbour, [hours]);
      expect((await ask(kb, agentId, "opening hours")).sources.length).toBeGreaterThan(0);
      await kb.removeAgent(agentId);
      expect(await getStore().countByAgent(agentId)).toBe(0);
      expect((await ask(kb, agentId, "opening hours")).sources).toEqual([]);
      expect(await getStore().countByAgent(neighbour)).toBeGreaterThan(0);
    });

    it("rejects duplicate source ids before storing anything", async () => {
      const kb = kbWith();
      const agentId = newAgentId();
      await expect(kb.indexAgent(agentId, [hours, { ...prices, id: hours.id }])).rejects.toThrow(
        /duplicate source id/,
      );
      expect(await getStore().countByAgent(agentId)).toBe(0);
    });
  });
}
