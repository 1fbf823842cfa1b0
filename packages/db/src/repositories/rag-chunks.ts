import type { Db } from "../client/db";
import { batchDeleteAll, batchWriteAll } from "../lib/batch-write";
import type { Page, PageRequest } from "../lib/page";
import { clampLimit } from "../lib/page";
import { keyAttributes, queryAll, queryCount, queryPage } from "../lib/query";
import { ragChunkSchema } from "../schemas/rag-chunk";
import type { RagChunk } from "../schemas/rag-chunk";
import { tableDefinition } from "../tables/definitions";
import type { RepositoryContext } from "./context";
import { decodeEmbedding, encodeEmbedding } from "./rag-embedding";

const TABLE = tableDefinition("ragDocuments");
const KEYS = keyAttributes(TABLE);

export function chunkDocumentId(sourceId: string, chunkIndex: number): string {
  return `${sourceId}#${String(chunkIndex).padStart(5, "0")}`;
}

function toItem(chunk: RagChunk): Record<string, unknown> {
  return {
    agent_id: chunk.agentId,
    document_id: chunkDocumentId(chunk.sourceId, chunk.chunkIndex),
    source_id: chunk.sourceId,
    chunk_index: chunk.chunkIndex,
    title: chunk.title,
    content: chunk.content,
    embedding: encodeEmbedding(chunk.embedding),
    embedding_model: chunk.embeddingModel,
    metadata: chunk.metadata,
  };
}

/** Rows written by the reference (one per source, JSON-string embedding and metadata) read as chunk 0. */
function fromItem(item: Record<string, unknown>): RagChunk {
  const documentId = String(item.document_id);
  const metadata =
    typeof item.metadata === "string" ? (JSON.parse(item.metadata) as unknown) : item.metadata;
  return ragChunkSchema.parse({
    agentId: item.agent_id,
    sourceId: item.source_id ?? documentId,
    chunkIndex: item.chunk_index ?? 0,
    title: item.title ?? "",
    content: item.content ?? "",
    embedding: decodeEmbedding(item.embedding),
    embeddingModel: item.embedding_model ?? "",
    ...(metadata && typeof metadata === "object" && Object.keys(metadata).length > 0
      ? { metadata }
      : {}),
  });
}

export function createRagChunksRepository(db: Db, ctx: RepositoryContext) {
  const tableName = db.tables.ragDocuments;
  const byAgent = (agentId: string) => ({
    TableName: tableName,
    KeyConditionExpression: "agent_id = :a",
    ExpressionAttributeValues: { ":a": agentId },
  });

  async function keysWhere(agentId: string, sourceId?: string) {
    return queryAll(
      db,
      {
        ...byAgent(agentId),
        ProjectionExpression: "agent_id, document_id, source_id",
        ...(sourceId === undefined
          ? {}
          : {
              // Filtering on source_id (not begins_with) keeps "a" from matching source "a#b".
              KeyConditionExpression: "agent_id = :a AND begins_with(document_id, :prefix)",
              FilterExpression: "source_id = :s",
              ExpressionAttributeValues: {
                ":a": agentId,
                ":prefix": `${sourceId}#`,
                ":s": sourceId,
              },
            }),
      },
      (item) => ({ agent_id: item.agent_id, document_id: item.document_id }),
      ctx.queryPageSize,
    );
  }

  const deleteKeys = (keys: Record<string, unknown>[]) => batchDeleteAll(db, tableName, keys);

  return {
    async putMany(chunks: readonly RagChunk[]): Promise<void> {
      const items = chunks.map((c) => toItem(ragChunkSchema.parse(c)));
      await batchWriteAll(
        db,
        tableName,
        items.map((Item) => ({ PutRequest: { Item } })),
      );
    },

    listByAgent(agentId: string, options: PageRequest = {}): Promise<Page<RagChunk>> {
      return queryPage(db, {
        input: byAgent(agentId),
        keys: KEYS,
        scope: `rag:${agentId}`,
        cursor: options.cursor,
        limit: clampLimit(options.limit),
        map: fromItem,
        pageSize: ctx.queryPageSize,
      });
    },

    /** Every chunk of an agent, following every page (the retriever's in-memory index). */
    loadAll(agentId: string): Promise<RagChunk[]> {
      return queryAll(db, byAgent(agentId), fromItem, ctx.queryPageSize);
    },

    /** Returns how many rows were deleted. */
    async deleteByAgent(agentId: string): Promise<number> {
      return deleteKeys(await keysWhere(agentId));
    },

    async deleteBySource(agentId: string, sourceId: string): Promise<number> {
      return deleteKeys(await keysWhere(agentId, sourceId));
    },

    countByAgent(agentId: string): Promise<number> {
      return queryCount(db, byAgent(agentId));
    },
  };
}

export type RagChunksRepository = ReturnType<typeof createRagChunksRepository>;
