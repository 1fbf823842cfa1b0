import { chatMode } from "./chat-reducer";
import type { ConversationStatus, StatusNotice } from "./chat-types";
import { useT } from "~/i18n/i18n-provider";
import { Notice } from "~/ui/notice";

/**
 * Who answers now. The handoff message itself arrives as the agent's reply; this keeps the state
 * visible for as long as a person is to answer.
 */
export function StatusBanner({
  status,
  notice,
  ended,
  agentGone,
}: {
  status: ConversationStatus | null;
  notice: StatusNotice | null;
  ended: boolean;
  agentGone: boolean;
}) {
  const t = useT("chat").banner;
  if (agentGone) {
    return (
      <Notice look="banner" tone="danger" role="alert">
        {t.agentGone}
      </Notice>
    );
  }
  const mode = chatMode(status);
  if (mode === "human") {
    return (
      <Notice
        look="banner"
        tone="warning"
        role="status"
        data-testid="handoff-banner"
        data-status={status}
      >
        {status === "HUMAN_ACTIVE" ? t.humanJoined : t.humanWillAnswer}
      </Notice>
    );
  }
  if (mode === "ai" && notice === "returned_to_ai") {
    return (
      <Notice look="banner" tone="info" role="status" data-testid="ai-back">
        {t.aiBack}
      </Notice>
    );
  }
  if (mode === "ai" && ended && status === null) {
    return (
      <Notice look="banner" tone="info" role="status">
        {t.ended}
      </Notice>
    );
  }
  return null;
}
