import { chatMode } from "./chat-reducer";
import type { ConversationStatus, StatusNotice } from "./chat-types";
import { useT } from "~/i18n/i18n-provider";
import styles from "./chat.module.css";

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
      <p className={`${styles.banner} ${styles.bannerProblem}`} role="alert">
        {t.agentGone}
      </p>
    );
  }
  const mode = chatMode(status);
  if (mode === "human") {
    return (
      <p
        className={`${styles.banner} ${styles.bannerHuman}`}
        role="status"
        data-testid="handoff-banner"
        data-status={status}
      >
        {status === "HUMAN_ACTIVE" ? t.humanJoined : t.humanWillAnswer}
      </p>
    );
  }
  if (mode === "ai" && notice === "returned_to_ai") {
    return (
      <p className={`${styles.banner} ${styles.bannerInfo}`} role="status" data-testid="ai-back">
        {t.aiBack}
      </p>
    );
  }
  if (mode === "ai" && ended && status === null) {
    return (
      <p className={`${styles.banner} ${styles.bannerInfo}`} role="status">
        {t.ended}
      </p>
    );
  }
  return null;
}
