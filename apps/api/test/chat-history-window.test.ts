import type { FakeOpenAI } from "@agents-crm/ai/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs } from "./helpers/auth-fixtures";
import { createAgent, modelAnswer, operator, startFakeLlm } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
let fake: FakeOpenAI;

beforeAll(async () => {
  const llm = await startFakeLlm({ responder: () => modelAnswer("Noted") });
  fake = llm.fake;
  deps = await createTestDeps({}, llm.llm);
  await createAgent(deps, "dr_memory", { llm: { max_history_messages: 50 } });
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
  await fake.close();
});

describe("the model's history", () => {
  it("is exactly the agent's last N messages before the new one, staff replies included", async () => {
    const visitor = callerAs(deps, { kind: "anonymous" });
    const chat = await visitor.chat.start({ agentId: "dr_memory" });
    for (let i = 0; i < 60; i++) {
      await deps.repos.messages.append({
        conversationId: chat.conversationId,
        agentId: "dr_memory",
        role: i % 2 === 0 ? "user" : "agent",
        content: `old-${String(i).padStart(2, "0")}`,
        channel: "web_chat",
      });
    }
    await callerAs(deps, operator).conversations.reply({
      conversationId: chat.conversationId,
      content: "STAFF-NOTE: the doctor is back on Monday",
    });
    await callerAs(deps, operator).conversations.returnToAi({
      conversationId: chat.conversationId,
    });
    await visitor.chat.send({ ...chat, content: "When is she back?" });

    const request = fake.requests.find((r) => r.endpoint === "chat")?.chat;
    const history = request?.messages.slice(1, -1).map((m) => m.content) ?? [];
    expect(history).toHaveLength(50);
    expect(history.some((text) => text.includes("old-10"))).toBe(false);
    expect(history.some((text) => text.includes("old-11"))).toBe(true);
    expect(history.at(-1)).toContain("STAFF-NOTE: the doctor is back on Monday");
    expect(request?.messages.at(-1)?.content).toContain("When is she back?");
  });
});
