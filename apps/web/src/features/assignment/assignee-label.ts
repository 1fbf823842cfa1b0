import type { assignment } from "./messages";

type Words = (typeof assignment)["en"];

/** What a badge says about who handles a conversation; null when nobody is assigned. */
export function handlerLabel(
  row: { status: string; assigneeId?: string | undefined },
  names: { me: string; nameOf: (userId: string) => string | undefined },
  t: Words,
): { text: string; replacesStatus: boolean } | null {
  const { assigneeId } = row;
  if (!assigneeId) return null;
  const mine = assigneeId === names.me;
  const name = names.nameOf(assigneeId) ?? t.formerStaff;
  // "Human active" says not who: while a person handles it, their name is the status.
  if (row.status === "HUMAN_ACTIVE") {
    return { text: mine ? t.handledByYou : t.handledBy(name), replacesStatus: true };
  }
  return { text: mine ? t.assignedToYou : t.assignedTo(name), replacesStatus: false };
}

/**
 * A re-alert's title when the conversation has an assignee: it addresses them ("assigned to you"), and
 * tells everyone else whose it is; null when nobody is assigned (the plain "still waiting" title).
 */
export function realertTitle(
  assigneeId: string | undefined,
  minutes: number,
  names: { me: string; nameOf: (userId: string) => string | undefined },
  t: Words,
): string | null {
  if (!assigneeId) return null;
  if (assigneeId === names.me) return t.alert.stillWaitingForYou(minutes);
  return t.alert.stillWaitingFor(names.nameOf(assigneeId) ?? t.formerStaff, minutes);
}
