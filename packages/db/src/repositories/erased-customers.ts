import { createHash, createHmac, hkdfSync } from "node:crypto";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { expiryAfterSeconds, isExpired } from "../lib/ttl";
import type { EncryptionKey } from "../secrets/encryption-key";
import type { RepositoryContext } from "./context";
import { RETENTION_SECONDS } from "./inbound-event-items";

/**
 * Kept past the webhook inbox's retention (a dead letter is replayable that long), so every event that
 * arrived before an erasure is recognised for as long as it can still be handed out.
 */
export const ERASED_CUSTOMER_SECONDS = RETENTION_SECONDS + 24 * 3600;

/**
 * Tombstones of erased customers: "events of this platform user for this binding that arrived before
 * this time belong to erased data". The inbox's workers check them, so an event queued (or replayed)
 * after the erasure cannot bring the conversation and contact back; a message the customer sends
 * after it starts afresh. The customer is named by an HMAC of the inbox's ordering key (binding and
 * platform user id) under the deployment's secret key, so no phone number or user id of an erased
 * person stays readable in the table. Items sit in the sessions table, like sign-in codes.
 */
export function createErasedCustomersRepository(
  db: Db,
  ctx: RepositoryContext,
  encryptionKey: EncryptionKey | undefined,
) {
  const TableName = db.tables.sessions;
  let macKey: Buffer | null = null;
  const keyOf = (orderKey: string): string => {
    // Without a secret key (scripts, some tests) a plain hash still keeps the id out of sight.
    const digest = encryptionKey
      ? createHmac(
          "sha256",
          (macKey ??= Buffer.from(
            hkdfSync("sha256", encryptionKey.key, Buffer.alloc(0), "agents-crm/erased", 32),
          )),
        )
      : createHash("sha256");
    return `erased#${digest.update(orderKey, "utf8").digest("hex")}`;
  };

  return {
    /** Records that what `orderKeys` name was erased now (a later erasure moves the time on). */
    async remember(orderKeys: readonly string[]): Promise<void> {
      const now = ctx.now();
      await Promise.all(
        [...new Set(orderKeys)].map((orderKey) =>
          db.doc.send(
            new PutCommand({
              TableName,
              Item: {
                session_key: keyOf(orderKey),
                erased_at: now.toISOString(),
                expires_at: expiryAfterSeconds(now, ERASED_CUSTOMER_SECONDS),
              },
            }),
          ),
        ),
      );
    },

    /** When the customer behind this ordering key was last erased; null if never (or long ago). */
    async erasedAt(orderKey: string): Promise<Date | null> {
      const out = await db.doc.send(
        new GetCommand({ TableName, Key: { session_key: keyOf(orderKey) }, ConsistentRead: true }),
      );
      const item = out.Item;
      if (!item || isExpired(item, "expires_at", ctx.now())) return null;
      return typeof item.erased_at === "string" ? new Date(item.erased_at) : null;
    },
  };
}

export type ErasedCustomersRepository = ReturnType<typeof createErasedCustomersRepository>;
