import { DeleteCommand, GetCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { toItemKeys } from "../lib/case";
import { conditionalPut, conditionalUpdate } from "../lib/conditional-write";
import { parseItem } from "../lib/parse-item";
import { queryAll } from "../lib/query";
import { buildUpdate } from "../lib/update-expression";
import {
  storedKnowledgeDocumentSchema,
  type StoredKnowledgeDocument,
} from "../schemas/knowledge-document";
import type { RepositoryContext } from "./context";

type Item = Record<string, unknown>;

// A null written through an update removes the attribute: read absent ones back as null.
const NULLABLE = [
  "file_id",
  "file_name",
  "mime_type",
  "size",
  "failure_reason",
  "inline_source_id",
];

const toDocument = (item: Item): StoredKnowledgeDocument =>
  parseItem(
    storedKnowledgeDocumentSchema,
    { ...Object.fromEntries(NULLABLE.map((key) => [key, null])), ...item },
    "knowledge document",
    String(item.document_id),
  );

export type KnowledgeDocumentPatch = Partial<
  Pick<
    StoredKnowledgeDocument,
    | "title"
    | "folder"
    | "sendable"
    | "state"
    | "progress"
    | "failureReason"
    | "chunkCount"
    | "caption"
    | "text"
  >
>;

/**
 * The knowledge library's documents, one partition per agent (bounded by the domain). Edits are
 * conditional updates on `version`, so a rename never overwrites an indexing run's progress or the reverse:
 * progress updates go through `setIndexState`, which checks `contentVersion` instead.
 */
export function createKnowledgeDocumentsRepository(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.knowledgeDocuments;
  const Key = (agentId: string, documentId: string) => ({
    agent_id: agentId,
    document_id: documentId,
  });

  return {
    async get(agentId: string, documentId: string): Promise<StoredKnowledgeDocument | null> {
      const out = await db.doc.send(
        new GetCommand({ TableName, Key: Key(agentId, documentId), ConsistentRead: true }),
      );
      return out.Item ? toDocument(out.Item) : null;
    },

    /** Every document of an agent (a bounded partition), newest change last. */
    listByAgent(agentId: string): Promise<StoredKnowledgeDocument[]> {
      return queryAll(
        db,
        {
          TableName,
          KeyConditionExpression: "agent_id = :agent",
          ExpressionAttributeValues: { ":agent": agentId },
          ConsistentRead: true,
        },
        toDocument,
        ctx.queryPageSize,
      );
    },

    /** False when a document with this id exists already. */
    create(document: Omit<StoredKnowledgeDocument, "version">): Promise<boolean> {
      return conditionalPut(db, {
        TableName,
        Item: toItemKeys({ ...document, version: 1 }),
        ConditionExpression: "attribute_not_exists(document_id)",
      });
    },

    /**
     * Applies `patch` over the version read; `reindex` also bumps `contentVersion` (a new indexing run).
     * Null when the document changed or vanished since it was read.
     */
    async update(
      current: StoredKnowledgeDocument,
      patch: KnowledgeDocumentPatch,
      options: { reindex?: boolean } = {},
    ): Promise<StoredKnowledgeDocument | null> {
      const attributes: Item = { updated_at: ctx.now().toISOString() };
      for (const [key, value] of Object.entries(toItemKeys(patch))) attributes[key] = value;
      const parts = buildUpdate(attributes, {
        set: [
          "#version = :next",
          ...(options.reindex ? ["#contentVersion = #contentVersion + :one"] : []),
        ],
        names: {
          "#version": "version",
          ...(options.reindex ? { "#contentVersion": "content_version" } : {}),
        },
        values: {
          ":read": current.version,
          ":next": current.version + 1,
          ...(options.reindex ? { ":one": 1 } : {}),
        },
      });
      const out = await conditionalUpdate(db, {
        TableName,
        Key: Key(current.agentId, current.documentId),
        ...parts,
        ConditionExpression: "#version = :read",
        ReturnValues: "ALL_NEW",
      });
      return out?.Attributes ? toDocument(out.Attributes) : null;
    },

    /**
     * The indexing run's state and progress, written only while the document still has the content
     * version the run indexes (false otherwise: the document changed or was deleted, the run stops).
     */
    async setIndexState(
      agentId: string,
      documentId: string,
      contentVersion: number,
      state: Pick<StoredKnowledgeDocument, "state" | "progress"> &
        Partial<Pick<StoredKnowledgeDocument, "failureReason" | "chunkCount">>,
    ): Promise<boolean> {
      const parts = buildUpdate(
        toItemKeys({
          ...state,
          ...(state.state === "failed" ? {} : { failureReason: null }),
        }),
        {
          names: { "#cv": "content_version" },
          values: { ":cv": contentVersion },
        },
      );
      const out = await conditionalUpdate(db, {
        TableName,
        Key: Key(agentId, documentId),
        ...parts,
        ConditionExpression: "#cv = :cv",
      });
      return out !== null;
    },

    /** The document removed, or null when there was none. */
    async remove(agentId: string, documentId: string): Promise<StoredKnowledgeDocument | null> {
      const out = await db.doc.send(
        new DeleteCommand({ TableName, Key: Key(agentId, documentId), ReturnValues: "ALL_OLD" }),
      );
      return out.Attributes ? toDocument(out.Attributes) : null;
    },
  };
}

export type KnowledgeDocumentsRepository = ReturnType<typeof createKnowledgeDocumentsRepository>;
