import type { Message } from "@agents-crm/db";

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * The customer messages from `first` on that nothing has answered yet, oldest first (`recent` is in
 * conversation order). A reply covers every customer message up to the last one it answers: earlier
 * ones were in its history. A staff message covers every message before it: a human responded. Empty
 * when `first` itself is covered.
 */
export function unansweredFrom(recent: readonly Message[], first: Message): Message[] {
  let coveredUpTo = "";
  for (const message of recent) {
    if (message.role === "admin") coveredUpTo = later(coveredUpTo, message.messageId);
    if (message.role !== "agent") continue;
    const answered = message.metadata.answers ?? [];
    // A notice that names no message (older rows) covers what came before it.
    coveredUpTo = later(coveredUpTo, answered.reduce(later, "") || message.messageId);
  }
  if (first.messageId <= coveredUpTo) return [];
  return recent.filter((m) => m.role === "user" && m.messageId >= first.messageId);
}
