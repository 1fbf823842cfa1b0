import type { ConversationRow } from "./types";

/** How staff recognise a customer in a row: the platform's user id, else "Web visitor". */
export function customerLabel(
  row: Pick<ConversationRow, "channel" | "externalUserId">,
  words: { webVisitor: string; unknownCustomer: string },
): string {
  if (row.externalUserId) return row.externalUserId;
  return row.channel === "web_chat" ? words.webVisitor : words.unknownCustomer;
}

/** The last characters of an id (ULIDs differ at the end within a millisecond). */
export const shortId = (id: string) => id.slice(-6).toLowerCase();
