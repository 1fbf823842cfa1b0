import { DeleteCommand, GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { SECRET_ALGORITHM, open, seal } from "../secrets/cipher";
import type { SealedSecret } from "../secrets/cipher";
import type { EncryptionKey } from "../secrets/encryption-key";
import type { RepositoryContext } from "./context";

export type SecretValue = string | Record<string, unknown>;

export class SecretKeyMissingError extends Error {
  constructor() {
    super("secrets need an encryption key: set SECRET_ENCRYPTION_KEY or DATA_DIR");
    this.name = "SecretKeyMissingError";
  }
}

/**
 * Encrypted secret store (AES-256-GCM, name bound as associated data). Rows hold ciphertext, IV, auth tag
 * and the key's fingerprint, never plaintext. `get` is the only way to read a value back.
 */
export function createSecretsRepository(
  db: Db,
  ctx: RepositoryContext,
  encryptionKey: EncryptionKey | undefined,
) {
  const TableName = db.tables.secrets;
  const requireKey = (): EncryptionKey => {
    if (!encryptionKey) throw new SecretKeyMissingError();
    return encryptionKey;
  };

  return {
    /** Creates or replaces; the plaintext is JSON so strings and objects read back as they went in. */
    async put(name: string, value: SecretValue): Promise<void> {
      const sealed = seal(requireKey(), name, JSON.stringify(value));
      const now = ctx.now().toISOString();
      await db.doc.send(
        new UpdateCommand({
          TableName,
          Key: { secret_name: name },
          UpdateExpression:
            "SET ciphertext = :c, iv = :iv, auth_tag = :t, key_id = :k, algorithm = :a, updated_at = :now, created_at = if_not_exists(created_at, :now)",
          ExpressionAttributeValues: {
            ":c": sealed.ciphertext,
            ":iv": sealed.iv,
            ":t": sealed.authTag,
            ":k": sealed.keyId,
            ":a": SECRET_ALGORITHM,
            ":now": now,
          },
        }),
      );
    },

    /** Throws SecretDecryptionError (naming the secret) when the key is wrong or the row was altered. */
    async get(name: string): Promise<SecretValue | null> {
      const out = await db.doc.send(
        new GetCommand({ TableName, Key: { secret_name: name }, ConsistentRead: true }),
      );
      if (!out.Item) return null;
      const item = out.Item;
      const sealed: SealedSecret = {
        ciphertext: String(item.ciphertext),
        iv: String(item.iv),
        authTag: String(item.auth_tag),
        keyId: String(item.key_id),
      };
      return JSON.parse(open(requireKey(), name, sealed)) as SecretValue;
    },

    async exists(name: string): Promise<boolean> {
      const out = await db.doc.send(
        new GetCommand({
          TableName,
          Key: { secret_name: name },
          ProjectionExpression: "secret_name",
          ConsistentRead: true,
        }),
      );
      return out.Item !== undefined;
    },

    async delete(name: string): Promise<void> {
      await db.doc.send(new DeleteCommand({ TableName, Key: { secret_name: name } }));
    },
  };
}

export type SecretsRepository = ReturnType<typeof createSecretsRepository>;
