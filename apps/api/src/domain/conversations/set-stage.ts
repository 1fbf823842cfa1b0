import type { Conversation } from "@agents-crm/db";
import { recordAudit } from "../audit";
import { resolveStageChange } from "../stages/stage-change";
import { emitConversationChanged } from "./emit";
import type { StaffContext } from "./staff-context";
import { conversationView, type ConversationView } from "./views";

/**
 * Moves a conversation through the CRM pipeline. The stage must exist and a stage that requires a reason
 * gets one (the stages domain decides). Saving the same stage and reason again writes, audits and
 * announces nothing (the reference wrote an audit row per keystroke).
 */
export async function setStage(
  ctx: StaffContext,
  input: { conversationId: string; stage: string; rejectionReason?: string | null },
): Promise<ConversationView> {
  const { deps } = ctx;
  const target = await resolveStageChange(deps.repos, input);
  let before: Conversation | undefined;
  let changed = false;
  const after = await deps.repos.conversations.mutate(input.conversationId, (current) => {
    before = current;
    changed =
      current.stage !== target.stage.id ||
      (current.rejectionReason ?? null) !== target.rejectionReason;
    return changed
      ? { stage: target.stage.id, rejectionReason: target.rejectionReason }
      : undefined;
  });
  if (!changed) return conversationView(after);
  await recordAudit(ctx, {
    action: "update_marketing_status",
    resourceType: "conversation",
    resourceId: input.conversationId,
    oldValue: { stage: before?.stage, rejectionReason: before?.rejectionReason ?? null },
    newValue: { stage: after.stage, rejectionReason: after.rejectionReason ?? null },
  });
  await emitConversationChanged(deps.hub, after, "stage", { actorId: ctx.principal.id });
  return conversationView(after);
}
