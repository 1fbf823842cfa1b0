import { extractContacts, type ExtractContactsOptions } from "@agents-crm/ai";
import { parseAgentConfig } from "@agents-crm/config/agent-config";
import type { PhoneReading, Repositories, StoredPhoneReader } from "@agents-crm/db";

type Country = ExtractContactsOptions["defaultCountry"];

/** The one number `text` reads as with `country`, or null (none, or more than one). */
function single(text: string, country: Country): string | null {
  const found = extractContacts(text, { defaultCountry: country }).phoneNumbers;
  return found.length === 1 ? (found[0] ?? null) : null;
}

/**
 * A stored phone as it should be: kept when it is a valid international number; otherwise it is what
 * the old rule stored for a number typed without its country code ("+" and the digits as typed), so the
 * digits are read as the contact's agents' countries (and, with none, as extractContacts reads a bare
 * number: "8 9xx…" is a Russian mobile). Rewritten only when every reading agrees on one number.
 */
export function readStoredPhone(stored: string, countries: readonly Country[]): PhoneReading {
  if (single(stored, undefined) === stored) return { phone: stored };
  const typed = stored.replace(/^\+/, "");
  const readings = new Set(
    [undefined, ...countries].map((c) => single(typed, c)).filter((p) => p !== null),
  );
  const [only] = readings;
  if (readings.size === 1 && only) return { phone: only };
  if (readings.size === 0) {
    const where = countries.length ? ` in ${countries.join(", ")}` : "";
    return { problem: `not a valid number, with or without a country${where}` };
  }
  return { problem: `no country code: it could be ${[...readings].join(" or ")}` };
}

/** The reader the phone migration uses: each contact's countries are those of its agents' documents. */
export async function storedPhoneReader(
  repos: Pick<Repositories, "agents">,
): Promise<StoredPhoneReader> {
  const countryOf = new Map<string, Country>();
  let cursor: string | null = null;
  do {
    const page = await repos.agents.list({ cursor, limit: 100 });
    for (const agent of page.items) {
      const parsed = parseAgentConfig(agent.config);
      const country = parsed.ok
        ? parsed.config.escalation.phone_detection.default_country
        : undefined;
      countryOf.set(agent.agentId, country?.toUpperCase() as Country);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return (stored, contact) => {
    const countries = new Set(contact.identities.map((i) => countryOf.get(i.agentId)));
    return readStoredPhone(
      stored,
      [...countries].filter((c) => c !== undefined),
    );
  };
}
