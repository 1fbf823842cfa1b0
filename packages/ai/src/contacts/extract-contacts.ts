import type { CountryCode } from "libphonenumber-js/max";

import { findEmails } from "./find-emails";
import { findPhones } from "./find-phones";
import { findNonPhoneUrls } from "./find-urls";
import { maskRanges } from "./mask-ranges";
import { normalizeContactText } from "./normalize-contact-text";
import type { ExtractedContacts } from "./schema";

export interface ExtractContactsOptions {
  /** The business's country: how numbers written without "+" (050…, 8 912…) are read. */
  defaultCountry?: CountryCode;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

// One customer message is read by the safety rule, the contact filler and the search index within the
// same turn: the last few answers are kept, so the text is parsed once. Long texts are not kept.
const REMEMBERED = 32;
const REMEMBERED_TEXT_LENGTH = 4096;
const remembered = new Map<string, ExtractedContacts>();

const copyOf = (found: ExtractedContacts): ExtractedContacts => ({
  phoneNumbers: [...found.phoneNumbers],
  emails: [...found.emails],
});

/**
 * Phone numbers (E.164) and e-mail addresses a customer wrote, in any script or format. Pure and
 * local: libphonenumber-js validates numbers, context words in en/ru/ar reject prices, dates and ids.
 */
export function extractContacts(
  text: string,
  options: ExtractContactsOptions = {},
): ExtractedContacts {
  if (text.length > REMEMBERED_TEXT_LENGTH) return extract(text, options);
  const key = `${options.defaultCountry ?? ""}\u0000${text}`;
  const known = remembered.get(key);
  if (known) return copyOf(known);
  const found = extract(text, options);
  if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value as string);
  remembered.set(key, found);
  return copyOf(found);
}

function extract(text: string, options: ExtractContactsOptions): ExtractedContacts {
  const normalized = normalizeContactText(text);
  const emails = findEmails(normalized);
  // Digits inside e-mail addresses and ordinary links are not phone numbers.
  const masked = maskRanges(normalized, [...emails, ...findNonPhoneUrls(normalized)]);
  const phoneNumbers = findPhones(masked, {
    defaultCountry: options.defaultCountry,
    cyrillic: CYRILLIC.test(normalized),
  });
  return {
    phoneNumbers: [...new Set(phoneNumbers)],
    emails: [...new Set(emails.map((found) => found.email))],
  };
}
