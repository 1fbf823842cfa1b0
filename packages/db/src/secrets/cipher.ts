import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { EncryptionKey } from "./encryption-key";

export const SECRET_ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;

export interface SealedSecret {
  ciphertext: string;
  iv: string;
  authTag: string;
  keyId: string;
}

export class SecretDecryptionError extends Error {
  constructor(
    readonly secretName: string,
    reason: string,
  ) {
    super(`cannot decrypt secret "${secretName}": ${reason}`);
    this.name = "SecretDecryptionError";
  }
}

/** The secret's name is bound in as associated data, so a ciphertext copied onto another row fails. */
export function seal(key: EncryptionKey, name: string, plaintext: string): SealedSecret {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(SECRET_ALGORITHM, key.key, iv);
  cipher.setAAD(Buffer.from(name, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return {
    ciphertext: ciphertext.toString("base64"),
    iv: iv.toString("base64"),
    authTag: cipher.getAuthTag().toString("base64"),
    keyId: key.keyId,
  };
}

export function open(key: EncryptionKey, name: string, sealed: SealedSecret): string {
  if (sealed.keyId !== key.keyId) {
    throw new SecretDecryptionError(
      name,
      `it was encrypted with key ${sealed.keyId} but the current key is ${key.keyId} (check SECRET_ENCRYPTION_KEY)`,
    );
  }
  try {
    const decipher = createDecipheriv(SECRET_ALGORITHM, key.key, Buffer.from(sealed.iv, "base64"));
    decipher.setAAD(Buffer.from(name, "utf8"));
    decipher.setAuthTag(Buffer.from(sealed.authTag, "base64"));
    const plaintext = Buffer.concat([
      decipher.update(Buffer.from(sealed.ciphertext, "base64")),
      decipher.final(),
    ]);
    return plaintext.toString("utf8");
  } catch (_error) {
    throw new SecretDecryptionError(
      name,
      "authentication failed (wrong key, or the row was altered)",
    );
  }
}
