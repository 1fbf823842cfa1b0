import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { NotFoundError, isConditionalCheckFailed } from "../lib/errors";
import type { ChannelBinding } from "../schemas/channel-binding";
import type { ChannelCredentials } from "./channel-binding-credentials";
import type { RepositoryContext } from "./context";
import type { SecretsRepository } from "./secrets";

export type TokenProblem = NonNullable<ChannelBinding["tokenProblem"]>;

/**
 * A token's life on its binding: a refreshed token replaces the encrypted one (its companions kept) and
 * the row records until when it works; a refresh that failed is recorded for the console. No version
 * bump: these are the product's own bookkeeping, not an edit a console form could lose.
 */
export function createChannelBindingTokenLife(
  db: Db,
  ctx: RepositoryContext,
  secrets: SecretsRepository,
  read: {
    get: (bindingId: string) => Promise<ChannelBinding | null>;
    getCredentials: (bindingId: string) => Promise<ChannelCredentials | null>;
  },
) {
  const TableName = db.tables.channelBindings;

  const updateRow = async (
    bindingId: string,
    update: { UpdateExpression: string; ExpressionAttributeValues?: Record<string, unknown> },
  ) => {
    try {
      await db.doc.send(
        new UpdateCommand({
          TableName,
          Key: { binding_id: bindingId },
          ...update,
          ConditionExpression: "attribute_exists(binding_id)",
        }),
      );
    } catch (error) {
      if (isConditionalCheckFailed(error)) throw new NotFoundError("channel binding", bindingId);
      throw error;
    }
  };

  return {
    /**
     * Stores a refreshed token in place of `previousToken`. Returns false (and stores nothing) when the
     * binding's token changed meanwhile: staff pasted a new one, which must not be overwritten.
     */
    async storeRefreshedToken(
      bindingId: string,
      input: { previousToken: string; accessToken: string; expiresAt: string },
    ): Promise<boolean> {
      const binding = await read.get(bindingId);
      const current = await read.getCredentials(bindingId);
      if (!binding || current?.accessToken !== input.previousToken) return false;
      // Secret first: a row never claims a life for a token that was not stored.
      await secrets.put(binding.secretName, {
        access_token: input.accessToken,
        ...current.secretMetadata,
      });
      await updateRow(bindingId, {
        UpdateExpression:
          "SET token_expires_at = :expires, token_refreshed_at = :now REMOVE token_problem",
        ExpressionAttributeValues: {
          ":expires": input.expiresAt,
          ":now": ctx.now().toISOString(),
        },
      });
      return true;
    },

    /** Records why the token could not be refreshed (or that it was revoked); `null` clears it. */
    async recordTokenProblem(bindingId: string, problem: TokenProblem | null): Promise<void> {
      await updateRow(
        bindingId,
        problem === null
          ? { UpdateExpression: "REMOVE token_problem" }
          : {
              UpdateExpression: "SET token_problem = :problem",
              ExpressionAttributeValues: {
                ":problem": { ...problem, message: problem.message.slice(0, 500) },
              },
            },
      );
    },
  };
}
