import type { AdminUser } from "@agents-crm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { createEscalationAlerts } from "../src/domain/alerts/escalation-alerts";
import { createLogger } from "../src/logger";
import { createTelegramBotApi } from "../src/platforms/telegram-bot-api";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createAgent } from "./helpers/chat-kit";
import { startFakeTelegram, type FakeTelegram } from "./fakes/fake-telegram";
import { createTestDeps } from "./helpers/test-api";

const AGENT = "dr_snooze_index";
const UNSNOOZED = 40;
let deps: ApiDeps;
let telegram: FakeTelegram;
let olga: AdminUser;
const olgaCalls = () => callerAs(deps, principalOf(olga), { requestId: "req-snooze-index" });
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3600_000);

/** Every command the sweep sends, and the conversations any of them names by key. */
function watchCommands() {
  const commands: { name: string; index?: string }[] = [];
  const conversationsByKey = new Set<string>();
  let on = false;
  deps.db.onCommand((name, input) => {
    if (!on) return;
    commands.push({ name, index: input.IndexName as string | undefined });
    const key = input.Key as { conversation_id?: unknown } | undefined;
    if (typeof key?.conversation_id === "string") conversationsByKey.add(key.conversation_id);
  });
  return {
    commands,
    conversationsByKey,
    async during<T>(run: () => Promise<T>): Promise<T> {
      on = true;
      try {
        return await run();
      } finally {
        on = false;
      }
    },
  };
}

function alertsWith(realertMinutes: number) {
  return createEscalationAlerts({
    env: { APP_URL: "https://crm.example.test", ESCALATION_REALERT_MINUTES: realertMinutes },
    repos: deps.repos,
    hub: deps.hub,
    log: createLogger({ json: true, level: "error", write: () => undefined }),
    telegram: createTelegramBotApi({ baseUrl: telegram.url, timeoutMs: 2_000 }),
    retry: { attempts: 2, baseDelayMs: 10, maxRetryAfterSeconds: 1 },
  });
}

/** A conversation Olga handles (HUMAN_ACTIVE, assigned to her), written directly: the sweep's haystack. */
async function handled(): Promise<string> {
  const c = await deps.repos.conversations.create({ agentId: AGENT, channel: "web_chat" });
  await deps.repos.conversations.update(c.conversationId, {
    status: "HUMAN_ACTIVE",
    assigneeId: olga.userId,
  });
  return c.conversationId;
}

beforeAll(async () => {
  telegram = await startFakeTelegram();
  deps = await createTestDeps();
  await createAgent(deps, AGENT);
  olga = await seedUser(deps, { role: "operator", name: "Olga" });
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
  await telegram.close();
});

describe("the snooze sweep reads the snooze index, not the conversations", () => {
  it("wakes a due snooze only, reading no conversation nobody snoozed", async () => {
    for (let i = 0; i < UNSNOOZED; i++) await handled();
    const [due, later, cleared] = [await handled(), await handled(), await handled()];
    for (const conversationId of [due, later, cleared]) {
      await olgaCalls().conversations.snooze({ conversationId, until: hoursFromNow(2) });
    }
    await olgaCalls().conversations.snooze({ conversationId: cleared, until: null });
    // Its time has come (snoozes cannot be set in the past through the API).
    await deps.repos.conversations.update(due, {
      snoozedUntil: new Date(Date.now() - 1_000).toISOString(),
    });

    for (const minutes of [0, 15]) {
      const alerts = alertsWith(minutes);
      const watch = watchCommands();
      await watch.during(() => alerts.sweep());
      await alerts.close();
      // Before: a Query of the HUMAN_ACTIVE status partition read all 43 conversations every sweep.
      expect(watch.commands.filter((c) => c.name === "ScanCommand")).toEqual([]);
      expect(watch.commands.filter((c) => c.index === "status-activity-index")).toEqual([]);
      expect(watch.commands.filter((c) => c.index === "snooze-due-index")).toHaveLength(1);
      // Only the woken conversation is read or written by its key (the first sweep; none after).
      expect([...watch.conversationsByKey]).toEqual(minutes === 0 ? [due] : []);
    }

    expect((await deps.repos.conversations.get(due))?.snoozedUntil).toBeUndefined();
    expect((await deps.repos.conversations.get(later))?.snoozedUntil).toBeDefined();
    expect((await deps.repos.conversations.get(cleared))?.snoozedUntil).toBeUndefined();
    expect(await olgaCalls().conversations.counts({ agentId: AGENT })).toMatchObject({
      HUMAN_ACTIVE: UNSNOOZED + 2,
      SNOOZED: 1,
    });
  });

  it("a snooze cleared by a status change leaves the index with it", async () => {
    const chat = await callerAs(deps, { kind: "anonymous" }).chat.start({ agentId: AGENT });
    await olgaCalls().conversations.handoff(chat);
    await olgaCalls().conversations.snooze({ ...chat, until: hoursFromNow(1) });
    await olgaCalls().conversations.returnToAi(chat);
    const page = await deps.repos.conversations.listSnoozeDue({ now: hoursFromNow(2) });
    expect(page.items.map((c) => c.conversationId)).not.toContain(chat.conversationId);
  });
});
