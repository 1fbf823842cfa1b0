import type { Conversation } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { customerContact } from "./customer-contact";
import { windowVerdict } from "./messaging-windows";
import { preconditionFailed } from "../../domain/errors";

/** Refuses a staff reply the platform would not deliver, before anything is stored. */
export async function assertStaffReplyWindow(
  deps: Pick<ApiDeps, "repos">,
  conversation: Conversation,
  now: Date = new Date(),
): Promise<void> {
  if (conversation.channel !== "instagram" && conversation.channel !== "whatsapp") return;
  const contact = await customerContact(deps.repos, conversation.conversationId);
  const lastInboundAt = contact ? new Date(contact.lastInboundAt) : null;
  const verdict = windowVerdict(conversation.channel, "staff", lastInboundAt, now);
  if (!verdict.ok) throw preconditionFailed(verdict.reason);
}
