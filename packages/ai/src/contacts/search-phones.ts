import type { FoundPhone, PhoneReader } from "@agents-crm/db";
import type { CountryCode } from "libphonenumber-js/max";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { extractContacts } from "./extract-contacts";

/**
 * The search index's phone reader: the numbers `extractContacts` validates (so prices, dates and ids
 * are not indexed as phones) with the digits of their national format, which is how a receptionist
 * types a local number ("8 912 345-67-89" for +7 912 345 67 89).
 */
export function searchPhoneReader(defaultCountry?: CountryCode): PhoneReader {
  return (text) =>
    extractContacts(text, { defaultCountry }).phoneNumbers.map((e164): FoundPhone => {
      const national = parsePhoneNumberFromString(e164)?.formatNational().replace(/\D/g, "");
      return national ? { e164, nationalDigits: national } : { e164 };
    });
}
