import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { toItemKeys } from "../lib/case";
import { NotFoundError, isConditionalCheckFailed } from "../lib/errors";
import { parseItem } from "../lib/parse-item";
import { keyAttributes, queryAll, queryPage } from "../lib/query";
import { expiryAfterHours, isExpired, toEpochSeconds } from "../lib/ttl";
import { buildUpdate } from "../lib/update-expression";
import {
  fileRecordSchema,
  type FileRecord,
  type FileRecordPatch,
  type NewFileRecord,
} from "../schemas/file";
import { tableDefinition } from "../tables/definitions";
import type { RepositoryContext } from "./context";

const TABLE = tableDefinition("files");
const EXPIRY_KEYS = keyAttributes(TABLE, "expiry-index");
const EXPIRES = "expires_at";
const BATCH_GET_LIMIT = 100;
const MAX_ROUNDS = 8;

/** Sorts as a string in time order (epoch seconds fit 12 digits for 30,000 years). */
const expirySort = (expiresAt: number, fileId: string) =>
  `${String(expiresAt).padStart(12, "0")}#${fileId}`;

export interface ExpiredFilesPage {
  files: FileRecord[];
  /** null once the whole table has been walked. */
  nextCursor: string | null;
}

export function createFilesRepository(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.files;

  const read = (item: Record<string, unknown>): FileRecord | undefined =>
    isExpired(item, EXPIRES, ctx.now())
      ? undefined
      : parseItem(fileRecordSchema, item, "file", String(item.file_id));

  return {
    /** Stores a new file's metadata; a second put of the same id is refused (ids are never reused). */
    async put(input: NewFileRecord): Promise<FileRecord> {
      const now = ctx.now();
      const defaultExpiry =
        input.purpose === "conversation" ? expiryAfterHours(now, ctx.messageTtlHours) : undefined;
      const { expiresAt: given, ...rest } = input;
      const record: FileRecord = fileRecordSchema.parse({
        ...rest,
        createdAt: now.toISOString(),
        expiresAt: given === null ? undefined : (given ?? defaultExpiry),
      });
      await db.doc.send(
        new PutCommand({
          TableName,
          Item: {
            ...toItemKeys(record),
            ...(record.expiresAt === undefined
              ? {}
              : { expiry_pk: "FILE", expiry_sort: expirySort(record.expiresAt, record.fileId) }),
          },
          ConditionExpression: "attribute_not_exists(file_id)",
        }),
      );
      return record;
    },

    async get(fileId: string): Promise<FileRecord | null> {
      const out = await db.doc.send(
        new GetCommand({ TableName, Key: { file_id: fileId }, ConsistentRead: true }),
      );
      return (out.Item && read(out.Item)) ?? null;
    },

    /** fileId → record for those that exist (one BatchGet per 100 ids: a transcript page costs one read). */
    async getMany(fileIds: readonly string[]): Promise<Map<string, FileRecord>> {
      const found = new Map<string, FileRecord>();
      const unique = [...new Set(fileIds)];
      for (let start = 0; start < unique.length; start += BATCH_GET_LIMIT) {
        let keys: Record<string, unknown>[] = unique
          .slice(start, start + BATCH_GET_LIMIT)
          .map((id) => ({ file_id: id }));
        for (let round = 0; keys.length > 0 && round < MAX_ROUNDS; round++) {
          const out = await db.doc.send(
            new BatchGetCommand({ RequestItems: { [TableName]: { Keys: keys } } }),
          );
          for (const item of out.Responses?.[TableName] ?? []) {
            const record = read(item);
            if (record) found.set(record.fileId, record);
          }
          keys = (out.UnprocessedKeys?.[TableName]?.Keys ?? []) as Record<string, unknown>[];
        }
        if (keys.length > 0) throw new Error(`files: ${keys.length} keys still unprocessed`);
      }
      return found;
    },

    /** Every file of a conversation (a conversation holds a bounded number of messages). */
    listByConversation(conversationId: string): Promise<FileRecord[]> {
      return queryAll(
        db,
        {
          TableName,
          IndexName: "conversation-index",
          KeyConditionExpression: "conversation_id = :c",
          ExpressionAttributeValues: { ":c": conversationId },
        },
        // Expired ones too: deleting a conversation's files must find them all.
        (item) => parseItem(fileRecordSchema, item, "file", String(item.file_id)),
        ctx.queryPageSize,
      );
    },

    /** Changes a file's metadata; NotFoundError when it is gone. */
    async update(fileId: string, patch: FileRecordPatch): Promise<FileRecord> {
      const parts = buildUpdate(toItemKeys(patch));
      try {
        const out = await db.doc.send(
          new UpdateCommand({
            TableName,
            Key: { file_id: fileId },
            ...parts,
            ConditionExpression: "attribute_exists(file_id)",
            ReturnValues: "ALL_NEW",
          }),
        );
        return parseItem(fileRecordSchema, out.Attributes ?? {}, "file", fileId);
      } catch (error) {
        if (isConditionalCheckFailed(error)) throw new NotFoundError("file", fileId);
        throw error;
      }
    },

    async delete(fileId: string): Promise<void> {
      await db.doc.send(new DeleteCommand({ TableName, Key: { file_id: fileId } }));
    },

    /** Files past their expiry, oldest first, a page at a time: the retention sweeper deletes each object, then its item. */
    async listExpired(
      options: { cursor?: string | null; limit?: number } = {},
    ): Promise<ExpiredFilesPage> {
      const page = await queryPage(db, {
        input: {
          TableName,
          IndexName: "expiry-index",
          KeyConditionExpression: "expiry_pk = :pk AND expiry_sort <= :now",
          ExpressionAttributeValues: {
            ":pk": "FILE",
            ":now": expirySort(toEpochSeconds(ctx.now()), "~"),
          },
        },
        keys: EXPIRY_KEYS,
        scope: "files:expired",
        cursor: options.cursor,
        limit: Math.min(1000, Math.max(1, options.limit ?? 200)),
        map: (item) => parseItem(fileRecordSchema, item, "file", String(item.file_id)),
        pageSize: ctx.queryPageSize,
      });
      return { files: page.items, nextCursor: page.nextCursor };
    },
  };
}

export type FilesRepository = ReturnType<typeof createFilesRepository>;
