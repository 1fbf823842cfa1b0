import { DEFAULT_TABLE_NAMES } from "@agents-crm/config";
import { createRepositories, openDatabase, provisionTables } from "@agents-crm/db";
import type { Db } from "@agents-crm/db";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChunkStore } from "../src/rag/chunk-store";
import { createHashedEmbedder } from "../src/rag/hashed-embedder";
import { createKnowledgeBase } from "../src/rag/knowledge-base";
import { about, CHUNKING, hours, SOURCES } from "./rag-fixtures";
import { knowledgeBaseSuite } from "./rag-knowledge-base-suite";

let db: Db;
let store: ChunkStore;

beforeAll(async () => {
  db = await openDatabase({ mode: "embedded", tables: DEFAULT_TABLE_NAMES });
  await provisionTables(db);
  // A small page size makes every load follow several Query pages.
  store = createRepositories(db, { queryPageSize: 7 }).ragChunks;
});
afterAll(() => db.close());

knowledgeBaseSuite("the embedded DynamoDB repository", () => store);

describe("knowledge base on the reference's tables", () => {
  it("replaces the reference's whole-document rows (JSON embeddings, no model) on the first index", async () => {
    const agentId = "doctor_001";
    await db.doc.send(
      new PutCommand({
        TableName: db.tables.ragDocuments,
        Item: {
          agent_id: agentId,
          document_id: about.id,
          title: about.title,
          content: about.content,
          embedding: JSON.stringify(Array.from({ length: 1536 }, (_, i) => Math.sin(i) / 40)),
          metadata: JSON.stringify({ type: "text" }),
        },
      }),
    );
    const kb = createKnowledgeBase({
      chunks: store,
      embedder: createHashedEmbedder(),
      chunking: CHUNKING,
    });
    const before = await kb.retrieve({ agentId, query: "parking", topK: 3, scoreThreshold: 0 });
    expect(before.sources).toEqual([]);
    expect(before.warning).toMatch(/re-index/);

    const result = await kb.indexAgent(agentId, SOURCES);
    expect(result.embeddedSources).toHaveLength(SOURCES.length);
    const stored = await store.loadAll(agentId);
    expect(stored).toHaveLength(result.chunks);
    expect(stored.every((c) => c.embeddingModel === createHashedEmbedder().model)).toBe(true);
    const after = await kb.retrieve({
      agentId,
      query: "What are your opening hours?",
      topK: 3,
      scoreThreshold: 0.1,
    });
    expect(after.warning).toBeUndefined();
    expect(after.sources[0]?.sourceId).toBe(hours.id);
  });
});
