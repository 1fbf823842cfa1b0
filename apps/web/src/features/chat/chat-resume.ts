import type { ChatAction } from "./chat-reducer";
import type { ChatHistoryPage, ChatSession } from "./chat-types";
import { trpcErrorCode } from "./send-errors";

export interface ResumeParts {
  /** The conversation followed now; null before the first message or a resume. */
  current: () => ChatSession | null;
  /** The conversation this browser stored for the agent, if any. */
  stored: () => ChatSession | null;
  /** Listen on from the end of the page just read. */
  resumeAt: (cursor: string | null) => void;
  /** Follow the stored conversation, from the end of its page. */
  adopt: (session: ChatSession, cursor: string | null) => void;
  /** The server no longer knows it (expired or closed for good). */
  ended: () => void;
}

export const oldestFirst = (page: ChatHistoryPage) => [...page.items].reverse();

/**
 * The newest history page as a transcript change: the stored conversation resumed, or the followed
 * one read again (a resync); null when there is nothing to read or the page came too late.
 */
export async function readNewest(
  newest: (session: ChatSession) => Promise<ChatHistoryPage>,
  parts: ResumeParts,
): Promise<ChatAction | null> {
  const known = parts.current();
  const session = known ?? parts.stored();
  if (!session) return null;
  try {
    const page = await newest(session);
    // Started afresh meanwhile: this page belongs to a conversation no longer shown.
    if (parts.current() !== known) return null;
    if (known) parts.resumeAt(page.eventCursor);
    else parts.adopt(session, page.eventCursor);
    return {
      type: "history",
      messages: oldestFirst(page),
      status: page.status,
      olderCursor: page.nextCursor,
    };
  } catch (error) {
    if (trpcErrorCode(error) !== "NOT_FOUND") throw error;
    parts.ended();
    return { type: "reset" };
  }
}
