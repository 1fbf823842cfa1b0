import type { CountryCode, PhoneNumber } from "libphonenumber-js/max";
import { getCountryCallingCode, parsePhoneNumberFromString } from "libphonenumber-js/max";

import type { ContextVerdict } from "./phone-context";

export interface PhoneCandidate {
  digits: string;
  /** Written with "+" in front. */
  plus: boolean;
}

export interface ResolveContext {
  defaultCountry?: CountryCode;
  verdict: ContextVerdict;
  /** The message has Cyrillic text, so a Russian trunk "8" is the likely reading of "8 …". */
  cyrillic: boolean;
}

// The "max" metadata carries each country's full number patterns; "min" only checks lengths, which
// would accept dates and ids ("20250312" is a "valid" UAE number under min, not under max).
function parse(input: string, country?: CountryCode): PhoneNumber | undefined {
  return parsePhoneNumberFromString(input, country);
}

function international(candidate: PhoneCandidate): string | null {
  if (candidate.plus) return `+${candidate.digits}`;
  // "00" is the international prefix across Europe, the Gulf and most of Asia.
  return candidate.digits.startsWith("00") ? `+${candidate.digits.slice(2)}` : null;
}

function russianTrunk(digits: string, context: ResolveContext): string | null {
  if (digits.length !== 11 || !digits.startsWith("8")) return null;
  const phone = parse(digits, "RU");
  if (!phone?.isValid()) return null;
  // Without a Russian default, "8 9xx…" (mobile) is unmistakable; other "8 …" need corroboration.
  const likely =
    context.defaultCountry === "RU" ||
    context.defaultCountry === "KZ" ||
    digits[1] === "9" ||
    context.cyrillic ||
    context.verdict === "positive";
  return likely ? phone.number : null;
}

// "мой номер 912 345 67 89": a Russian mobile without the trunk prefix, told by script and cue.
function russianMobileWithoutTrunk(digits: string, context: ResolveContext): string | null {
  if (digits.length !== 10 || !digits.startsWith("9")) return null;
  if (!context.cyrillic || context.verdict !== "positive") return null;
  const phone = parse(digits, "RU");
  return phone?.isValid() ? phone.number : null;
}

function withoutPlus(digits: string, context: ResolveContext): string | null {
  if (digits.length < 11) return null;
  const phone = parse(`+${digits}`);
  if (!phone?.isValid()) return null;
  const defaultCode = context.defaultCountry && getCountryCallingCode(context.defaultCountry);
  const likely =
    context.verdict === "positive" ||
    phone.countryCallingCode === defaultCode ||
    (phone.countryCallingCode === "7" && phone.nationalNumber.startsWith("9"));
  return likely ? phone.number : null;
}

/** The E.164 form of a digit run if it is a phone number in this context, else null. */
export function resolvePhone(candidate: PhoneCandidate, context: ResolveContext): string | null {
  const explicit = international(candidate);
  if (explicit) {
    const phone = parse(explicit);
    if (phone?.isValid()) return phone.number;
    // A written "+" plus a phone cue: trust a plausible length even outside the known ranges.
    return context.verdict === "positive" && phone?.isPossible() ? phone.number : null;
  }
  if (context.defaultCountry) {
    const phone = parse(candidate.digits, context.defaultCountry);
    if (phone?.isValid()) return phone.number;
  }
  return (
    russianTrunk(candidate.digits, context) ??
    russianMobileWithoutTrunk(candidate.digits, context) ??
    withoutPlus(candidate.digits, context)
  );
}
