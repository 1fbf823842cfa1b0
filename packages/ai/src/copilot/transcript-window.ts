import type { CopilotMessage } from "./suggest-prompt";

/** About 6,000 tokens of conversation: long enough for any real chat, bounded for the odd endless one. */
export const MAX_TRANSCRIPT_CHARS = 24_000;
/** Customer messages a retrieval query is built from. */
const QUERY_MESSAGES = 3;

/**
 * The newest messages that fit in `maxChars`, oldest first. The newest one is always kept (cut from the
 * front if it alone is too long): it is what the draft answers.
 */
export function fitTranscript(
  messages: readonly CopilotMessage[],
  maxChars: number = MAX_TRANSCRIPT_CHARS,
): CopilotMessage[] {
  const kept: CopilotMessage[] = [];
  let used = 0;
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index]!;
    if (used + message.content.length > maxChars) {
      if (kept.length === 0) kept.push({ ...message, content: message.content.slice(-maxChars) });
      break;
    }
    used += message.content.length;
    kept.push(message);
  }
  return kept.reverse();
}

/**
 * What the customer is waiting for an answer to: their messages since the clinic last wrote, or, when
 * the clinic wrote last, their latest messages (a follow-up still concerns them).
 */
export function pendingCustomerMessages(messages: readonly CopilotMessage[]): string[] {
  const lastClinic = messages.findLastIndex((message) => message.role !== "user");
  const after = messages.slice(lastClinic + 1).map((message) => message.content);
  if (after.length > 0) return after.slice(-QUERY_MESSAGES);
  return messages
    .filter((message) => message.role === "user")
    .slice(-QUERY_MESSAGES)
    .map((message) => message.content);
}
