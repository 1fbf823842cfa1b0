import type { InfiniteData } from "@tanstack/react-query";
import type { TranscriptMessage } from "~/features/console/types";

/** One page of `conversations.messages` (newest first) as the query cache holds it. */
export interface TranscriptPage {
  items: TranscriptMessage[];
  nextCursor: string | null;
}

/**
 * The cached transcript pages with a message from the live stream or a send: a later copy of a cached
 * message (a delivery status update) replaces it where it is, a new one joins the newest page.
 */
export function withTranscriptMessage<Page extends TranscriptPage, Param>(
  data: InfiniteData<Page, Param>,
  message: TranscriptMessage,
  /**
   * A send's own answer: the live stream may have brought the message, and a later state of it (a
   * delivery that already failed or went out), before this answer arrived — the cached copy then stays.
   */
  options: { ifNew?: boolean } = {},
): InfiniteData<Page, Param> {
  const holder = data.pages.findIndex((page) =>
    page.items.some((item) => item.messageId === message.messageId),
  );
  if (holder !== -1 && options.ifNew) return data;
  const at = holder === -1 ? 0 : holder;
  const page = data.pages[at];
  if (!page) return data;
  const items =
    holder === -1
      ? [message, ...page.items]
      : page.items.map((item) => (item.messageId === message.messageId ? message : item));
  const pages = data.pages.map((p, index) => (index === at ? { ...p, items } : p));
  return { ...data, pages };
}
