/** One phone number found in text: its E.164 form and, when known, the digits of its national format. */
export interface FoundPhone {
  e164: string;
  /** "8 (912) 345-67-89" → "89123456789": how people in its country write it. */
  nationalDigits?: string;
}

/**
 * Finds phone numbers in text. The API and worker pass `@agents-crm/ai`'s reader (extractContacts:
 * libphonenumber validation, context words, the business's country); packages/db cannot import the ai
 * package, so without one it falls back to `digitRunPhones`.
 */
export type PhoneReader = (text: string) => FoundPhone[];

const RUN = /\+?\d[\d\s().-]{5,22}\d/g;

/** Runs of 7–15 digits (separators allowed); "+" makes them E.164. No validation, no national format. */
export const digitRunPhones: PhoneReader = (text) =>
  [...text.matchAll(RUN)].flatMap(([run]) => {
    const digits = run.replace(/\D/g, "");
    if (digits.length < 7 || digits.length > 15) return [];
    return [{ e164: `+${digits}` }];
  });
