import type { Message } from "@agents-crm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { recordDeliveryStatus } from "../src/domain/delivery-status/record-delivery-status";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { ADMIN_STREAM, type RealtimeEvent } from "../src/realtime/types";
import { createTestDeps } from "./helpers/test-api";
import { ensureAgent } from "./helpers/webhook-kit";

let deps: ApiDeps;
const events: RealtimeEvent[] = [];

beforeAll(async () => {
  deps = await createTestDeps();
  deps.hub.subscribe(ADMIN_STREAM, (event) => events.push(event));
  await ensureAgent(deps, "status_agent");
});
afterAll(() => closeConversationRuntime(deps));

/** A reply we sent on WhatsApp as `wamid` (as deliverMessage records it). */
async function sentReply(wamid: string): Promise<Message> {
  const { conversation } = await deps.repos.conversations.findOrCreate({
    agentId: "status_agent",
    channel: "whatsapp",
    externalUserId: `1650555${wamid.length}${Math.random().toString().slice(2, 6)}`,
  });
  const message = await deps.repos.messages.append({
    conversationId: conversation.conversationId,
    agentId: "status_agent",
    role: "agent",
    content: "Hello",
    channel: "whatsapp",
    deliveryStatus: "sent",
    externalMessageId: wamid,
  });
  await deps.repos.sentMessageRefs.remember("whatsapp", wamid, message);
  return message;
}

const report = (
  platformMessageId: string,
  status: "sent" | "delivered" | "read" | "failed",
  reason?: { code: string; message: string },
) => ({
  platform: "whatsapp" as const,
  platformMessageId,
  status,
  reason,
  at: "2026-12-06T20:00:00.000Z",
});

const current = (m: Message) => deps.repos.messages.get(m.conversationId, m.messageId);

describe("recordDeliveryStatus", () => {
  it("moves a sent message forward and never back: delivered, read, then late reports are stale", async () => {
    const message = await sentReply("wamid.forward");
    const before = events.length;
    expect(await recordDeliveryStatus(deps, report("wamid.forward", "delivered"))).toBe("recorded");
    expect(await recordDeliveryStatus(deps, report("wamid.forward", "read"))).toBe("recorded");
    // Meta promises no order: a delivered (or sent) after read changes nothing.
    expect(await recordDeliveryStatus(deps, report("wamid.forward", "delivered"))).toBe("stale");
    expect(await recordDeliveryStatus(deps, report("wamid.forward", "sent"))).toBe("stale");
    // A read message was delivered: a late failure is not believed.
    expect(
      await recordDeliveryStatus(
        deps,
        report("wamid.forward", "failed", { code: "1", message: "x" }),
      ),
    ).toBe("stale");
    const row = await current(message);
    expect(row?.deliveryStatus).toBe("read");
    expect(row?.deliveryStatusAt).toBe("2026-12-06T20:00:00.000Z");
    // Consoles hear of each change, and only of changes.
    expect(events.slice(before).filter((e) => e.type === "message.updated")).toHaveLength(2);
  });

  it("records a failure with the platform's code and words, and a failure is final", async () => {
    const message = await sentReply("wamid.failed");
    const reason = { code: "131047", message: "Re-engagement message" };
    expect(await recordDeliveryStatus(deps, report("wamid.failed", "failed", reason))).toBe(
      "recorded",
    );
    expect(await recordDeliveryStatus(deps, report("wamid.failed", "read"))).toBe("stale");
    const row = await current(message);
    expect(row?.deliveryStatus).toBe("failed");
    expect(row?.deliveryReason).toEqual(reason);
    expect(row?.deliveryError).toBe("Re-engagement message");
  });

  it("ignores ids that are not ours, and leaves a message still being sent to its sender", async () => {
    expect(await recordDeliveryStatus(deps, report("wamid.someone-else", "read"))).toBe("unknown");
    const message = await sentReply("wamid.pending");
    await deps.repos.messages.updateDelivery(message.conversationId, message.messageId, {
      status: "pending",
    });
    expect(await recordDeliveryStatus(deps, report("wamid.pending", "delivered"))).toBe("stale");
    expect((await current(message))?.deliveryStatus).toBe("pending");
  });
});
