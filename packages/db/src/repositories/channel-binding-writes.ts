import type { BindingErrorReason } from "@agents-crm/config/binding-errors";
import { DeleteCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { toItemKeys } from "../lib/case";
import { NotFoundError, VersionConflictError, isConditionalCheckFailed } from "../lib/errors";
import { newUuid } from "../lib/ids";
import { buildUpdate } from "../lib/update-expression";
import {
  createChannelBindingInputSchema,
  updateChannelBindingInputSchema,
} from "../schemas/channel-binding";
import type {
  ChannelBinding,
  CreateChannelBindingInput,
  UpdateChannelBindingInput,
} from "../schemas/channel-binding";
import { secretNames } from "../secrets/names";
import type { ChannelCredentials } from "./channel-binding-credentials";
import { toBinding, type Item } from "./channel-binding-reads";
import type { RepositoryContext } from "./context";
import type { SecretsRepository } from "./secrets";
import { versionCondition } from "./version-condition";

/**
 * Creating, changing and removing bindings: the row and its secrets together (secrets first on create,
 * the row first on delete), the row under a version condition.
 */
export function createChannelBindingWrites(
  db: Db,
  ctx: RepositoryContext,
  secrets: SecretsRepository,
  read: {
    getItem: (bindingId: string) => Promise<Item | undefined>;
    get: (bindingId: string) => Promise<ChannelBinding | null>;
    getCredentials: (bindingId: string) => Promise<ChannelCredentials | null>;
  },
) {
  const TableName = db.tables.channelBindings;
  const { getItem, get, getCredentials } = read;

  return {
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
      if (parsed.accessToken !== undefined || parsed.secretMetadata !== undefined) {
        await secrets.put(secretName, {
          ...(parsed.accessToken !== undefined ? { access_token: parsed.accessToken } : {}),
          ...parsed.secretMetadata,
        });
      }
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

    /**
     * A new access token (or none: null) re-encrypts the secret and resets is_verified (it must be
     * verified again), as does a new account.
     */
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
          isVerified:
            parsed.accessToken !== undefined ||
            (parsed.channelAccountId !== undefined &&
              parsed.channelAccountId !== current.channelAccountId)
              ? false
              : parsed.isVerified,
          channelAccountId: parsed.channelAccountId,
          channelUsername: parsed.channelUsername,
          metadata: parsed.metadata,
          webhookSecretName,
          updatedAt: ctx.now().toISOString(),
          // A new token's life is unknown until its first refresh; an old problem is not its problem.
          ...(parsed.accessToken !== undefined
            ? { tokenExpiresAt: null, tokenRefreshedAt: null, tokenProblem: null }
            : {}),
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
      if (parsed.accessToken === null && parsed.secretMetadata === undefined) {
        await secrets.delete(current.secretName);
      } else if (parsed.accessToken !== undefined || parsed.secretMetadata !== undefined) {
        const existing = await getCredentials(bindingId);
        const accessToken =
          parsed.accessToken === null ? undefined : (parsed.accessToken ?? existing?.accessToken);
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

    /**
     * Records a delivery/verification failure for the console, with its reason when it has one;
     * `null` clears it. No version bump.
     */
    async recordError(
      bindingId: string,
      error: string | null,
      reason?: BindingErrorReason,
    ): Promise<void> {
      const now = ctx.now().toISOString();
      try {
        await db.doc.send(
          new UpdateCommand({
            TableName,
            Key: { binding_id: bindingId },
            ...(error === null
              ? { UpdateExpression: "REMOVE last_error, last_error_at, last_error_reason" }
              : reason
                ? {
                    UpdateExpression:
                      "SET last_error = :error, last_error_at = :now, last_error_reason = :reason",
                    ExpressionAttributeValues: {
                      ":error": error.slice(0, 2000),
                      ":now": now,
                      ":reason": reason,
                    },
                  }
                : {
                    UpdateExpression:
                      "SET last_error = :error, last_error_at = :now REMOVE last_error_reason",
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
