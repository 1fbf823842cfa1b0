import { TRPCError } from "@trpc/server";
import { NotFoundError, type Conversation, type ConversationStatus } from "@agents-crm/db";
import { enqueueDelivery } from "../../channels/delivery/delivery-job";
import { assertStaffReplyWindow } from "../../channels/delivery/reply-window";
import { recordAudit } from "../audit";
import { emitConversationChanged, emitMessageCreated } from "./emit";
import type { StaffContext } from "./staff-context";
import { conversationView } from "./views";

const closed = () =>
  new TRPCError({ code: "PRECONDITION_FAILED", message: "Conversation is closed" });

/**
 * A staff message to the customer. Replying is taking over: a conversation with the AI or waiting for a
 * human becomes HUMAN_ACTIVE, so the AI does not answer the customer's next message over the human and
 * the escalation stops re-alerting. Web chat gets it live; other channels store it as `pending` and queue
 * it for the channel workers, after refusing up front what the platform's messaging window would reject.
 */
export async function staffReply(
  ctx: StaffContext,
  input: { conversationId: string; content: string },
) {
  const { deps, principal } = ctx;
  const { repos } = deps;
  const id = input.conversationId;
  const existing = await repos.conversations.get(id);
  if (!existing) throw new NotFoundError("conversation", id);
  if (existing.status === "CLOSED") throw closed();
  await assertStaffReplyWindow(deps, existing);

  let takenFrom: ConversationStatus | null = null;
  let current: Conversation = existing;
  if (existing.status !== "HUMAN_ACTIVE") {
    current = await repos.conversations.mutate(id, (row) => {
      if (row.status === "CLOSED") throw closed();
      takenFrom = row.status === "HUMAN_ACTIVE" ? null : row.status;
      if (takenFrom === null) return undefined;
      return { status: "HUMAN_ACTIVE", handoffReason: row.handoffReason ?? "Staff replied" };
    });
    deps.turns.cancel(id);
  }

  const message = await repos.messages.append({
    conversationId: id,
    agentId: current.agentId,
    role: "admin",
    content: input.content,
    channel: current.channel,
    authorId: principal.id,
    ...(current.channel === "web_chat" ? {} : { deliveryStatus: "pending" as const }),
    metadata: { authorName: principal.name },
  });
  const touched =
    (await repos.conversations.touchActivity(id, { preview: input.content })) ?? current;
  await recordAudit(ctx, {
    action: "send_message",
    resourceType: "conversation",
    resourceId: id,
    newValue: { messageId: message.messageId, status: touched.status },
    ...(takenFrom ? { oldValue: { status: takenFrom } } : {}),
  });
  if (takenFrom) {
    await emitConversationChanged(deps.hub, touched, "taken_over_by_reply", {
      actorId: principal.id,
      notice: "taken_over",
    });
  }
  await emitMessageCreated(deps.hub, touched, message);
  await enqueueDelivery(deps, message);
  return { message, conversation: conversationView(touched) };
}
