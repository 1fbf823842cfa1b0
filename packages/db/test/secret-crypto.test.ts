import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { open, seal, SecretDecryptionError } from "../src/secrets/cipher";
import { KEY_FILE_NAME, resolveEncryptionKey } from "../src/secrets/encryption-key";

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "secret-key-"));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("resolveEncryptionKey", () => {
  it("accepts a configured key as base64 or hex and gives both the same key id", async () => {
    const raw = randomBytes(32);
    const fromBase64 = await resolveEncryptionKey({ configured: raw.toString("base64") });
    const fromHex = await resolveEncryptionKey({ configured: raw.toString("hex") });
    expect(fromBase64.key.equals(raw)).toBe(true);
    expect(fromHex.keyId).toBe(fromBase64.keyId);
    expect(fromHex.source).toBe("configured");
  });

  it.each([
    ["too short", randomBytes(16).toString("base64")],
    ["hex of 31 bytes", randomBytes(31).toString("hex")],
    ["not an encoding", "correct horse battery staple correct horse!!"],
  ])(
    "rejects a configured key that is %s with one line naming SECRET_ENCRYPTION_KEY",
    async (_, bad) => {
      const error = await resolveEncryptionKey({ configured: bad }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toContain("SECRET_ENCRYPTION_KEY");
      expect(message).not.toContain("\n");
      expect(message).not.toContain(bad);
    },
  );

  it("prefers the configured key over the data directory", async () => {
    const dir = await tempDir();
    const raw = randomBytes(32).toString("hex");
    const key = await resolveEncryptionKey({ configured: raw, dataDir: dir });
    expect(key.source).toBe("configured");
    await expect(stat(join(dir, KEY_FILE_NAME))).rejects.toThrow();
  });

  it("creates secret.key with mode 0600 once and loads the same key afterwards", async () => {
    const dir = join(await tempDir(), "nested", "data");
    const first = await resolveEncryptionKey({ dataDir: dir });
    const again = await resolveEncryptionKey({ dataDir: dir });
    expect(first.source).toBe("file");
    expect(again.key.equals(first.key)).toBe(true);
    const info = await stat(join(dir, KEY_FILE_NAME));
    expect(info.mode & 0o777).toBe(0o600);
  });

  it("agrees on one key when many starters race to create it", async () => {
    const dir = await tempDir();
    const keys = await Promise.all(
      Array.from({ length: 10 }, () => resolveEncryptionKey({ dataDir: dir })),
    );
    expect(new Set(keys.map((k) => k.keyId)).size).toBe(1);
    const onDisk = (await readFile(join(dir, KEY_FILE_NAME), "utf8")).trim();
    expect(Buffer.from(onDisk, "base64").equals(keys[0]!.key)).toBe(true);
  });

  it("refuses a corrupt key file instead of replacing it", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, KEY_FILE_NAME), "garbage\n");
    await expect(resolveEncryptionKey({ dataDir: dir })).rejects.toThrow(/secret\.key/);
  });

  it("fails when there is neither a configured key nor a data directory", async () => {
    await expect(resolveEncryptionKey({})).rejects.toThrow(/SECRET_ENCRYPTION_KEY/);
  });
});

describe("seal / open", () => {
  it("round-trips, uses a fresh IV each time and never contains the plaintext", async () => {
    const key = await resolveEncryptionKey({ configured: randomBytes(32).toString("base64") });
    const a = seal(key, "n", "top secret value");
    const b = seal(key, "n", "top secret value");
    expect(a.iv).not.toBe(b.iv);
    expect(Buffer.from(a.iv, "base64")).toHaveLength(12);
    expect(JSON.stringify(a)).not.toContain("top secret");
    expect(open(key, "n", a)).toBe("top secret value");
  });

  it("fails clearly with the wrong key, a tampered row, or a row copied under another name", async () => {
    const key = await resolveEncryptionKey({ configured: randomBytes(32).toString("base64") });
    const other = await resolveEncryptionKey({ configured: randomBytes(32).toString("base64") });
    const sealed = seal(key, "svc/token", "value");
    expect(() => open(other, "svc/token", sealed)).toThrow(SecretDecryptionError);
    expect(() => open(other, "svc/token", sealed)).toThrow(/svc\/token.*SECRET_ENCRYPTION_KEY/);
    const tampered = { ...sealed, ciphertext: Buffer.from("valuf").toString("base64") };
    expect(() => open(key, "svc/token", tampered)).toThrow(/svc\/token.*authentication failed/);
    expect(() => open(key, "svc/other", sealed)).toThrow(SecretDecryptionError);
  });
});
