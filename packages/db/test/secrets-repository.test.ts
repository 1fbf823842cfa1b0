import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SecretDecryptionError } from "../src/secrets/cipher";
import { createRepositories } from "../src/repositories";
import { SecretKeyMissingError } from "../src/repositories/secrets";
import { randomKey, startEdgeTestDb } from "./support/edge-db";
import type { EdgeTestDb } from "./support/edge-db";

let t: EdgeTestDb;
beforeAll(async () => {
  t = await startEdgeTestDb();
});
afterAll(() => t.close());

async function rawSecret(name: string) {
  const out = await t.db.doc.send(
    new GetCommand({ TableName: t.db.tables.secrets, Key: { secret_name: name } }),
  );
  return out.Item;
}

describe("secrets repository", () => {
  it("round-trips strings and objects and stores no plaintext", async () => {
    const { secrets } = t.repos;
    await secrets.put("doctor-agent/openai", "sk-plaintext-canary-1");
    await secrets.put("doctor-agent/channels/telegram/b1/access-token", {
      access_token: "tok-canary-2",
      app_secret: "app-canary-3",
    });
    expect(await secrets.get("doctor-agent/openai")).toBe("sk-plaintext-canary-1");
    expect(await secrets.get("doctor-agent/channels/telegram/b1/access-token")).toEqual({
      access_token: "tok-canary-2",
      app_secret: "app-canary-3",
    });
    for (const name of ["doctor-agent/openai", "doctor-agent/channels/telegram/b1/access-token"]) {
      const raw = await rawSecret(name);
      const text = JSON.stringify(raw);
      expect(text).not.toMatch(/canary/);
      expect(raw).toMatchObject({ algorithm: "aes-256-gcm", key_id: t.key.keyId });
      expect(Buffer.from(String(raw?.iv), "base64")).toHaveLength(12);
      expect(Buffer.from(String(raw?.auth_tag), "base64")).toHaveLength(16);
      expect(typeof raw?.created_at).toBe("string");
    }
  });

  it("keeps created_at on overwrite and reports existence and deletion", async () => {
    const { secrets } = t.repos;
    await secrets.put("s/overwrite", "v1");
    const created: unknown = (await rawSecret("s/overwrite"))?.created_at;
    t.clock.advance(1000);
    await secrets.put("s/overwrite", "v2");
    const raw = await rawSecret("s/overwrite");
    expect(raw?.created_at).toBe(created);
    expect(raw?.updated_at).not.toBe(created);
    expect(await secrets.get("s/overwrite")).toBe("v2");
    expect(await secrets.exists("s/overwrite")).toBe(true);
    await secrets.delete("s/overwrite");
    expect(await secrets.exists("s/overwrite")).toBe(false);
    expect(await secrets.get("s/overwrite")).toBeNull();
  });

  it("fails clearly, naming the secret, when read with another key", async () => {
    await t.repos.secrets.put("s/wrong-key", "value");
    const other = createRepositories(t.db, { encryptionKey: await randomKey() });
    const error = await other.secrets.get("s/wrong-key").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretDecryptionError);
    expect((error as Error).message).toMatch(/"s\/wrong-key".*SECRET_ENCRYPTION_KEY/);
  });

  it("refuses to read or write secrets without a key", async () => {
    const keyless = createRepositories(t.db);
    await expect(keyless.secrets.put("s/none", "v")).rejects.toThrow(SecretKeyMissingError);
    await t.repos.secrets.put("s/none", "v");
    await expect(keyless.secrets.get("s/none")).rejects.toThrow(/SECRET_ENCRYPTION_KEY/);
  });
});
