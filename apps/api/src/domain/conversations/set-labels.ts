import type { Conversation } from "@agents-crm/db";
import { recordAudit } from "../audit";
import { normaliseLabels } from "../labels";
import { emitConversationChanged } from "./emit";
import type { StaffContext } from "./staff-context";
import { conversationView, type ConversationView } from "./views";

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((label) => b.includes(label));

/**
 * Replaces a conversation's labels (any staff role). Labels are normalised with the shared label rules,
 * so "VIP " and "vip" are one label; an unchanged set writes nothing. Audited as `conversation.labels`
 * with the old and new sets, announced live, and the labels-in-use counters move by the difference.
 */
export async function setConversationLabels(
  ctx: StaffContext,
  input: { conversationId: string; labels: readonly string[] },
): Promise<ConversationView> {
  const { deps } = ctx;
  const labels = normaliseLabels(input.labels, "labels");
  let before: Conversation | undefined;
  const after = await deps.repos.conversations.mutate(input.conversationId, (current) => {
    before = current;
    return sameSet(current.labels ?? [], labels) ? undefined : { labels };
  });
  const from = before?.labels ?? [];
  const to = after.labels ?? [];
  if (sameSet(from, to)) return conversationView(after);
  await deps.repos.conversationLabels.adjust(
    to.filter((label) => !from.includes(label)),
    from.filter((label) => !to.includes(label)),
  );
  await recordAudit(ctx, {
    action: "conversation.labels",
    resourceType: "conversation",
    resourceId: input.conversationId,
    oldValue: { labels: from },
    newValue: { labels: to },
  });
  await emitConversationChanged(deps.hub, after, "labels", { actorId: ctx.principal.id });
  return conversationView(after);
}
