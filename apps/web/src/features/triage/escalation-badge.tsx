"use client";

import { triagePriority, type TriagePriority } from "@agents-crm/config/triage";
import { useT } from "~/i18n/i18n-provider";
import { Badge, type BadgeTone } from "~/ui/badge";

const TONES: Record<TriagePriority, BadgeTone> = {
  urgent: "danger",
  medical: "warning",
  moderation: "warning",
  contact: "info",
  other: "neutral",
};

/** Why a conversation waits for a human, as its triage priority (the queue is sorted by it). */
export function EscalationBadge({ escalationType }: { escalationType: string | undefined }) {
  const t = useT("triage");
  const priority = triagePriority(escalationType);
  const label = t.priorities[priority];
  return (
    <Badge
      tone={TONES[priority]}
      solid={priority === "urgent"}
      data-priority={priority}
      data-testid="escalation-badge"
      title={t.escalationBadge(label)}
    >
      {label}
    </Badge>
  );
}
