import { contextBefore, gluedAfterCode, gluedBeforeLetters, unitFollows } from "./phone-context";
import { dateGroupIndices, isCardOrIdShape } from "./phone-shapes";
import type { PhoneSpan } from "./phone-spans";
import { findPhoneSpans } from "./phone-spans";
import type { ResolveContext } from "./resolve-phone";
import { resolvePhone } from "./resolve-phone";

const MIN_DIGITS = 7;
// 15 digits is the E.164 maximum; "00" in front of an international number adds two. Every group
// has at least one digit, so no candidate spans more groups than this either.
const MAX_DIGITS = 17;

// Validation costs tens of microseconds; a message of hundreds of loose digit groups ("1 1 1 …")
// would otherwise take seconds. Real messages need a handful of attempts per number.
const ATTEMPTS_PER_MESSAGE = 300;

type SpanContext = Omit<ResolveContext, "verdict">;

interface Budget {
  attempts: number;
}

/** Candidates starting at group `from`, longest first, cut at dates and at MAX_DIGITS. */
function candidatesFrom(span: PhoneSpan, from: number, dates: Set<number>): [number, string][] {
  const candidates: [number, string][] = [];
  let digits = "";
  for (let to = from; to < span.groups.length && !dates.has(to); to += 1) {
    digits += span.groups[to]?.digits ?? "";
    if (digits.length > MAX_DIGITS) break;
    if (digits.length >= MIN_DIGITS) candidates.push([to, digits]);
  }
  return candidates.reverse();
}

/**
 * Splits one span into phone numbers, longest first from the left: "050 123 4567 050 765 4321" is
 * two numbers, and "12.03.2025 89123456789" skips the date.
 */
function phonesInSpan(text: string, span: PhoneSpan, base: SpanContext, budget: Budget): string[] {
  const total = span.groups.reduce((sum, group) => sum + group.digits.length, 0);
  if (total < MIN_DIGITS) return [];
  const verdict = contextBefore(text, span.start);
  if (verdict === "negative" || isCardOrIdShape(span) || gluedAfterCode(text, span.start)) {
    return [];
  }
  const dates = dateGroupIndices(span.groups);
  const context: ResolveContext = { ...base, verdict };
  const last = span.groups.length - 1;
  const found: string[] = [];
  let from = 0;
  while (from <= last) {
    let next = from + 1;
    for (const [to, digits] of candidatesFrom(span, from, dates)) {
      const end = span.groups[to]?.end ?? span.end;
      // "500mg" is a quantity; "+79123456789WhatsApp" is a number typed without a space.
      const glued = !span.plus && gluedBeforeLetters(text, end);
      if (to === last && (unitFollows(text, end) || glued)) continue;
      if (budget.attempts <= 0) return found;
      budget.attempts -= 1;
      const phone = resolvePhone({ digits, plus: from === 0 && span.plus }, context);
      if (phone) {
        found.push(phone);
        next = to + 1;
        break;
      }
    }
    from = next;
  }
  return found;
}

export function findPhones(text: string, base: SpanContext): string[] {
  const budget: Budget = { attempts: ATTEMPTS_PER_MESSAGE };
  return findPhoneSpans(text).flatMap((span) => phonesInSpan(text, span, base, budget));
}
