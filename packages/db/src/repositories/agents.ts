import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { toItemKeys } from "../lib/case";
import {
  AlreadyExistsError,
  NotFoundError,
  VersionConflictError,
  isConditionalCheckFailed,
} from "../lib/errors";
import type { Page, PageRequest } from "../lib/page";
import { clampLimit } from "../lib/page";
import { parseItem } from "../lib/parse-item";
import { buildUpdate } from "../lib/update-expression";
import { keyAttributes, queryPage } from "../lib/query";
import { agentRecordSchema } from "../schemas/agent";
import type { AgentConfigDocument, AgentRecord, CreateAgentInput } from "../schemas/agent";
import { tableDefinition } from "../tables/definitions";
import type { RepositoryContext } from "./context";
import { versionCondition } from "./version-condition";

const TABLE = tableDefinition("agents");
const LIST_INDEX = "list-index";
const LIST_PK = "AGENT";
const LIST_KEYS = keyAttributes(TABLE, LIST_INDEX);

export interface ListAgentsOptions extends PageRequest {
  activeOnly?: boolean;
}

export function createAgentsRepository(db: Db, ctx: RepositoryContext) {
  const tableName = db.tables.agents;
  const toRecord = (item: Record<string, unknown>): AgentRecord =>
    parseItem(agentRecordSchema, item, "agent", String(item.agent_id));

  async function get(agentId: string): Promise<AgentRecord | null> {
    const out = await db.doc.send(
      new GetCommand({ TableName: tableName, Key: { agent_id: agentId }, ConsistentRead: true }),
    );
    return out.Item ? toRecord(out.Item) : null;
  }

  /** Tells a missing agent from a stale version after a failed conditional write. */
  async function conditionFailure(agentId: string, expectedVersion?: number): Promise<Error> {
    return (await get(agentId))
      ? new VersionConflictError("agent", agentId, expectedVersion)
      : new NotFoundError("agent", agentId);
  }

  async function updateFields(
    agentId: string,
    fields: Record<string, unknown>,
    expectedVersion?: number,
  ): Promise<AgentRecord> {
    const version = versionCondition(expectedVersion);
    const update = buildUpdate(toItemKeys({ ...fields, updatedAt: ctx.now().toISOString() }), {
      set: ["#v = if_not_exists(#v, :zero) + :one"],
      names: { "#id": "agent_id", "#v": "version", ...version.names },
      values: { ":zero": 0, ":one": 1, ...version.values },
    });
    try {
      const out = await db.doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { agent_id: agentId },
          ...update,
          ConditionExpression: ["attribute_exists(#id)", version.expression]
            .filter(Boolean)
            .join(" AND "),
          ReturnValues: "ALL_NEW",
        }),
      );
      return toRecord(out.Attributes ?? {});
    } catch (error) {
      if (isConditionalCheckFailed(error)) throw await conditionFailure(agentId, expectedVersion);
      throw error;
    }
  }

  return {
    get,

    async create(input: CreateAgentInput): Promise<AgentRecord> {
      const now = ctx.now().toISOString();
      const record: AgentRecord = {
        agentId: input.agentId,
        config: input.config,
        createdAt: now,
        updatedAt: now,
        isActive: input.isActive ?? true,
        version: 1,
      };
      try {
        await db.doc.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...toItemKeys(record), list_pk: LIST_PK },
            ConditionExpression: "attribute_not_exists(agent_id)",
          }),
        );
      } catch (error) {
        if (isConditionalCheckFailed(error)) throw new AlreadyExistsError("agent", input.agentId);
        throw error;
      }
      return record;
    },

    /** Replaces the config document; created_at is kept, the version bumps. */
    update(
      agentId: string,
      input: { config: AgentConfigDocument; expectedVersion?: number },
    ): Promise<AgentRecord> {
      return updateFields(agentId, { config: input.config }, input.expectedVersion);
    },

    setActive(
      agentId: string,
      isActive: boolean,
      options: { expectedVersion?: number } = {},
    ): Promise<AgentRecord> {
      // list_pk is re-set so agents written by the reference (which lack it) join the list index.
      return updateFields(agentId, { isActive, listPk: LIST_PK }, options.expectedVersion);
    },

    /** Agents by id, through the list index (never a Scan). */
    list(options: ListAgentsOptions = {}): Promise<Page<AgentRecord>> {
      return queryPage(db, {
        input: {
          TableName: tableName,
          IndexName: LIST_INDEX,
          KeyConditionExpression: "list_pk = :pk",
          ...(options.activeOnly
            ? {
                FilterExpression: "is_active = :active",
                ExpressionAttributeValues: { ":pk": LIST_PK, ":active": true },
              }
            : { ExpressionAttributeValues: { ":pk": LIST_PK } }),
        },
        keys: LIST_KEYS,
        scope: options.activeOnly ? "agents:active" : "agents:all",
        cursor: options.cursor,
        limit: clampLimit(options.limit),
        map: toRecord,
        pageSize: ctx.queryPageSize,
      });
    },
  };
}

export type AgentsRepository = ReturnType<typeof createAgentsRepository>;
