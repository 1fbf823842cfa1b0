import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import type { ChatEvent } from "../src/domain/conversations/events";
import { hashWebToken, newWebToken } from "../src/domain/conversations/web-token";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs } from "./helpers/auth-fixtures";
import { createAgent, subscribe, waitUntil } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
const visitor = () => callerAs(deps, { kind: "anonymous" });

beforeAll(async () => {
  deps = await createTestDeps();
  await createAgent(deps, "dr_private");
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

async function expectHidden(conversationId: string, token: string) {
  const refusal = { code: "NOT_FOUND", message: "Conversation not found" };
  await expect(visitor().chat.send({ conversationId, token, content: "hi" })).rejects.toMatchObject(
    refusal,
  );
  await expect(visitor().chat.history({ conversationId, token })).rejects.toMatchObject(refusal);
  const events = await subscribe(deps, null, (caller) =>
    caller.chat.onEvent({ conversationId, token }),
  );
  await waitUntil(() => events.failure !== null);
  expect(events.failure).toMatchObject(refusal);
  expect(deps.hub.listenerCount()).toBe(0);
}

describe("web chat privacy", () => {
  it("answers a wrong token exactly like a missing conversation", async () => {
    const { conversationId } = await visitor().chat.start({ agentId: "dr_private" });
    await expectHidden(conversationId, newWebToken().token);
    await expectHidden("00000000-0000-4000-8000-000000000000", newWebToken().token);
  });

  it("does not let one visitor's token open another conversation", async () => {
    const mine = await visitor().chat.start({ agentId: "dr_private" });
    const theirs = await visitor().chat.start({ agentId: "dr_private" });
    await visitor().chat.send({ ...theirs, content: "my phone is private" });
    await expectHidden(theirs.conversationId, mine.token);
  });

  it("never serves Instagram or Telegram transcripts, even with a matching token hash", async () => {
    const { token, hash } = newWebToken();
    const instagram = await deps.repos.conversations.create({
      agentId: "dr_private",
      channel: "instagram",
      externalUserId: "ig-user-1",
      webTokenHash: hash,
    });
    await deps.repos.messages.append({
      conversationId: instagram.conversationId,
      agentId: "dr_private",
      role: "user",
      content: "private DM",
      channel: "instagram",
    });
    expect(hashWebToken(token)).toBe(hash);
    await expectHidden(instagram.conversationId, token);
    const telegram = await deps.repos.conversations.findOrCreate({
      agentId: "dr_private",
      channel: "telegram",
      externalUserId: "42",
    });
    await expectHidden(telegram.conversation.conversationId, token);
  });

  it("streams a visitor only their own conversation's events, without staff-only details", async () => {
    const mine = await visitor().chat.start({ agentId: "dr_private" });
    const theirs = await visitor().chat.start({ agentId: "dr_private" });
    const events = await subscribe<ChatEvent>(deps, null, (caller) =>
      caller.chat.onEvent({ ...mine }),
    );
    await waitUntil(() => deps.hub.listenerCount() === 1);
    await visitor().chat.send({ ...theirs, content: "someone else" });
    await visitor().chat.send({ ...mine, content: "hello" });
    await waitUntil(() =>
      events.items.some(
        (e) => e.data.type === "message" && e.data.payload.message.role === "agent",
      ),
    );
    await events.stop();
    const text = JSON.stringify(events.items);
    expect(text).not.toContain("someone else");
    expect(text).not.toContain("usage");
    expect(text).not.toContain("metadata");
    expect(deps.hub.listenerCount()).toBe(0);
  });
});
