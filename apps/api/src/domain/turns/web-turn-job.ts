import { z } from "zod";
import type { Message } from "@agents-crm/db";

/**
 * A web-chat message's turn, kept in the durable inbox from before the message is stored until its turn
 * ends: the process that takes the message holds it under a lease it renews; if that process dies or
 * stops first, the lease runs out (or is given back) and an inbox worker, on any replica, answers the
 * message then, exactly once. The item names only the conversation: the message carries the item's key.
 */
export const webTurnJobSchema = z.object({
  job: z.literal("web-turn"),
  conversationId: z.string().min(1),
  /** So the console can list an agent's dead letters. */
  agentId: z.string().min(1),
});
export type WebTurnJob = z.infer<typeof webTurnJobSchema>;

/** Not a platform account: web turns stay out of the per-account "last inbound event" stats. */
export const WEB_TURN_SCOPE = "turns";
const KEY_PREFIX = `web_chat#${WEB_TURN_SCOPE}#`;

/** One conversation's turns are recovered one at a time, in message order. */
export const webTurnOrderKey = (conversationId: string) => `turn#${conversationId}`;

/** The web-turn item a stored customer message belongs to, if any. */
export function webTurnKeyOf(message: Pick<Message, "metadata">): string | null {
  const key = message.metadata.inboxEventKey;
  return key?.startsWith(KEY_PREFIX) ? key : null;
}
