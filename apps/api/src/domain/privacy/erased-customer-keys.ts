import type { Conversation, Repositories } from "@agents-crm/db";
import { orderKeyOf } from "../../channels/inbound-event";

/**
 * The webhook inbox's ordering keys (binding and platform user id) a channel conversation's customer
 * writes under: each binding of its agent on its channel, under the conversation's user id and the
 * other ids the customer's messages came with (a WhatsApp BSUID beside the number). Web chats have
 * none: their turns are found by the conversation's own ordering key.
 */
export async function customerOrderKeys(
  repos: Pick<Repositories, "channelBindings">,
  conversation: Pick<Conversation, "agentId" | "channel" | "externalUserId">,
  refs: readonly { senderUserId?: string }[],
): Promise<string[]> {
  if (conversation.channel === "web_chat") return [];
  const userIds = new Set(refs.flatMap((ref) => (ref.senderUserId ? [ref.senderUserId] : [])));
  if (conversation.externalUserId) userIds.add(conversation.externalUserId);
  const bindings = await repos.channelBindings.listByAgent(conversation.agentId, {
    channelType: conversation.channel,
  });
  return bindings.flatMap((binding) =>
    [...userIds].map((externalUserId) =>
      orderKeyOf({ bindingId: binding.bindingId, externalUserId }),
    ),
  );
}
