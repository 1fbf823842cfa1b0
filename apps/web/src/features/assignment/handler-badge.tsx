"use client";

import type { ConversationRow } from "~/features/console/types";
import { useSession } from "~/features/console/session-context";
import { useT } from "~/i18n/i18n-provider";
import { Badge } from "~/ui/badge";
import { StatusBadge } from "~/ui/status-badge";
import { handlerLabel } from "./assignee-label";
import { useAssignees } from "./use-assignees";

/**
 * The status badge, naming who handles the conversation: "Olga handles it" instead of "Human active",
 * and "Assigned: Olga" under any other status. `fallbackName` names an assignee no longer active.
 */
export function HandlerBadge({
  conversation,
  fallbackName,
}: {
  conversation: Pick<ConversationRow, "status" | "assigneeId">;
  fallbackName?: string | null;
}) {
  const t = useT("assignment");
  const { user } = useSession();
  const { byId } = useAssignees();
  const label = handlerLabel(
    conversation,
    { me: user.userId, nameOf: (id) => byId.get(id)?.name ?? fallbackName ?? undefined },
    t,
  );
  if (!label) return <StatusBadge status={conversation.status} />;
  const badge = (
    <Badge
      tone="info"
      data-testid="handler-badge"
      data-assignee-id={conversation.assigneeId}
      data-status={label.replacesStatus ? conversation.status : undefined}
    >
      {label.text}
    </Badge>
  );
  if (label.replacesStatus) return badge;
  return (
    <>
      <StatusBadge status={conversation.status} />
      {badge}
    </>
  );
}
