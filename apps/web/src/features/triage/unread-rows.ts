import type { ConversationRow } from "~/features/console/types";
import type { ConversationPages } from "~/features/inbox/conversation-pages";

/**
 * Event rows carry no reader's mark: a row keeps the one its page brought, and becomes unread when the
 * customer wrote since (a row new to the list: when the customer's message is its latest activity).
 */
export function carryUnread(
  current: ConversationRow | undefined,
  next: ConversationRow,
): ConversationRow {
  // The row kept, or a page's row: the server's word for this reader.
  if (next === current || next.unread !== undefined) return next;
  const wrote = next.lastCustomerMessageAt;
  const customerWroteSince =
    wrote !== undefined &&
    (current ? wrote > (current.lastCustomerMessageAt ?? "") : wrote >= next.lastActivityAt);
  // Absent reads as "not unread": rows are left as they are unless there is news to mark.
  return customerWroteSince || current?.unread ? { ...next, unread: true } : next;
}

/** The caller read a conversation (here or in another tab): what the customer wrote until then is read. */
export function rowRead(row: ConversationRow, readAt: string): ConversationRow {
  if (!row.unread || (row.lastCustomerMessageAt ?? "") > readAt) return row;
  return { ...row, unread: false };
}

/** The cached inbox pages after a read. */
export function pagesRead<P>(
  data: ConversationPages<P>,
  conversationId: string,
  readAt: string,
): ConversationPages<P> {
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.map((row) =>
        row.conversationId === conversationId ? rowRead(row, readAt) : row,
      ),
    })),
  };
}
