import { describe, expect, it } from "vitest";
import { createHashedEmbedder } from "../src/rag/hashed-embedder";
import { createKnowledgeBase } from "../src/rag/knowledge-base";
import { InMemoryChunks } from "./turn-kit";

const LONG = Array.from(
  { length: 60 },
  (_, i) => `Section ${i}: the clinic offers treatment number ${i} at a fair price with care.`,
).join("\n\n");

describe("indexing one library document", () => {
  it("embeds in bounded batches, reporting progress between them, then replaces the document's chunks", async () => {
    const chunks = new InMemoryChunks();
    const knowledge = createKnowledgeBase({
      chunks,
      embedder: createHashedEmbedder(),
      chunking: { targetSize: 200, overlap: 0 },
    });
    await knowledge.indexAgent("a", [{ id: "inline", title: "Inline", content: "Open 9 to 18." }]);
    const progress: number[] = [];
    const document = {
      documentId: "kd_long00001",
      title: "Long",
      text: LONG,
      kind: "pdf",
      sendable: false,
    };
    const first = await knowledge.indexDocument("a", document, {
      batchChunks: 4,
      onProgress: (percent) => (progress.push(percent), true),
    });
    expect(first.chunks).toBeGreaterThan(8);
    expect(progress.length).toBe(Math.ceil(first.chunks / 4));
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(progress.at(-1)).toBe(95);
    expect(await chunks.countByAgent("a")).toBe(first.chunks + 1);

    const shorter = await knowledge.indexDocument(
      "a",
      { ...document, text: "Only one short section now." },
      { batchChunks: 4 },
    );
    expect(shorter.chunks).toBe(1);
    expect(await chunks.countByAgent("a")).toBe(2);

    const stopped = await knowledge.indexDocument("a", document, {
      batchChunks: 4,
      onProgress: () => false,
    });
    expect(stopped).toMatchObject({ stopped: true, chunks: 0 });
    expect(await chunks.countByAgent("a")).toBe(2);
    expect(await knowledge.removeDocument("a", "kd_long00001")).toBe(1);
    expect(await chunks.countByAgent("a")).toBe(1);
  });
});
