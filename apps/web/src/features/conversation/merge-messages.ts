import type { TranscriptMessage } from "~/features/console/types";

/**
 * Messages from pages and live events, each once (by id), oldest first. Message ids are ULIDs, so they
 * sort in arrival order; a later copy of the same message (e.g. a delivery status update) replaces it.
 */
export function mergeMessages(
  ...groups: readonly (readonly TranscriptMessage[])[]
): TranscriptMessage[] {
  const byId = new Map<string, TranscriptMessage>();
  for (const group of groups) for (const message of group) byId.set(message.messageId, message);
  return [...byId.values()].sort((a, b) =>
    a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0,
  );
}
