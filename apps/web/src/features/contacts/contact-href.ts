export const contactHref = (contactId: string) =>
  `/admin/contacts/${encodeURIComponent(contactId)}`;
export const conversationHref = (conversationId: string) =>
  `/admin/conversations/${encodeURIComponent(conversationId)}`;
