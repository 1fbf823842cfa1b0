import { createHash, randomBytes } from "node:crypto";
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { batchWriteAll } from "../lib/batch-write";
import { fromItemKeys } from "../lib/case";
import { isConditionalCheckFailed } from "../lib/errors";
import { queryAll } from "../lib/query";
import { expiryAfterSeconds, isExpired, toEpochSeconds } from "../lib/ttl";
import { adminSessionSchema } from "../schemas/admin-session";
import type { AdminSession, SessionClientInfo } from "../schemas/admin-session";
import type { RepositoryContext } from "./context";
import { sweepExpiredItems } from "./expiry-sweeper";
import type { SweepResult } from "./expiry-sweeper";

type Item = Record<string, unknown>;

const SESSION_PREFIX = "session#";

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

const sessionKey = (sessionId: string) => `${SESSION_PREFIX}${sessionId}`;

function toSession(item: Item): AdminSession {
  const { sessionKey: key, ...rest } = fromItemKeys(item);
  return adminSessionSchema.parse({ ...rest, sessionId: String(key).slice(SESSION_PREFIX.length) });
}

/**
 * Admin sessions in the reference's sessions table. Only sha256(token) is stored: a leaked table does not
 * leak usable sessions. Expired sessions read as absent whether or not TTL has deleted them yet.
 */
export function createSessionsRepository(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.sessions;

  const live = (item: Item | undefined): item is Item =>
    item !== undefined &&
    typeof item.user_id === "string" &&
    !isExpired(item, "expires_at", ctx.now());

  const deleteById = async (sessionId: string): Promise<void> => {
    await db.doc.send(
      new DeleteCommand({ TableName, Key: { session_key: sessionKey(sessionId) } }),
    );
  };

  const listOfUser = (userId: string): Promise<AdminSession[]> =>
    queryAll(
      db,
      {
        TableName,
        IndexName: "user-index",
        KeyConditionExpression: "user_id = :user",
        ExpressionAttributeValues: { ":user": userId },
      },
      (item) => (live(item) ? toSession(item) : undefined),
      ctx.queryPageSize,
    );

  return {
    /** Returns the raw token exactly once; only its hash is kept. */
    async createSession(
      userId: string,
      ttlSeconds: number,
      client: SessionClientInfo = {},
    ): Promise<{ token: string; session: AdminSession }> {
      const token = randomBytes(32).toString("base64url");
      const now = ctx.now();
      const item: Item = {
        session_key: sessionKey(hashSessionToken(token)),
        user_id: userId,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: expiryAfterSeconds(now, ttlSeconds),
        user_agent: client.userAgent,
        ip: client.ip,
      };
      await db.doc.send(
        new PutCommand({
          TableName,
          Item: item,
          ConditionExpression: "attribute_not_exists(session_key)",
        }),
      );
      return { token, session: toSession(item) };
    },

    async getSession(token: string): Promise<AdminSession | null> {
      const out = await db.doc.send(
        new GetCommand({
          TableName,
          Key: { session_key: sessionKey(hashSessionToken(token)) },
          ConsistentRead: true,
        }),
      );
      return live(out.Item) ? toSession(out.Item) : null;
    },

    /** Records activity; with `extendSeconds` also slides the expiry. An expired session stays dead. */
    async touchSession(
      token: string,
      options: { extendSeconds?: number } = {},
    ): Promise<AdminSession | null> {
      const now = ctx.now();
      const values: Item = { ":now": now.toISOString(), ":nowSeconds": toEpochSeconds(now) };
      let expression = "SET last_seen_at = :now";
      if (options.extendSeconds !== undefined) {
        expression += ", expires_at = :expires";
        values[":expires"] = expiryAfterSeconds(now, options.extendSeconds);
      }
      try {
        const out = await db.doc.send(
          new UpdateCommand({
            TableName,
            Key: { session_key: sessionKey(hashSessionToken(token)) },
            UpdateExpression: expression,
            ConditionExpression: "attribute_exists(user_id) AND expires_at > :nowSeconds",
            ExpressionAttributeValues: values,
            ReturnValues: "ALL_NEW",
          }),
        );
        return toSession(out.Attributes ?? {});
      } catch (error) {
        if (isConditionalCheckFailed(error)) return null;
        throw error;
      }
    },

    async deleteSession(token: string): Promise<void> {
      await deleteById(hashSessionToken(token));
    },

    /** By the public id (the token's hash), e.g. "sign out that device" from a sessions list. */
    deleteSessionById: deleteById,

    listSessionsOfUser: listOfUser,

    /** Signs a user out everywhere (deactivation, password change), optionally keeping one session. */
    async deleteSessionsOfUser(
      userId: string,
      options: { exceptSessionId?: string } = {},
    ): Promise<number> {
      const sessions = await queryAll(
        db,
        {
          TableName,
          IndexName: "user-index",
          KeyConditionExpression: "user_id = :user",
          ExpressionAttributeValues: { ":user": userId },
          ProjectionExpression: "session_key",
        },
        (item) => String(item.session_key).slice(SESSION_PREFIX.length),
        ctx.queryPageSize,
      );
      const doomed = sessions.filter((id) => id !== options.exceptSessionId);
      await batchWriteAll(
        db,
        TableName,
        doomed.map((id) => ({ DeleteRequest: { Key: { session_key: sessionKey(id) } } })),
      );
      return doomed.length;
    },

    /** Maintenance only (a Scan): reclaims expired sessions and cache entries. See sweepExpiredItems. */
    sweepExpired(options: { limit?: number; cursor?: string | null } = {}): Promise<SweepResult> {
      return sweepExpiredItems(db, "sessions", { ...options, now: ctx.now() });
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
