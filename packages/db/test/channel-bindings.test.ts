import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, VersionConflictError } from "../src/lib/errors";
import { expectNowhere, startEdgeTestDb } from "./support/edge-db";
import type { EdgeTestDb } from "./support/edge-db";

let t: EdgeTestDb;
beforeAll(async () => {
  t = await startEdgeTestDb();
});
afterAll(() => t.close());

const TOKEN = "IGAA-token-canary";
const APP_SECRET = "app-secret-canary";

type NewBinding = Parameters<EdgeTestDb["repos"]["channelBindings"]["create"]>[0];

/** A binding of `channelAccountId` on `channelType` for `agentId`, with the token "tok" unless given. */
const bind = (
  agentId: string,
  channelType: NewBinding["channelType"],
  channelAccountId: string,
  extra: Partial<NewBinding> = {},
) =>
  t.repos.channelBindings.create({
    agentId,
    channelType,
    channelAccountId,
    accessToken: "tok",
    ...extra,
  });

describe("channel bindings repository", () => {
  it("keeps the token and secret metadata in the encrypted store, never in the row or any read", async () => {
    const bindings = t.repos.channelBindings;
    const created = await bind("agent-1", "instagram", "17841400000000001", {
      channelUsername: "clinic",
      accessToken: TOKEN,
      secretMetadata: { app_secret: APP_SECRET },
      metadata: { app_id: "123" },
      createdBy: "user-1",
    });
    expect(created).toMatchObject({
      isActive: true,
      isVerified: false,
      version: 1,
      metadata: { app_id: "123" },
      secretName: `doctor-agent/channels/instagram/${created.bindingId}/access-token`,
    });
    const reads = [
      created,
      await bindings.get(created.bindingId),
      await bindings.listByAgent("agent-1"),
      await bindings.findByAccount("instagram", "17841400000000001"),
    ];
    await expectNowhere(t, /canary/, reads, [t.db.tables.channelBindings, t.db.tables.secrets]);
    expect(await bindings.getAccessToken(created.bindingId)).toBe(TOKEN);
    expect(await bindings.getCredentials(created.bindingId)).toEqual({
      accessToken: TOKEN,
      secretMetadata: { app_secret: APP_SECRET },
    });
    expect(await t.repos.secrets.get(created.secretName)).toEqual({
      access_token: TOKEN,
      app_secret: APP_SECRET,
    });
  });

  it("refuses credentials in plain metadata", async () => {
    await expect(
      bind("agent-1", "telegram", "bot-x", { metadata: { app_secret: "oops" } }),
    ).rejects.toThrow(/secretMetadata/);
  });

  it("lists by agent (optionally by type / active) and finds by account with active first", async () => {
    const bindings = t.repos.channelBindings;
    const tg = await bind("agent-2", "telegram", "bot-1");
    const wa = await bind("agent-2", "whatsapp", "phone-1");
    const oldOne = await bind("agent-3", "telegram", "bot-1", { isActive: false });
    expect((await bindings.listByAgent("agent-2")).map((b) => b.bindingId).sort()).toEqual(
      [tg.bindingId, wa.bindingId].sort(),
    );
    expect(await bindings.listByAgent("agent-2", { channelType: "whatsapp" })).toEqual([wa]);
    expect(await bindings.listByAgent("agent-3", { activeOnly: true })).toEqual([]);
    const found = await bindings.findByAccount("telegram", "bot-1");
    expect(found.map((b) => b.bindingId)).toEqual([tg.bindingId, oldOne.bindingId]);
  });

  it("re-encrypts on a token change and resets verification; versions guard concurrent edits", async () => {
    const bindings = t.repos.channelBindings;
    const b = await bind("agent-4", "telegram", "bot-4", {
      accessToken: "old-token",
      secretMetadata: { note: "kept" },
    });
    const verified = await bindings.update(b.bindingId, { isVerified: true, expectedVersion: 1 });
    expect(verified).toMatchObject({ isVerified: true, version: 2 });
    const before = await t.db.doc.send(
      new GetCommand({ TableName: t.db.tables.secrets, Key: { secret_name: b.secretName } }),
    );
    const rotated = await bindings.update(b.bindingId, {
      accessToken: "new-token",
      expectedVersion: 2,
    });
    expect(rotated).toMatchObject({ isVerified: false, version: 3 });
    const after = await t.db.doc.send(
      new GetCommand({ TableName: t.db.tables.secrets, Key: { secret_name: b.secretName } }),
    );
    expect(after.Item?.ciphertext).not.toBe(before.Item?.ciphertext);
    expect(await bindings.getCredentials(b.bindingId)).toEqual({
      accessToken: "new-token",
      secretMetadata: { note: "kept" },
    });
    await expect(
      bindings.update(b.bindingId, { isActive: false, expectedVersion: 2 }),
    ).rejects.toThrow(VersionConflictError);
    await expect(bindings.update("missing", { isActive: false })).rejects.toThrow(NotFoundError);
    const metaOnly = await bindings.update(b.bindingId, { secretMetadata: { note: "new" } });
    expect(metaOnly.isVerified).toBe(false);
    expect(await bindings.getAccessToken(b.bindingId)).toBe("new-token");
  });

  it("stores a webhook secret separately and deletes row and secrets together", async () => {
    const bindings = t.repos.channelBindings;
    const b = await bind("agent-5", "telegram", "bot-5", { webhookSecret: "hook-canary" });
    expect(await bindings.getWebhookSecret(b.bindingId)).toBe("hook-canary");
    expect(JSON.stringify(b)).not.toContain("hook-canary");
    expect(await bindings.delete(b.bindingId)).toBe(true);
    expect(await bindings.get(b.bindingId)).toBeNull();
    expect(await bindings.getAccessToken(b.bindingId)).toBeNull();
    expect(await t.repos.secrets.exists(b.secretName)).toBe(false);
    expect(await t.repos.secrets.exists(b.webhookSecretName!)).toBe(false);
    expect(await bindings.delete(b.bindingId)).toBe(false);
  });

  it("records and clears the last delivery error", async () => {
    const bindings = t.repos.channelBindings;
    const b = await bind("agent-6", "whatsapp", "phone-6");
    await bindings.recordError(b.bindingId, "Graph API 190: token expired");
    expect(await bindings.get(b.bindingId)).toMatchObject({
      lastError: "Graph API 190: token expired",
      lastErrorAt: t.clock.now().toISOString(),
      version: 1,
    });
    await bindings.recordError(b.bindingId, null);
    expect((await bindings.get(b.bindingId))?.lastError).toBeUndefined();
    await expect(bindings.recordError("missing", "x")).rejects.toThrow(NotFoundError);
  });

  it("keeps a failure's reason for the console's words, and drops it with an error that has none", async () => {
    const bindings = t.repos.channelBindings;
    const b = await bind("agent-6b", "whatsapp", "whatsapp:+14155230999");
    const reason = {
      kind: "twilio_sender",
      sender: "whatsapp:+14155230999",
      problem: "not_on_account",
      status: null,
    } as const;
    await bindings.recordError(b.bindingId, "whatsapp:+14155230999 is not a sender", reason);
    expect(await bindings.get(b.bindingId)).toMatchObject({
      lastError: "whatsapp:+14155230999 is not a sender",
      lastErrorReason: reason,
    });
    // A later failure in the platform's own words must not keep the earlier reason.
    await bindings.recordError(b.bindingId, "Twilio: something new");
    const after = await bindings.get(b.bindingId);
    expect(after?.lastError).toBe("Twilio: something new");
    expect(after?.lastErrorReason).toBeUndefined();
    await bindings.recordError(b.bindingId, "again", { kind: "no_access_token" });
    await bindings.recordError(b.bindingId, null);
    expect((await bindings.get(b.bindingId))?.lastErrorReason).toBeUndefined();
  });

  it("reads a reference-era row (no version, app_secret in metadata) without leaking the secret", async () => {
    await t.db.doc.send(
      new PutCommand({
        TableName: t.db.tables.channelBindings,
        Item: {
          binding_id: "legacy-1",
          agent_id: "agent-7",
          channel_type: "instagram",
          channel_account_id: "acct-7",
          secret_name: "doctor-agent/channels/instagram/legacy-1/access-token",
          is_active: true,
          is_verified: true,
          created_at: "2026-01-01T00:00:00Z",
          updated_at: "2026-01-01T00:00:00Z",
          created_by: "admin_user",
          metadata: { app_id: "1", app_secret: "legacy-canary" },
        },
      }),
    );
    const legacy = await t.repos.channelBindings.get("legacy-1");
    expect(legacy).toMatchObject({ version: 0, metadata: { app_id: "1" } });
    expect(JSON.stringify(legacy)).not.toContain("legacy-canary");
    const updated = await t.repos.channelBindings.update("legacy-1", {
      isActive: false,
      expectedVersion: 0,
    });
    expect(updated.version).toBe(1);
  });

  it("routes webhooks and lists bindings without a Scan", async () => {
    t.commands.reset();
    await t.repos.channelBindings.findByAccount("instagram", "17841400000000001");
    await t.repos.channelBindings.listByAgent("agent-2", { activeOnly: true });
    expect(new Set(t.commands.names)).toEqual(new Set(["QueryCommand"]));
  });
});
