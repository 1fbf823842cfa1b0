import type { FakeOpenAI } from "@agents-crm/ai/testing";
import type { ApiDeps } from "../../src/deps";
import { closeConversationRuntime } from "../../src/realtime/conversation-runtime";
import { startFakeTelegram, type FakeBot, type FakeTelegram } from "../fakes/fake-telegram";
import { createAgent, startFakeLlm } from "./chat-kit";
import { createTestDeps } from "./test-api";

export interface AlertedChat {
  deps: ApiDeps;
  /** The model every turn asks. */
  fake: FakeOpenAI;
  /** Where staff alerts go. */
  telegram: FakeTelegram;
  /** A bot `telegram` knows, for the tests' alert chats. */
  bot: FakeBot;
  close(): Promise<void>;
}

/**
 * The API's dependencies for web-chat turns of `agentId` (created) on a fake model, alerting staff
 * through a fake Telegram: what escalation tests need before they add their alert chats.
 */
export async function startAlertedChat(agentId: string): Promise<AlertedChat> {
  const telegram = await startFakeTelegram();
  const { fake, llm } = await startFakeLlm();
  const deps = await createTestDeps(
    { APP_URL: "https://crm.example.test/", TELEGRAM_API_BASE_URL: telegram.url },
    llm,
  );
  await createAgent(deps, agentId);
  return {
    deps,
    fake,
    telegram,
    bot: telegram.addBot(),
    close: async () => {
      await closeConversationRuntime(deps);
      await deps.db.close();
      await fake.close();
      await telegram.close();
    },
  };
}
