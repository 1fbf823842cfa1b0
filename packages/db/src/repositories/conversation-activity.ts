import type { Db } from "../client/db";
import { expiryAfterHours } from "../lib/ttl";
import { buildUpdate } from "../lib/update-expression";
import type { Conversation } from "../schemas/conversation";
import type { RepositoryContext } from "./context";
import { CONVERSATION_TTL_ATTRIBUTE as TTL, activitySort, previewOf } from "./conversation-item";
import type { ConversationStore } from "./conversation-store";

/**
 * Records activity (a message in or out): moves the conversation up the lists and extends its expiry;
 * a customer's message is also remembered as their latest (in the same write).
 * Only moves forward in time; does not bump `version`, because it touches no field `update` sets.
 * Returns null when the conversation is absent or expired.
 */
export function createTouchActivity(
  db: Db,
  ctx: RepositoryContext,
  store: ConversationStore,
  refreshLookup: (item: Record<string, unknown>) => Promise<void>,
) {
  const { updateReturningNew, read, get, notExpired } = store;
  return async function touchActivity(
    conversationId: string,
    /** `fromCustomer`: the message is the customer's, so it is also the conversation's latest from them. */
    options: { at?: Date; preview?: string; fromCustomer?: boolean } = {},
  ): Promise<Conversation | null> {
    const at = options.at ?? ctx.now();
    const iso = at.toISOString();
    const names: Record<string, string> = { "#agent": "agent_id", "#last": "last_activity_at" };
    const values: Record<string, unknown> = { ":at": iso };
    const condition = [
      "attribute_exists(#agent)",
      notExpired(values, names),
      "(attribute_not_exists(#last) OR #last <= :at)",
    ].join(" AND ");
    const expression = buildUpdate(
      {
        last_activity_at: iso,
        activity_sort: activitySort(iso, conversationId),
        last_message_preview:
          options.preview === undefined ? undefined : previewOf(options.preview),
        [TTL]: expiryAfterHours(at, ctx.messageTtlHours),
        ...(options.fromCustomer && {
          last_customer_message_at: iso,
          last_customer_message_preview: previewOf(options.preview ?? ""),
        }),
      },
      { names, values },
    );
    const out = await updateReturningNew(conversationId, expression, condition);
    if (!out) return get(conversationId);
    if (!out.Attributes) return null;
    await refreshLookup(out.Attributes);
    return read(out.Attributes) ?? null;
  };
}
