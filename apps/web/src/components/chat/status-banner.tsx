import { chatMode } from "../../lib/chat/chat-reducer";
import type { ConversationStatus, StatusNotice } from "../../lib/chat/chat-types";
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
  if (agentGone) {
    return (
      <p className={`${styles.banner} ${styles.bannerProblem}`} role="alert">
        This assistant is not available any more.
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
        {status === "HUMAN_ACTIVE"
          ? "An administrator has joined and will answer here."
          : "An administrator will answer here. You can keep writing: the team sees your messages."}
      </p>
    );
  }
  if (mode === "ai" && notice === "returned_to_ai") {
    return (
      <p className={`${styles.banner} ${styles.bannerInfo}`} role="status" data-testid="ai-back">
        The assistant is answering again.
      </p>
    );
  }
  if (mode === "ai" && ended && status === null) {
    return (
      <p className={`${styles.banner} ${styles.bannerInfo}`} role="status">
        Your previous conversation has ended. Your next message starts a new one.
      </p>
    );
  }
  return null;
}
