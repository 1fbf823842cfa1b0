import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RagChunk } from "../src/schemas/rag-chunk";
import { startTestDb } from "../src/testing";
import type { TestDb } from "../src/testing";
import { collectAll } from "./support/collect";

let t: TestDb;

beforeAll(async () => {
  t = await startTestDb({ queryPageSize: 8 });
});
afterAll(() => t.close());

function chunk(agentId: string, sourceId: string, chunkIndex: number, dims = 16): RagChunk {
  // A view at an odd offset of a bigger buffer: encoding must respect byteOffset.
  const backing = new Float32Array(dims + 3);
  const embedding = backing.subarray(3);
  for (let i = 0; i < dims; i++) embedding[i] = Math.fround(Math.sin(chunkIndex * 31 + i) * 0.5);
  return {
    agentId,
    sourceId,
    chunkIndex,
    title: `${sourceId} part ${chunkIndex}`,
    content: `content ${chunkIndex} `.repeat(20),
    embedding,
    embeddingModel: "text-embedding-3-small",
    metadata: { page: chunkIndex + 1, tags: ["faq"] },
  };
}

describe("ragChunks", () => {
  it("round-trips embeddings bit for bit and pages through an agent's chunks", async () => {
    const chunks = [
      ...Array.from({ length: 40 }, (_, i) => chunk("agent-a", "doc_about", i)),
      ...Array.from({ length: 30 }, (_, i) => chunk("agent-a", "doc_prices", i)),
      ...Array.from({ length: 5 }, (_, i) => chunk("agent-b", "doc_about", i)),
    ];
    await t.repos.ragChunks.putMany(chunks);
    const all = await t.repos.ragChunks.loadAll("agent-a");
    expect(all).toHaveLength(70);
    const first = all.find((c) => c.sourceId === "doc_about" && c.chunkIndex === 7);
    const { embedding: _expected, ...fields } = chunk("agent-a", "doc_about", 7);
    expect(first).toMatchObject(fields);
    expect(Array.from(first?.embedding ?? [])).toEqual(
      Array.from(chunk("agent-a", "doc_about", 7).embedding),
    );

    const paged = await collectAll(
      (cursor) => t.repos.ragChunks.listByAgent("agent-a", { cursor, limit: 15 }),
      15,
    );
    expect(paged.items.map((c) => `${c.sourceId}#${c.chunkIndex}`)).toEqual(
      all.map((c) => `${c.sourceId}#${c.chunkIndex}`),
    );
    expect(await t.repos.ragChunks.countByAgent("agent-a")).toBe(70);
  });

  it("deletes by source without touching a source whose id extends it", async () => {
    await t.repos.ragChunks.putMany([
      chunk("agent-c", "faq", 0),
      chunk("agent-c", "faq", 1),
      chunk("agent-c", "faq#old", 0),
    ]);
    expect(await t.repos.ragChunks.deleteBySource("agent-c", "faq")).toBe(2);
    expect((await t.repos.ragChunks.loadAll("agent-c")).map((c) => c.sourceId)).toEqual([
      "faq#old",
    ]);
  });

  it("deletes by agent, leaving other agents alone", async () => {
    expect(await t.repos.ragChunks.deleteByAgent("agent-a")).toBe(70);
    expect(await t.repos.ragChunks.countByAgent("agent-a")).toBe(0);
    expect(await t.repos.ragChunks.countByAgent("agent-b")).toBe(5);
  });

  it("reads the reference's rows (JSON-string embedding and metadata) as chunk 0", async () => {
    await t.db.doc.send(
      new PutCommand({
        TableName: t.db.tables.ragDocuments,
        Item: {
          agent_id: "legacy",
          document_id: "doc_about",
          title: "About",
          content: "Open 9-18",
          embedding: JSON.stringify([0.5, -0.25, 1]),
          metadata: "{}",
        },
      }),
    );
    const [row] = await t.repos.ragChunks.loadAll("legacy");
    expect(row).toMatchObject({ sourceId: "doc_about", chunkIndex: 0, title: "About" });
    expect(Array.from(row?.embedding ?? [])).toEqual([0.5, -0.25, 1]);
  });
});
