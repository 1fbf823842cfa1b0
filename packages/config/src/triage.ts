/**
 * The needs-human queue's order: the kind of escalation decides how soon a person must look, then the
 * time it has waited. Escalation types are the agent config's (`urgent`, `medical`, `booking`, …; the
 * safety net's categories map onto them: urgent → urgent, abuse → moderation, the clinical ones →
 * medical). Anything else — a custom rule, a returning patient, an unreadable message, a row from
 * before escalation types — is "other".
 */
export const TRIAGE_PRIORITIES = ["urgent", "medical", "moderation", "contact", "other"] as const;
export type TriagePriority = (typeof TRIAGE_PRIORITIES)[number];

// A Map, not an object: a stored type such as "__proto__" must not reach a prototype.
const PRIORITY_OF_TYPE: ReadonlyMap<string, TriagePriority> = new Map([
  ["urgent", "urgent"],
  ["medical", "medical"],
  ["moderation", "moderation"],
  ["booking", "contact"],
  ["contact", "contact"],
]);

/** The priority of an escalation type (`escalationType` of a conversation). */
export function triagePriority(escalationType: string | null | undefined): TriagePriority {
  return (escalationType && PRIORITY_OF_TYPE.get(escalationType)) || "other";
}

/** 0 is the most urgent: the queue's sort key starts with it. */
export function triagePriorityRank(escalationType: string | null | undefined): number {
  return TRIAGE_PRIORITIES.indexOf(triagePriority(escalationType));
}

/**
 * Unread: customer messages a staff member has not seen, within this many days (older ones are history,
 * not news; read markers expire a day after it, so they never pile up).
 */
export const UNREAD_HORIZON_DAYS = 7;
/** An unread count reads at most this many recent conversations; more shows as "100+". */
export const UNREAD_COUNT_CAP = 100;
