import type { Conversation, Message } from "@agents-crm/db";
import { enqueueDelivery } from "../../channels/delivery/delivery-job";
import type { ApiDeps } from "../../deps";
import { emitMessageCreated } from "./emit";
import { checkOutboundFiles } from "./outbound-files";

/**
 * The agent sends files (knowledge documents marked sendable) to the customer, `caption` as their text:
 * stored as the agent's message and delivered like any reply — live on the web chat, through the durable
 * delivery jobs on the platforms (retried, resumed after a restart, each file's outcome on the message).
 * Files the platform would refuse (size, type) are refused here with the limit named, before anything
 * is stored. The files must belong to the conversation or be the agent's own (knowledge documents).
 */
export async function deliverFileMessage(
  deps: Pick<ApiDeps, "repos" | "hub" | "inboxSignal">,
  conversation: Conversation,
  fileIds: string[],
  caption: string,
): Promise<Message> {
  const files = await checkOutboundFiles(deps, conversation, fileIds, { agentFiles: true });
  const message = await deps.repos.messages.append({
    conversationId: conversation.conversationId,
    agentId: conversation.agentId,
    role: "agent",
    content: caption,
    channel: conversation.channel,
    ...(conversation.channel === "web_chat" ? {} : { deliveryStatus: "pending" as const }),
    fileIds: files.map((f) => f.fileId),
  });
  await emitMessageCreated(deps.hub, conversation, message);
  await enqueueDelivery(deps, message);
  return message;
}
