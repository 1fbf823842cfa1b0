import { PLATFORMS } from "@agents-crm/config/channels";
import type { ApiDeps } from "../../deps";
import type { Logger } from "../../logger";
import { enqueueDelivery } from "../delivery/delivery-job";

/** A staff reply is stored, then queued a moment later: only a crash in between leaves one unqueued. */
const LOOKBACK_MS = 24 * 3600_000;
const MAX_CONVERSATIONS_PER_CHANNEL = 1_000;
const MESSAGES_PER_CONVERSATION = 20;

/**
 * At start: queues pending staff replies of recently active channel conversations that have no
 * delivery job (the process died between storing one and queueing it). Queueing is keyed by the message
 * id, so replies already queued, sent or given up on are left alone. Agent text replies are not touched:
 * their inbox event is re-run until they are delivered or queued, and queueing one here could race
 * with that run's own delivery.
 */
export async function recoverPendingDeliveries(
  deps: Pick<ApiDeps, "repos" | "inboxSignal">,
  log: Logger,
  now: Date = new Date(),
): Promise<number> {
  const since = new Date(now.getTime() - LOOKBACK_MS).toISOString();
  let queued = 0;
  for (const channel of PLATFORMS) {
    let cursor: string | null = null;
    let seen = 0;
    do {
      const page = await deps.repos.conversations.list({ channel, cursor, limit: 100 });
      const recent = page.items.filter((c) => c.lastActivityAt >= since);
      for (const conversation of recent) {
        const messages = await deps.repos.messages.lastN(
          conversation.conversationId,
          MESSAGES_PER_CONVERSATION,
        );
        for (const message of messages) {
          // The agent's file messages (knowledge documents) are queued, never sent in the turn: safe too.
          const queuedOnly = message.role === "admin" || (message.fileIds?.length ?? 0) > 0;
          if (!queuedOnly || message.deliveryStatus !== "pending") continue;
          if (await enqueueDelivery(deps, message)) queued++;
        }
      }
      seen += page.items.length;
      cursor = recent.length === page.items.length ? page.nextCursor : null;
    } while (cursor && seen < MAX_CONVERSATIONS_PER_CHANNEL);
  }
  if (queued > 0) log.info("queued pending deliveries found at start", { queued });
  return queued;
}
