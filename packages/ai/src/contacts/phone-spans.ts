export interface DigitGroup {
  digits: string;
  start: number;
  end: number;
  /** Characters between the previous group and this one ("" for the first group). */
  separator: string;
}

export interface PhoneSpan {
  start: number;
  end: number;
  plus: boolean;
  groups: DigitGroup[];
}

// Digit groups joined by at most three of: space, tab, dot, dash, brackets. Commas, slashes,
// colons and line breaks end a span: they separate list items, dates and times, not digit groups.
const SPAN = /(?:\+ ?)?\(?\d(?:[ \t().-]{0,3}\d)*\)?/g;
const GROUP = /\d+/g;

export function findPhoneSpans(text: string): PhoneSpan[] {
  const spans: PhoneSpan[] = [];
  for (const match of text.matchAll(SPAN)) {
    const groups: DigitGroup[] = [];
    let previousEnd = -1;
    for (const group of match[0].matchAll(GROUP)) {
      const start = match.index + group.index;
      groups.push({
        digits: group[0],
        start,
        end: start + group[0].length,
        separator: previousEnd < 0 ? "" : text.slice(previousEnd, start),
      });
      previousEnd = start + group[0].length;
    }
    spans.push({
      start: match.index,
      end: match.index + match[0].length,
      plus: match[0].startsWith("+"),
      groups,
    });
  }
  return spans;
}
