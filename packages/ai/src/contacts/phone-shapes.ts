import type { DigitGroup, PhoneSpan } from "./phone-spans";

const DATE_SEPARATOR = /^[./-]$/;

function inRange(digits: string, min: number, max: number): boolean {
  const value = Number(digits);
  return value >= min && value <= max;
}

function isDayMonth(a: string, b: string): boolean {
  if (a.length > 2 || b.length > 2) return false;
  // Either order: 12.03 (day first) and 03/12 (month first) are both written.
  return (inRange(a, 1, 31) && inRange(b, 1, 12)) || (inRange(a, 1, 12) && inRange(b, 1, 31));
}

function isYear(digits: string): boolean {
  return digits.length === 2 || (digits.length === 4 && inRange(digits, 1900, 2099));
}

function isDate(groups: DigitGroup[]): boolean {
  const [a, b, c] = groups;
  if (!a || !b) return false;
  if (!c) return b.separator !== "-" && isDayMonth(a.digits, b.digits);
  if (c.separator !== b.separator) return false;
  if (a.digits.length === 4) return isYear(a.digits) && isDayMonth(b.digits, c.digits);
  return isDayMonth(a.digits, b.digits) && isYear(c.digits);
}

/**
 * Indices of groups that form a date (12.03.2025, 2025-03-12, 12/03, 12.03). A date must stand alone:
 * "+7.981.700.10.12" continues with the same separator, so its "10.12" is not a date.
 */
export function dateGroupIndices(groups: readonly DigitGroup[]): Set<number> {
  const blocked = new Set<number>();
  for (let i = 0; i < groups.length; i += 1) {
    for (const size of [3, 2]) {
      const slice = groups.slice(i, i + size);
      const separator = slice[1]?.separator ?? "";
      if (slice.length < size || !DATE_SEPARATOR.test(separator)) continue;
      const before = groups[i]?.separator;
      const after = groups[i + size]?.separator;
      if (before === separator || after === separator || !isDate(slice)) continue;
      slice.forEach((_, k) => blocked.add(i + k));
    }
  }
  return blocked;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let value = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) value = value * 2 > 9 ? value * 2 - 9 : value * 2;
    sum += value;
  }
  return sum % 10 === 0;
}

const CARD_GROUPINGS = ["4,4,4,4", "4,6,5"];

/** Payment cards (13–19 digits: Luhn-valid run or 4-4-4-4 grouping) and Emirates ID numbers. */
export function isCardOrIdShape(span: PhoneSpan): boolean {
  if (span.plus) return false;
  const lengths = span.groups.map((group) => group.digits.length).join(",");
  if (CARD_GROUPINGS.some((g) => lengths === g || lengths.startsWith(`${g},`))) return true;
  const digits = span.groups.map((group) => group.digits).join("");
  if (lengths === "3,4,7,1" && digits.startsWith("784")) return true;
  const only = span.groups.length === 1 ? span.groups[0]?.digits : undefined;
  return only !== undefined && only.length >= 13 && only.length <= 19 && luhnValid(only);
}
