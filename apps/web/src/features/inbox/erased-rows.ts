import type { ConversationPages } from "./conversation-pages";

/** The cached pages without an erased conversation's row (the same pages when it was not among them). */
export function withoutConversation<P>(
  data: ConversationPages<P>,
  conversationId: string,
): ConversationPages<P> {
  if (!data.pages.some((page) => page.items.some((row) => row.conversationId === conversationId)))
    return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.filter((row) => row.conversationId !== conversationId),
    })),
  };
}
