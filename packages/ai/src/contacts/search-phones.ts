import { foldText, type FoundPhone, type PhoneReader } from "@agents-crm/db";
import type { CountryCode } from "libphonenumber-js/max";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { extractContacts } from "./extract-contacts";

const RUN = /\+?\d[\d\s().-]{5,22}\d/g;

const withNational = (e164: string): FoundPhone => {
  const national = parsePhoneNumberFromString(e164)?.formatNational().replace(/\D/g, "");
  return national ? { e164, nationalDigits: national } : { e164 };
};

/**
 * The search index's phone reader: the numbers `extractContacts` finds (every format, every script),
 * with the digits of their national format — how a receptionist types a local number ("8 912 345-67-89"
 * for +7 912 345 67 89). Search is more permissive than contact extraction, which wants context
 * ("call me") to tell a phone from a price: here a number indexed needlessly costs a few index items,
 * while a number missed can never be found. So digit runs libphonenumber accepts are added, and any
 * other run of 7–15 digits is findable by its digits as written.
 */
export function searchPhoneReader(defaultCountry?: CountryCode): PhoneReader {
  return (text) => {
    const found = new Map<string, FoundPhone>();
    for (const e164 of extractContacts(text, { defaultCountry }).phoneNumbers) {
      found.set(e164, withNational(e164));
    }
    for (const [run] of foldText(text).matchAll(RUN)) {
      const digits = run.replace(/\D/g, "");
      if (digits.length < 7 || digits.length > 15) continue;
      // "0049 151…" dials "+49 151…" from anywhere (the "00" international prefix, as normalizePhone reads it).
      const international = /^00[1-9]/.test(digits) ? `+${digits.slice(2)}` : run;
      const parsed = parsePhoneNumberFromString(international, defaultCountry);
      const e164 = parsed?.isValid() ? parsed.number : `+${international.replace(/\D/g, "")}`;
      if (!found.has(e164)) found.set(e164, parsed?.isValid() ? withNational(e164) : { e164 });
    }
    return [...found.values()];
  };
}
