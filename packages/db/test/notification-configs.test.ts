import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VersionConflictError } from "../src/lib/errors";
import { expectNowhere, startEdgeTestDb } from "./support/edge-db";
import type { EdgeTestDb } from "./support/edge-db";

let t: EdgeTestDb;
beforeAll(async () => {
  t = await startEdgeTestDb();
});
afterAll(() => t.close());

describe("notification configs repository", () => {
  it("stores the bot token encrypted under the reference's name and never returns it", async () => {
    const configs = t.repos.notificationConfigs;
    const created = await configs.create({
      chatId: "-100123",
      botToken: "123:bot-canary",
      description: "on-call",
      createdBy: "user-1",
    });
    expect(created).toMatchObject({
      notificationType: "telegram",
      isActive: true,
      agentIds: [],
      botTokenSecretName: `doctor-agent/notifications/${created.configId}/bot-token`,
    });
    const reads = [
      created,
      await configs.get(created.configId),
      await configs.list(),
      await configs.listActive(),
    ];
    const tables = [t.db.tables.notificationConfigs, t.db.tables.secrets];
    await expectNowhere(t, "canary", reads, tables);
    expect(await configs.getBotToken(created.configId)).toBe("123:bot-canary");
    expect(await t.repos.secrets.get(created.botTokenSecretName)).toMatchObject({
      bot_token: "123:bot-canary",
      created_at: expect.any(String) as string,
    });
  });

  it("lists active configs from the sparse index and follows activation changes", async () => {
    const configs = t.repos.notificationConfigs;
    const a = await configs.create({ chatId: "a", botToken: "t", agentIds: ["agent-1"] });
    const b = await configs.create({ chatId: "b", botToken: "t", isActive: false });
    const activeIds = async () => (await configs.listActive()).map((c) => c.configId);
    expect(await activeIds()).toContain(a.configId);
    expect(await activeIds()).not.toContain(b.configId);
    await configs.update(b.configId, { isActive: true });
    await configs.update(a.configId, { isActive: false });
    expect(await activeIds()).toContain(b.configId);
    expect(await activeIds()).not.toContain(a.configId);
    await configs.update(a.configId, { isActive: true });
    expect((await configs.listActiveForAgent("agent-1")).map((c) => c.configId)).toContain(
      a.configId,
    );
    expect((await configs.listActiveForAgent("agent-2")).map((c) => c.configId)).not.toContain(
      a.configId,
    );
    expect((await configs.listActiveForAgent("agent-2")).map((c) => c.configId)).toContain(
      b.configId,
    );
  });

  it("pages through every config in creation order", async () => {
    const configs = t.repos.notificationConfigs;
    for (let i = 0; i < 5; i++) {
      await configs.create({ chatId: `page-${i}`, botToken: "t" });
      t.clock.advance(1000);
    }
    const chats: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await configs.list({ cursor, limit: 2 });
      chats.push(...page.items.map((c) => c.chatId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(chats.filter((c) => c.startsWith("page-"))).toEqual([
      "page-0",
      "page-1",
      "page-2",
      "page-3",
      "page-4",
    ]);
  });

  it("updates with versions, rotates the token and deletes the secret with the row", async () => {
    const configs = t.repos.notificationConfigs;
    const c = await configs.create({ chatId: "x", botToken: "old" });
    const updated = await configs.update(c.configId, {
      botToken: "new",
      description: "d",
      expectedVersion: 1,
    });
    expect(updated).toMatchObject({ description: "d", version: 2 });
    expect(await configs.getBotToken(c.configId)).toBe("new");
    await expect(configs.update(c.configId, { chatId: "y", expectedVersion: 1 })).rejects.toThrow(
      VersionConflictError,
    );
    expect(await configs.delete(c.configId)).toBe(true);
    expect(await configs.get(c.configId)).toBeNull();
    expect(await t.repos.secrets.exists(c.botTokenSecretName)).toBe(false);
    expect(await configs.getBotToken(c.configId)).toBeNull();
  });

  it("lists active configs for alert fan-out through the sparse index, never a Scan", async () => {
    t.commands.reset();
    await t.repos.notificationConfigs.listActiveForAgent("agent-1");
    await t.repos.notificationConfigs.list({ limit: 2 });
    expect(t.commands.calls.map((c) => c.name)).not.toContain("ScanCommand");
    expect(t.commands.calls[0]).toMatchObject({ name: "QueryCommand", indexName: "active-index" });
  });

  it("keeps each chat's alert language; rows written before it existed read as English", async () => {
    const configs = t.repos.notificationConfigs;
    const created = await configs.create({ chatId: "555", botToken: "1:x", language: "ru" });
    expect((await configs.get(created.configId))?.language).toBe("ru");
    await configs.update(created.configId, { language: "en" });
    expect((await configs.get(created.configId))?.language).toBe("en");
    await t.db.doc.send(
      new PutCommand({
        TableName: t.db.tables.notificationConfigs,
        Item: {
          config_id: "legacy-config",
          notification_type: "telegram",
          chat_id: "777",
          is_active: true,
          bot_token_secret_name: "doctor-agent/notifications/legacy-config/bot-token",
          created_at: "2025-01-01T00:00:00.000Z",
          updated_at: "2025-01-01T00:00:00.000Z",
        },
      }),
    );
    expect((await configs.get("legacy-config"))?.language).toBe("en");
  });
});
