import { foldText } from "./fold-text";
import type { FoundPhone, PhoneReader } from "./phone-reader";

/**
 * Words are indexed with their prefixes from MIN_PREFIX letters, so "Мари" finds "Мария" and "consult"
 * finds "consultation". Shorter prefixes would put most of the index in a few huge partitions ("ma",
 * "co") and match almost everything; past MAX_PREFIX letters a typed word is nearly always whole, and
 * each extra length costs one more index write per long word. A query word longer than MAX_PREFIX
 * therefore matches whole words only.
 */
export const MIN_PREFIX = 3;
export const MAX_PREFIX = 10;
/** A phone is also findable by its last digits, from this many (a local number without the area code). */
export const MIN_PHONE_SUFFIX = 7;
/** Bound on one piece of text (a very long message): words past it are not indexed. */
export const MAX_TERMS_PER_TEXT = 1000;
/** A query is cut to this many terms (each one is a read). */
export const MAX_QUERY_TERMS = 6;
/**
 * Only the start of a very long text is indexed: phone reading over a 200 KB message took 46 s (it is
 * not linear in the text), and a person searches for what a chat message says, not for page 40 of a
 * pasted document. Real chat messages are far shorter than this.
 */
export const MAX_INDEXED_CHARS = 16_000;

const WORD = /[\p{L}\p{N}]+/gu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const PHONE_RUN = /\+?\d[\d\s().-]{5,22}\d/g;
const UUID = /^#?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const DIGITS = /^\d+$/;

/** What the inbox shows of a conversation id ("#8c5c2a", apps/web `shortId`): its last 6 characters. */
export const shortConversationId = (id: string): string => id.slice(-6).toLowerCase();

/**
 * Arabic writes the article and one-letter prepositions/conjunctions onto the word ("لتبييض" = "for
 * whitening", "والاسنان" = "and the teeth"): a word is also indexed without them (light stemming), so
 * the bare word finds it.
 */
const ARABIC_PROCLITIC = /^(?:وال|بال|كال|فال|لل|ال|و|ف|ب|ل|ك)(?=\p{Script=Arabic}{3})/u;

/**
 * A longer "word" (a pasted hash, base64, a key-mash) is kept only by its prefixes: nobody types it
 * whole, and as a DynamoDB partition key it could pass the 2,048-byte limit and fail the message's write.
 */
export const MAX_WORD_CHARS = 64;
const MAX_EMAIL_CHARS = 254;

function wordAndPrefixes(word: string, into: Set<string>): void {
  if (word.length <= MAX_WORD_CHARS) into.add(word);
  const chars = [...word];
  for (let n = MIN_PREFIX; n < Math.min(chars.length, MAX_PREFIX + 1); n++) {
    into.add(chars.slice(0, n).join(""));
  }
}

function wordTerms(word: string, into: Set<string>): void {
  if (word.length < 2 && !DIGITS.test(word)) return;
  if (DIGITS.test(word)) {
    if (word.length <= MAX_WORD_CHARS) into.add(word);
    return;
  }
  wordAndPrefixes(word, into);
  const bare = word.replace(ARABIC_PROCLITIC, "");
  if (bare !== word) wordAndPrefixes(bare, into);
}

/** E.164 digits, national-format digits and the last 7+ digits: "+7 912…", "8 912…", "912 345…" all meet. */
export function phoneTerms(
  phones: readonly FoundPhone[],
  into: Set<string> = new Set(),
): Set<string> {
  for (const phone of phones) {
    const digits = phone.e164.replace(/\D/g, "");
    into.add(digits);
    if (phone.nationalDigits) into.add(phone.nationalDigits);
    for (let n = MIN_PHONE_SUFFIX; n < digits.length; n++) into.add(digits.slice(-n));
  }
  return into;
}

/** Every term a piece of text is found by: words and their prefixes, e-mails (whole and local part), phones. */
export function textTerms(full: string, readPhones: PhoneReader): string[] {
  const text = full.length > MAX_INDEXED_CHARS ? full.slice(0, MAX_INDEXED_CHARS) : full;
  const folded = foldText(text);
  const terms = new Set<string>();
  for (const [email] of folded.matchAll(EMAIL)) {
    if (email.length > MAX_EMAIL_CHARS) continue;
    terms.add(email);
    terms.add(email.slice(0, email.indexOf("@")));
  }
  phoneTerms(readPhones(text), terms);
  for (const [word] of folded.matchAll(WORD)) {
    if (terms.size >= MAX_TERMS_PER_TEXT) break;
    wordTerms(word, terms);
  }
  return [...terms].slice(0, MAX_TERMS_PER_TEXT);
}

/** A conversation's own terms: its full id and the short id the inbox shows. */
export function conversationIdTerms(conversationId: string): string[] {
  return [conversationId.toLowerCase(), shortConversationId(conversationId)];
}

/**
 * The digits a typed phone is looked up by. "00" is the international call prefix ("0049 151…" is
 * "+49 151…", as `normalizePhone` reads it): the index holds the E.164 digits without it, so the query
 * drops it too. National formats ("0151 …", "8 916 …") stay as typed: the index holds those digits.
 */
function phoneQueryDigits(run: string): string {
  const digits = run.replace(/\D/g, "");
  return run.startsWith("00") ? digits.slice(2) : digits;
}

/**
 * What a typed query looks up; every term must match (AND). A full id or e-mail is one term; a phone in
 * any format is its digits (the index holds E.164, national and trailing digits); words are looked up as
 * typed (folded), which matches whole words and, up to MAX_PREFIX letters, the start of longer ones.
 */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  let rest = foldText(query);
  rest = rest.replace(/\S+/g, (chunk) => {
    const id = UUID.exec(chunk);
    if (!id) return chunk;
    terms.add(id[1] as string);
    return " ";
  });
  rest = rest.replace(EMAIL, (email) => {
    if (email.length <= MAX_EMAIL_CHARS) terms.add(email);
    return " ";
  });
  rest = rest.replace(PHONE_RUN, (run) => {
    const digits = phoneQueryDigits(run);
    if (digits.length < MIN_PHONE_SUFFIX || digits.length > 15) return run;
    terms.add(digits);
    return " ";
  });
  for (const [word] of rest.matchAll(WORD)) {
    // Single letters are not indexed (see wordTerms); a word longer than MAX_WORD_CHARS only by its start.
    if (word.length > MAX_WORD_CHARS) terms.add([...word].slice(0, MAX_PREFIX).join(""));
    else if (word.length > 1 || DIGITS.test(word)) terms.add(word);
  }
  return [...terms].slice(0, MAX_QUERY_TERMS);
}
