import type { TextRange } from "./mask-ranges";

const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'«»]+/giu;
// Links whose digits are a phone number on purpose: wa.me/<number>, api.whatsapp.com/send?phone=<number>.
const PHONE_LINK = /^(?:https?:\/\/)?(?:www\.)?(?:wa\.me|(?:api\.)?whatsapp\.com)\//iu;

/** URLs whose digits are ids or paths, not phone numbers. */
export function findNonPhoneUrls(text: string): TextRange[] {
  return Array.from(text.matchAll(URL))
    .filter((match) => !PHONE_LINK.test(match[0]))
    .map((match) => ({ start: match.index, end: match.index + match[0].length }));
}
