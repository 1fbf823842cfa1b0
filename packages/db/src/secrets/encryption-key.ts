import { createHash, randomBytes } from "node:crypto";
import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";

export const KEY_BYTES = 32;
export const KEY_FILE_NAME = "secret.key";

export interface EncryptionKey {
  key: Buffer;
  /** Fingerprint stored on each secret row, so a wrong key is reported as such instead of as corruption. */
  keyId: string;
  source: "configured" | "file";
}

export interface ResolveEncryptionKeyOptions {
  /** SECRET_ENCRYPTION_KEY: 32 bytes as base64 (44 chars) or hex (64 chars). */
  configured?: string;
  /** Where `secret.key` is loaded from or generated into when no key is configured. */
  dataDir?: string;
}

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/]{43}=$/;

export function keyFingerprint(key: Buffer): string {
  return createHash("sha256")
    .update("agents-crm/secret-key-id\0")
    .update(key)
    .digest("hex")
    .slice(0, 16);
}

/** Parses a key string; returns null (never throws) so callers can word the error for their source. */
export function parseKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (HEX_KEY.test(trimmed)) return Buffer.from(trimmed, "hex");
  if (BASE64_KEY.test(trimmed)) {
    const key = Buffer.from(trimmed, "base64");
    return key.length === KEY_BYTES ? key : null;
  }
  return null;
}

export function generateKeyText(): string {
  return randomBytes(KEY_BYTES).toString("base64");
}

export async function resolveEncryptionKey(
  options: ResolveEncryptionKeyOptions,
): Promise<EncryptionKey> {
  if (options.configured !== undefined && options.configured.trim() !== "") {
    const key = parseKey(options.configured);
    if (!key) {
      throw new Error(
        "SECRET_ENCRYPTION_KEY must be 32 bytes encoded as base64 (44 characters) or hex (64 characters)",
      );
    }
    return { key, keyId: keyFingerprint(key), source: "configured" };
  }
  if (options.dataDir) {
    const key = await loadOrCreateKeyFile(join(options.dataDir, KEY_FILE_NAME));
    return { key, keyId: keyFingerprint(key), source: "file" };
  }
  throw new Error(
    "no secret encryption key: set SECRET_ENCRYPTION_KEY or a data directory to keep a generated key in",
  );
}

async function loadOrCreateKeyFile(path: string): Promise<Buffer> {
  const existing = await readKeyFile(path);
  if (existing) return existing;
  await mkdir(join(path, ".."), { recursive: true });
  // Write the whole key to a private temp file, then hard-link it into place: link() fails if the
  // target exists, so of two processes starting together exactly one key wins and nobody ever reads
  // a half-written file. Both then read back the winner.
  const temp = `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(temp, `${generateKeyText()}\n`, { mode: 0o600, flag: "wx" });
  try {
    await link(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await unlink(temp);
  }
  const created = await readKeyFile(path);
  if (!created) throw new Error(`secret key file ${path} vanished while it was being created`);
  return created;
}

async function readKeyFile(path: string): Promise<Buffer | null> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const key = parseKey(text);
  if (!key) throw new Error(`secret key file ${path} does not hold a 32-byte base64 or hex key`);
  return key;
}
