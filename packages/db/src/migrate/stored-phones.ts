import { MAX_LABELS_PER_ITEM } from "@agents-crm/config/contacts";
import { VersionConflictError } from "../lib/errors";
import type { Repositories } from "../repositories";
import type { Contact } from "../schemas/contact";

/** How a stored phone reads today: its E.164 form (the same when it was right), or why it cannot. */
export type PhoneReading = { phone: string } | { problem: string };

/**
 * Reads one stored phone of `contact` (the API's: libphonenumber and the countries of the contact's
 * agents, which packages/db cannot import).
 */
export type StoredPhoneReader = (stored: string, contact: Contact) => PhoneReading;

/** The label staff filter the contact list by to find the phones left for them to check. */
export const PHONE_CHECK_LABEL = "phone-check";
const ACTOR = { id: "system", name: "Phone migration" } as const;
const MAX_ATTEMPTS = 5;

export interface StoredPhonesReport {
  contacts: number;
  normalized: { contactId: string; from: string; to: string }[];
  flagged: { contactId: string; phone: string; problem: string }[];
}

interface Plan {
  phones: string[];
  normalized: StoredPhonesReport["normalized"];
  flagged: StoredPhonesReport["flagged"];
  labels?: string[];
}

function planFor(contact: Contact, readPhone: StoredPhoneReader): Plan {
  const plan: Plan = { phones: [], normalized: [], flagged: [] };
  for (const stored of contact.phones) {
    const reading = readPhone(stored, contact);
    if ("phone" in reading) {
      plan.phones.push(reading.phone);
      if (reading.phone !== stored) {
        plan.normalized.push({ contactId: contact.contactId, from: stored, to: reading.phone });
      }
    } else {
      plan.phones.push(stored);
      plan.flagged.push({ contactId: contact.contactId, phone: stored, problem: reading.problem });
    }
  }
  const room = contact.labels.length < MAX_LABELS_PER_ITEM;
  if (plan.flagged.length && room && !contact.labels.includes(PHONE_CHECK_LABEL)) {
    plan.labels = [...contact.labels, PHONE_CHECK_LABEL];
  }
  return plan;
}

/** Writes the plan under the version read; a concurrent edit makes it read and plan again. */
async function apply(
  repos: Pick<Repositories, "contacts" | "searchIndex" | "audit">,
  first: Contact,
  readPhone: StoredPhoneReader,
): Promise<Plan> {
  let contact = first;
  for (let attempt = 1; ; attempt++) {
    const plan = planFor(contact, readPhone);
    if (!plan.normalized.length && !plan.labels) return plan;
    try {
      const after = await repos.contacts.update(
        contact.contactId,
        { ...(plan.normalized.length > 0 && { phones: plan.phones }), labels: plan.labels },
        { expectedVersion: contact.version },
      );
      await repos.searchIndex.indexContact(after);
      await repos.audit.append({
        actorId: ACTOR.id,
        actorName: ACTOR.name,
        action: "contact.update",
        resourceType: "contact",
        resourceId: contact.contactId,
        oldValue: { phones: contact.phones, labels: contact.labels },
        newValue: { phones: after.phones, labels: after.labels },
        metadata: { fields: plan.labels ? ["phones", "labels"] : ["phones"] },
      });
      return plan;
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      const current = await repos.contacts.get(contact.contactId);
      if (!current) return { phones: [], normalized: [], flagged: [] };
      contact = current;
    }
  }
}

/**
 * Phones staff typed before a country code was required were stored as "+" and the digits as typed
 * ("8 999 123-45-67" became +89991234567), out of reach of phone search and merge suggestions. Every
 * contact's phones are read again (`readPhone`): those it can tell are stored in E.164 (the contact
 * re-indexed, the change audited as the system's); those it cannot are left as they are, logged, and
 * the contact labelled `phone-check` so staff find them in the console's label filter. Pages the
 * contact list (an operator command, never a request path); safe to re-run.
 */
export async function normalizeStoredPhones(
  repos: Pick<Repositories, "contacts" | "searchIndex" | "audit">,
  options: { readPhone: StoredPhoneReader; dryRun?: boolean; log?: (line: string) => void },
): Promise<StoredPhonesReport> {
  const log = options.log ?? (() => undefined);
  const report: StoredPhonesReport = { contacts: 0, normalized: [], flagged: [] };
  let cursor: string | null = null;
  do {
    const page = await repos.contacts.list({ cursor, limit: 100 });
    for (const contact of page.items) {
      report.contacts++;
      if (!contact.phones.length) continue;
      const plan = options.dryRun
        ? planFor(contact, options.readPhone)
        : await apply(repos, contact, options.readPhone);
      for (const change of plan.normalized) {
        log(`contact ${change.contactId}: phone ${change.from} → ${change.to}`);
      }
      const labelled = plan.labels !== undefined || contact.labels.includes(PHONE_CHECK_LABEL);
      for (const flag of plan.flagged) {
        log(
          `contact ${flag.contactId}: phone ${flag.phone} left as stored (${flag.problem})` +
            `${labelled ? `, labelled "${PHONE_CHECK_LABEL}"` : ""}: edit it with its country code`,
        );
      }
      report.normalized.push(...plan.normalized);
      report.flagged.push(...plan.flagged);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return report;
}
