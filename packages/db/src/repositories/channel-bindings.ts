import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { toItemKeys } from "../lib/case";
import { NotFoundError, VersionConflictError, isConditionalCheckFailed } from "../lib/errors";
import { newUuid } from "../lib/ids";
import { parseItem } from "../lib/parse-item";
import { queryAll } from "../lib/query";
import { buildUpdate } from "../lib/update-expression";
import {
  SECRET_LOOKING_KEY,
  channelBindingSchema,
  createChannelBindingInputSchema,
  updateChannelBindingInputSchema,
} from "../schemas/channel-binding";
import type {
  ChannelBinding,
  ChannelType,
  CreateChannelBindingInput,
  UpdateChannelBindingInput,
} from "../schemas/channel-binding";
import { secretNames } from "../secrets/names";
import type { RepositoryContext } from "./context";
import type { SecretsRepository } from "./secrets";
import { versionCondition } from "./version-condition";

type Item = Record<string, unknown>;

export interface ChannelCredentials {
  accessToken: string;
  /** Secret companions stored with the token (e.g. app_secret). */
  secretMetadata: Record<string, unknown>;
}

/**
 * Rows written by the reference may carry app_secret in plain `metadata`; such keys are dropped on read
 * so no listing ever returns them.
 */
function toBinding(item: Item): ChannelBinding {
  const binding = parseItem(channelBindingSchema, item, "channel binding", String(item.binding_id));
  const metadata = Object.fromEntries(
    Object.entries(binding.metadata).filter(([key]) => !SECRET_LOOKING_KEY.test(key)),
  );
  return { ...binding, metadata };
}

/**
 * Channel bindings (agent ↔ Instagram account / Telegram bot / WhatsApp number / web chat). Tokens and
 * other credentials live only in the encrypted secret store; rows and every read here are token-free
 * except the explicitly named credential getters.
 */
