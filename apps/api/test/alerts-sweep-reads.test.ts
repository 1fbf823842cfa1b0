import type { AdminUser } from "@agents-crm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { createEscalationAlerts } from "../src/domain/alerts/escalation-alerts";
import { createLogger } from "../src/logger";
import { createTelegramBotApi } from "../src/platforms/telegram-bot-api";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { seedUser } from "./helpers/auth-fixtures";
import { createAgent } from "./helpers/chat-kit";
import { startFakeTelegram, type FakeTelegram } from "./fakes/fake-telegram";
import { createTestDeps } from "./helpers/test-api";

const AGENT = "dr_sweep_reads";
const WAITING = 6;
let deps: ApiDeps;
let telegram: FakeTelegram;
let olga: AdminUser;

beforeAll(async () => {
  telegram = await startFakeTelegram();
  deps = await createTestDeps();
  await createAgent(deps, AGENT);
  olga = await seedUser(deps, { role: "operator", name: "Olga" });
  const bot = telegram.addBot();
  await deps.repos.notificationConfigs.create({ chatId: "700", botToken: bot.token });
  await deps.repos.notificationConfigs.create({
    chatId: "701",
    botToken: bot.token,
    staffUserId: olga.userId,
  });
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
  await telegram.close();
});

/** Item reads and queries per table, while `run` runs. */
async function readsDuring(run: () => Promise<unknown>): Promise<Record<string, number>> {
  const perTable: Record<string, number> = {};
  let on = true;
  deps.db.onCommand((name, input) => {
    if (!on || !["GetCommand", "GetItemCommand", "QueryCommand"].includes(name)) return;
    const table = Object.entries(deps.db.tables).find(([, t]) => t === input.TableName)?.[0];
    if (table) perTable[table] = (perTable[table] ?? 0) + 1;
  });
  await run();
  on = false;
  return perTable;
}

describe("one re-alert sweep's alerts", () => {
  it("read the assignee's account, the agent and its alert chats once, not once per conversation", async () => {
    const ids: string[] = [];
    for (let i = 0; i < WAITING; i++) {
      const c = await deps.repos.conversations.create({ agentId: AGENT, channel: "web_chat" });
      await deps.repos.conversations.update(c.conversationId, {
        status: "NEEDS_HUMAN",
        handoffReason: "Asked for the doctor",
        escalationType: "medical",
        needsHumanSince: new Date(Date.now() - 20 * 60_000).toISOString(),
        assigneeId: olga.userId,
      });
      ids.push(c.conversationId);
    }
    const alerts = createEscalationAlerts({
      env: { APP_URL: "https://crm.example.test", ESCALATION_REALERT_MINUTES: 15 },
      repos: deps.repos,
      hub: deps.hub,
      log: createLogger({ json: true, level: "error", write: () => undefined }),
      telegram: createTelegramBotApi({ baseUrl: telegram.url, timeoutMs: 2_000 }),
      retry: { attempts: 2, baseDelayMs: 10, maxRetryAfterSeconds: 1 },
    });
    const reads = await readsDuring(async () => {
      expect(await alerts.sweep()).toBe(WAITING);
      await alerts.drain();
    });
    await alerts.close();

    // Every one still re-alerted: Olga's own chat first, then the team's.
    for (const id of ids) {
      const chats = telegram
        .sent()
        .filter((m) => m.text.includes(id))
        .map((m) => m.chatId);
      expect(chats).toEqual(["701", "700"]);
    }
    // Before: 6 reads of Olga's account, 6 of the agent, 18 of the alert chats (a query and two token
    // items per alert) and 12 of their tokens' secrets.
    expect(reads).toMatchObject({ adminUsers: 1, agents: 1, notificationConfigs: 3, secrets: 2 });
  });
});
