import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordDelivery } from "../src/channels/delivery/delivery-status";
import { resolveTarget } from "../src/channels/delivery/delivery-target";
import type { ApiDeps } from "../src/deps";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { createTestDeps } from "./helpers/test-api";
import { bindDirect, ensureAgent } from "./helpers/webhook-kit";

let deps: ApiDeps;

beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(() => closeConversationRuntime(deps));

async function whatsappConversation(agentId: string, externalUserId?: string) {
  await ensureAgent(deps, agentId);
  const { conversation } = await deps.repos.conversations.findOrCreate({
    agentId,
    channel: "whatsapp",
    externalUserId: externalUserId ?? "971500000077",
  });
  return conversation;
}

describe("why a message could not be sent, for the console to word", () => {
  it("names an agent without an active binding on the conversation's platform", async () => {
    const conversation = await whatsappConversation("failure_unbound");
    await expect(resolveTarget(deps.repos, conversation)).rejects.toMatchObject({
      name: "PermanentDeliveryError",
      message: "the agent has no active whatsapp binding",
      failure: { kind: "no_active_binding", channel: "whatsapp" },
    });
  });

  it("keeps the reason on the message, gives the binding its part, and a later success clears both", async () => {
    const binding = await bindDirect(deps, {
      channelType: "whatsapp",
      accountId: "failure-phone-1",
      agentId: "failure_bound",
    });
    const conversation = await whatsappConversation("failure_bound", "971500000078");
    const message = await deps.repos.messages.append({
      conversationId: conversation.conversationId,
      agentId: "failure_bound",
      role: "admin",
      content: "Hello",
      channel: "whatsapp",
      deliveryStatus: "pending",
    });
    const failed = await recordDelivery(deps, conversation, message, {
      status: "failed",
      error: "the binding has no access token",
      failure: { kind: "no_access_token" },
      bindingId: binding.bindingId,
    });
    expect(failed?.deliveryFailure).toEqual({ kind: "no_access_token" });
    const health = await deps.repos.channelBindings.get(binding.bindingId);
    expect(health?.lastErrorReason).toEqual({ kind: "no_access_token" });

    // A reason of the message's own (not the binding's) stays off the binding's health.
    const gone = await recordDelivery(deps, conversation, message, {
      status: "failed",
      error: "the file is no longer stored",
      failure: { kind: "file_gone" },
      bindingId: binding.bindingId,
    });
    expect(gone?.deliveryFailure).toEqual({ kind: "file_gone" });
    expect((await deps.repos.channelBindings.get(binding.bindingId))?.lastErrorReason).toBe(
      undefined,
    );

    const sent = await recordDelivery(deps, conversation, message, { status: "sent" });
    expect(sent?.deliveryFailure).toBeUndefined();
    expect(sent?.deliveryError).toBeUndefined();
  });
});