export function createChannelBindingsRepository(
  db: Db,
  ctx: RepositoryContext,
  secrets: SecretsRepository,
) {
  const TableName = db.tables.channelBindings;

  const getItem = async (bindingId: string): Promise<Item | undefined> => {
    const out = await db.doc.send(
      new GetCommand({ TableName, Key: { binding_id: bindingId }, ConsistentRead: true }),
    );
    return out.Item;
  };

  const get = async (bindingId: string): Promise<ChannelBinding | null> => {
    const item = await getItem(bindingId);
    return item ? toBinding(item) : null;
  };

  const getCredentials = async (bindingId: string): Promise<ChannelCredentials | null> => {
    const binding = await get(bindingId);
    if (!binding) return null;
    const value = await secrets.get(binding.secretName);
    if (value === null) return null;
    if (typeof value === "string") return { accessToken: value, secretMetadata: {} };
    const { access_token: accessToken, ...secretMetadata } = value;
    return typeof accessToken === "string" ? { accessToken, secretMetadata } : null;
  };

  const activeFirst = (items: ChannelBinding[]) =>
    [...items].sort((a, b) => Number(b.isActive) - Number(a.isActive));

  return {
    get,
    getCredentials,

    async create(input: CreateChannelBindingInput): Promise<ChannelBinding> {
      const parsed = createChannelBindingInputSchema.parse(input);
      const bindingId = parsed.bindingId ?? newUuid();
      const now = ctx.now().toISOString();
      const secretName = secretNames.channelAccessToken(parsed.channelType, bindingId);
      const webhookSecretName = parsed.webhookSecret
        ? secretNames.channelWebhookSecret(parsed.channelType, bindingId)
        : undefined;
      const binding: ChannelBinding = {
        bindingId,
        agentId: parsed.agentId,
        channelType: parsed.channelType,
        channelAccountId: parsed.channelAccountId,
        channelUsername: parsed.channelUsername,
        secretName,
        webhookSecretName,
        isActive: parsed.isActive ?? true,
        isVerified: false,
        createdAt: now,
        updatedAt: now,
        createdBy: parsed.createdBy,
        metadata: parsed.metadata ?? {},
        version: 1,
      };
      // Secrets first: a row never points at a secret that was not written.
      await secrets.put(secretName, { access_token: parsed.accessToken, ...parsed.secretMetadata });
      if (webhookSecretName && parsed.webhookSecret) {
        await secrets.put(webhookSecretName, parsed.webhookSecret);
      }
      await db.doc.send(
        new PutCommand({
          TableName,
          Item: toItemKeys(binding),
          ConditionExpression: "attribute_not_exists(binding_id)",
        }),
      );
      return binding;
    },

    /** Every binding of an agent (a handful), optionally one channel type / active ones only. */
    async listByAgent(
      agentId: string,
      options: { channelType?: ChannelType; activeOnly?: boolean } = {},
    ): Promise<ChannelBinding[]> {
      const items = await queryAll(
        db,
        {
          TableName,
          IndexName: "agent_id-index",
          KeyConditionExpression:
            "agent_id = :agent" + (options.channelType ? " AND channel_type = :type" : ""),
          ExpressionAttributeValues: {
            ":agent": agentId,
            ...(options.channelType ? { ":type": options.channelType } : {}),
          },
        },
        toBinding,
        ctx.queryPageSize,
      );
      return options.activeOnly ? items.filter((b) => b.isActive) : items;
    },

    /** Bindings of a platform account (webhook routing), active ones first. */
    async findByAccount(channelType: ChannelType, accountId: string): Promise<ChannelBinding[]> {
      const items = await queryAll(
        db,
        {
          TableName,
          IndexName: "channel_account-index",
          KeyConditionExpression: "channel_type = :type AND channel_account_id = :account",
          ExpressionAttributeValues: { ":type": channelType, ":account": accountId },
        },
        toBinding,
        ctx.queryPageSize,
      );
      return activeFirst(items);
    },

    /** A new access token re-encrypts the secret and resets is_verified (it must be verified again). */
    async update(bindingId: string, input: UpdateChannelBindingInput): Promise<ChannelBinding> {
      const parsed = updateChannelBindingInputSchema.parse(input);
      const current = await get(bindingId);
      if (!current) throw new NotFoundError("channel binding", bindingId);
      const expectedVersion = parsed.expectedVersion ?? current.version;
      const webhookSecretName = parsed.webhookSecret
        ? (current.webhookSecretName ??
          secretNames.channelWebhookSecret(current.channelType, bindingId))
        : undefined;
      const version = versionCondition(expectedVersion);
      const update = buildUpdate(
        toItemKeys({
          isActive: parsed.isActive,
          isVerified: parsed.accessToken !== undefined ? false : parsed.isVerified,
          channelUsername: parsed.channelUsername,
          metadata: parsed.metadata,
          webhookSecretName,
          updatedAt: ctx.now().toISOString(),
        }),
        {
          set: ["#v = if_not_exists(#v, :zero) + :one"],
          names: { "#id": "binding_id", "#v": "version", ...version.names },
          values: { ":zero": 0, ":one": 1, ...version.values },
        },
      );
      let updated: ChannelBinding;
      try {
        const out = await db.doc.send(
          new UpdateCommand({
            TableName,
            Key: { binding_id: bindingId },
            ...update,
            ConditionExpression: ["attribute_exists(#id)", version.expression]
              .filter(Boolean)
              .join(" AND "),
            ReturnValues: "ALL_NEW",
          }),
        );
        updated = toBinding(out.Attributes ?? {});
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
        throw (await getItem(bindingId))
          ? new VersionConflictError("channel binding", bindingId, expectedVersion)
          : new NotFoundError("channel binding", bindingId);
      }
      if (parsed.accessToken !== undefined || parsed.secretMetadata !== undefined) {
        const existing = await getCredentials(bindingId);
        const accessToken = parsed.accessToken ?? existing?.accessToken;
        if (accessToken === undefined) {
          throw new Error(
            `channel binding ${bindingId} has no access token to keep; pass accessToken`,
          );
        }
        await secrets.put(current.secretName, {
          access_token: accessToken,
          ...(parsed.secretMetadata ?? existing?.secretMetadata),
        });
      }
      if (webhookSecretName && parsed.webhookSecret) {
        await secrets.put(webhookSecretName, parsed.webhookSecret);
      }
      return updated;
    },

    /** Removes the row, then its secrets (a crash in between leaves only unreachable ciphertext). */
    async delete(bindingId: string): Promise<boolean> {
      const out = await db.doc.send(
        new DeleteCommand({ TableName, Key: { binding_id: bindingId }, ReturnValues: "ALL_OLD" }),
      );
      if (!out.Attributes) return false;
      const binding = toBinding(out.Attributes);
      await secrets.delete(binding.secretName);
      if (binding.webhookSecretName) await secrets.delete(binding.webhookSecretName);
      return true;
    },

    /** Explicit secret read: the decrypted access token, or null when the binding or secret is missing. */
    async getAccessToken(bindingId: string): Promise<string | null> {
      return (await getCredentials(bindingId))?.accessToken ?? null;
    },

    /** The shared secret a platform echoes on webhooks (Telegram's secret_token), if one was set. */
    async getWebhookSecret(bindingId: string): Promise<string | null> {
      const binding = await get(bindingId);
      if (!binding?.webhookSecretName) return null;
      const value = await secrets.get(binding.webhookSecretName);
      return typeof value === "string" ? value : null;
    },

    /** Records a delivery/verification failure for the console; `null` clears it. No version bump. */
    async recordError(bindingId: string, error: string | null): Promise<void> {
      const now = ctx.now().toISOString();
      try {
        await db.doc.send(
          new UpdateCommand({
            TableName,
            Key: { binding_id: bindingId },
            ...(error === null
              ? { UpdateExpression: "REMOVE last_error, last_error_at" }
              : {
                  UpdateExpression: "SET last_error = :error, last_error_at = :now",
                  ExpressionAttributeValues: { ":error": error.slice(0, 2000), ":now": now },
                }),
            ConditionExpression: "attribute_exists(binding_id)",
          }),
        );
      } catch (err) {
        if (isConditionalCheckFailed(err)) throw new NotFoundError("channel binding", bindingId);
        throw err;
      }
    },
  };
}

export type ChannelBindingsRepository = ReturnType<typeof createChannelBindingsRepository>;
