import type { Conversation } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import type { InboundEvent } from "../inbound-event";

/** The kv key remembering which conversation key a BSUID has with an agent (erased with it). */
export const whatsappAliasKey = (agentId: string, bsuid: string) =>
  `whatsapp-bsuid#${agentId}#${bsuid}`;

/**
 * Which conversation key a WhatsApp person has with an agent, whether Meta names them by number, by
 * business-scoped user id (BSUID) or both. Meta has sent the BSUID with every message since April 2026
 * and withholds the number of many users who adopted a username
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/business-scoped-user-ids/).
 * The first key a BSUID was seen with is remembered, so a customer known by number keeps the
 * conversation when the number stops coming, and a username user who later shows a number keeps theirs.
 */
export async function whatsappUserKey(
  deps: Pick<ApiDeps, "repos">,
  agentId: string,
  event: InboundEvent,
): Promise<string> {
  const bsuid = event.platform === "whatsapp" ? event.sender?.userId : undefined;
  if (!bsuid) return event.externalUserId;
  const key = whatsappAliasKey(agentId, bsuid);
  const known = await deps.repos.kv.get(key);
  if (known) return known;
  await deps.repos.kv.set(key, event.externalUserId);
  return event.externalUserId;
}

/**
 * A WhatsApp identity learns what Meta shows later: the username a customer adopted, the number a
 * username user shared (it goes on the contact as a phone, so the person is found by it and suggested
 * for merging with the contact who has it). One read; a write only when something is new.
 */
export async function refreshWhatsAppIdentity(
  deps: Pick<ApiDeps, "repos">,
  conversation: Conversation,
  event: InboundEvent,
): Promise<void> {
  const sender = event.sender;
  if (event.platform !== "whatsapp" || !conversation.externalUserId || !sender) return;
  const phone =
    sender.phone && sender.phone !== conversation.externalUserId ? sender.phone : undefined;
  if (!phone && !sender.username) return;
  await deps.repos.contacts.ensureForConversation({
    channel: "whatsapp",
    agentId: conversation.agentId,
    externalUserId: conversation.externalUserId,
    ...(sender.username ? { username: sender.username } : {}),
    ...(phone && /^\d{7,15}$/.test(phone) ? { phones: [`+${phone}`] } : {}),
  });
}
