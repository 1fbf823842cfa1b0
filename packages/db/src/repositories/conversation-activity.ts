import type { Db } from "../client/db";
import { expiryAfterHours } from "../lib/ttl";
import { buildUpdate } from "../lib/update-expression";
import type { Conversation } from "../schemas/conversation";
import type { RepositoryContext } from "./context";
import { CONVERSATION_TTL_ATTRIBUTE as TTL, activitySort, previewOf } from "./conversation-item";
import type { ConversationStore } from "./conversation-store";

/**
 * Records activity (a message in or out): moves the conversation up the lists and extends its expiry.
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
    options: { at?: Date; preview?: string } = {},
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
