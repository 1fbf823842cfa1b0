"use client";

import type { ConversationStatus } from "~/features/console/types";
import { useT } from "~/i18n/i18n-provider";
import { Badge, type BadgeTone } from "./badge";

const TONES: Record<ConversationStatus, BadgeTone> = {
  AI_ACTIVE: "accent",
  NEEDS_HUMAN: "warning",
  HUMAN_ACTIVE: "info",
  RESOLVED: "success",
  CLOSED: "neutral",
};

export function StatusBadge({ status }: { status: ConversationStatus }) {
  const t = useT("common");
  return (
    <Badge tone={TONES[status]} data-status={status} data-testid="status-badge">
      {t.statuses[status]}
    </Badge>
  );
}
