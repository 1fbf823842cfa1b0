/**
 * A cheap first look at a Meta payload, before any schema parsing: which accounts it names and how many
 * items it carries. It decides how many bindings must be looked up (and refuses too many) before the
 * events are parsed; it names every account the parsers can produce events for, and perhaps more.
 */
export interface AccountScan {
  accounts: string[];
  /** Messages, statuses and other items, each of which the parser either turns into an event or skips. */
  items: number;
}

const objectOf = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
const arrayOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const idOf = (value: unknown): string | undefined =>
  typeof value === "string" || typeof value === "number" ? String(value) : undefined;

function scan(
  payload: unknown,
  object: string,
  visit: (entry: Record<string, unknown>, found: Set<string>) => number,
): AccountScan {
  const envelope = objectOf(payload);
  const found = new Set<string>();
  let items = 0;
  if (envelope?.object !== object) return { accounts: [], items: 1 };
  for (const entry of arrayOf(envelope.entry)) {
    const fields = objectOf(entry);
    items += fields ? visit(fields, found) : 1;
  }
  return { accounts: [...found], items };
}

/** WhatsApp: entry[].changes[].value.metadata.phone_number_id. */
export const scanWhatsApp = (payload: unknown): AccountScan =>
  scan(payload, "whatsapp_business_account", (entry, found) => {
    let items = 0;
    for (const change of arrayOf(entry.changes)) {
      const value = objectOf(objectOf(change)?.value);
      const account = idOf(objectOf(value?.metadata)?.phone_number_id);
      if (account !== undefined) found.add(account);
      items += Math.max(1, arrayOf(value?.messages).length + arrayOf(value?.statuses).length);
    }
    return items;
  });

/** Instagram: entry[].messaging[].recipient.id (sender.id of an echo). */
export const scanInstagram = (payload: unknown): AccountScan =>
  scan(payload, "instagram", (entry, found) => {
    const messaging = arrayOf(entry.messaging);
    for (const item of messaging) {
      const fields = objectOf(item);
      // An echo names the business account as its sender.
      const side = objectOf(fields?.message)?.is_echo === true ? "sender" : "recipient";
      const account = idOf(objectOf(fields?.[side])?.id);
      if (account !== undefined) found.add(account);
    }
    return messaging.length + arrayOf(entry.standby).length + arrayOf(entry.changes).length;
  });
