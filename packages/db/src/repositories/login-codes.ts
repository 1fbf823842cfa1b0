import { createHash, createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { isConditionalCheckFailed } from "../lib/errors";
import { expiryAfterSeconds, isExpired, toEpochSeconds } from "../lib/ttl";
import type { EncryptionKey } from "../secrets/encryption-key";
import type { RepositoryContext } from "./context";
import { SecretKeyMissingError } from "./secrets";

/** What a guess at an account's code came to. */
export type RedeemOutcome =
  | { outcome: "ok" }
  | { outcome: "wrong"; attemptsLeft: number }
  /** No live code: never issued, expired, used, burned by wrong guesses, or superseded meanwhile. */
  | { outcome: "absent" };

// The address is hashed into the key so the table does not hold a list of staff addresses in plain.
// One live code per address and requesting browser (`challenge`): a code asked for elsewhere neither
// replaces nor shares its guesses with this one.
const codeKey = (email: string, challenge: string) =>
  `login-code#${createHash("sha256").update(`${email.trim().toLowerCase()}\0${challenge}`, "utf8").digest("hex")}`;

/**
 * One-time sign-in codes, one live code per address, in the sessions table (its TTL attribute reclaims
 * them; readers treat an expired code as absent because the embedded engine never expires items). Only
 * an HMAC of the code is stored, keyed by the secret encryption key, which is not in the table: a
 * six-digit code under a plain hash would fall to a million guesses offline.
 */
export function createLoginCodesRepository(
  db: Db,
  ctx: RepositoryContext,
  encryptionKey: EncryptionKey | undefined,
) {
  const TableName = db.tables.sessions;
  let macKey: Buffer | null = null;
  const digest = (email: string, code: string): string => {
    if (!encryptionKey) throw new SecretKeyMissingError();
    macKey ??= Buffer.from(
      hkdfSync("sha256", encryptionKey.key, Buffer.alloc(0), "agents-crm/login-code", 32),
    );
    return createHmac("sha256", macKey)
      .update(`${email.trim().toLowerCase()}\0${code}`, "utf8")
      .digest("hex");
  };

  const burn = async (key: string, codeHash: string) => {
    try {
      await db.doc.send(
        new DeleteCommand({
          TableName,
          Key: { session_key: key },
          ConditionExpression: "code_hash = :hash",
          ExpressionAttributeValues: { ":hash": codeHash },
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  };

  return {
    /**
     * Stores a new code for the address asked for by the browser holding `challenge`, replacing (and
     * so invalidating) the earlier one that browser asked for.
     */
    async issue(
      email: string,
      code: string,
      options: { ttlSeconds: number; maxAttempts: number; challenge: string },
    ): Promise<void> {
      const now = ctx.now();
      await db.doc.send(
        new PutCommand({
          TableName,
          Item: {
            session_key: codeKey(email, options.challenge),
            code_hash: digest(email, code),
            attempts: 0,
            max_attempts: options.maxAttempts,
            created_at: now.toISOString(),
            expires_at: expiryAfterSeconds(now, options.ttlSeconds),
          },
        }),
      );
    },

    /**
     * Checks a guess. A right one is consumed by a conditional delete, so of two concurrent uses one
     * wins; a wrong one counts against the code, and the guess that exhausts it deletes it.
     */
    async redeem(email: string, code: string, challenge: string): Promise<RedeemOutcome> {
      const Key = { session_key: codeKey(email, challenge) };
      const out = await db.doc.send(new GetCommand({ TableName, Key, ConsistentRead: true }));
      const item = out.Item;
      const nowSeconds = toEpochSeconds(ctx.now());
      if (
        !item ||
        typeof item.code_hash !== "string" ||
        isExpired(item, "expires_at", ctx.now()) ||
        Number(item.attempts) >= Number(item.max_attempts)
      ) {
        return { outcome: "absent" };
      }
      const stored = item.code_hash;
      const guess = digest(email, code);
      const live = {
        ConditionExpression: "code_hash = :hash AND attempts < max_attempts AND expires_at > :now",
        ExpressionAttributeValues: { ":hash": stored, ":now": nowSeconds },
      };
      try {
        if (timingSafeEqual(Buffer.from(guess), Buffer.from(stored))) {
          await db.doc.send(new DeleteCommand({ TableName, Key, ...live }));
          return { outcome: "ok" };
        }
        const updated = await db.doc.send(
          new UpdateCommand({
            TableName,
            Key,
            UpdateExpression: "ADD attempts :one",
            ...live,
            ExpressionAttributeValues: { ...live.ExpressionAttributeValues, ":one": 1 },
            ReturnValues: "ALL_NEW",
          }),
        );
        const attemptsLeft =
          Number(updated.Attributes?.max_attempts) - Number(updated.Attributes?.attempts);
        if (attemptsLeft <= 0) await burn(Key.session_key, stored);
        return { outcome: "wrong", attemptsLeft: Math.max(0, attemptsLeft) };
      } catch (error) {
        if (isConditionalCheckFailed(error)) return { outcome: "absent" };
        throw error;
      }
    },
  };
}

export type LoginCodesRepository = ReturnType<typeof createLoginCodesRepository>;
