/**
 * The name a customer gives for themselves ("I am Maria", "меня зовут Мария", "اسمي مريم"), by rules: the
 * offline model's way, and what fills the contact when no model answers. Pure and local.
 *
 * Precision over recall: a wrong name on a patient's record is worse than none (staff add it), so the
 * loose phrasings ("I am …", "Я …", "call me …") take only a capitalised word that is not a known
 * non-name ("I am Sick", "Я Вам писала"); the explicit ones ("my name is", "меня зовут", "اسمي") take any case.
 * Arabic "أنا …" is not read at all: it has no capitals to tell "أنا مريم" from "أنا مريض" (I am sick).
 */

const LETTER = "\\p{L}\\p{M}";
/** A name word: starts with a letter, then letters, marks, apostrophes or hyphens; 2–30 characters. */
const WORD = `[\\p{L}][${LETTER}'’-]{1,29}`;
/** Not preceded by a letter: \b does not know Cyrillic or Arabic. */
const START = "(?<![\\p{L}\\p{M}])";
const END = `(?![${LETTER}'’])`;

/** Words that follow "I am" / "Я" / "my name is" but are not names (lower-cased). */
const NOT_NAMES = new Set(
  [
    // English
    "a an the not no so very really just also still here there back home fine ok okay good great well sure",
    "sorry glad happy sad sick ill unwell pregnant allergic diabetic worried afraid scared tired interested",
    "looking trying going calling writing asking wondering hoping thinking waiting coming planning having",
    "feeling getting booking searching contacting from at in on with for to of about new old your his her",
    "their our my mr mrs ms dr doctor patient client customer mother father mom mum dad son daughter wife husband",
    "russian american english british german french italian spanish ukrainian arab arabic free available",
    "busy late early ready done calling this that it what who",
    // Russian
    "не ни бы же вот тут там здесь хочу хотел хотела хотела бы могу можно могла мог был была буду",
    "вам вас вы ваш ваша вашего тебе тебя ты он она мы они его ее её их сам сама",
    "пишу писала писал звоню звонила звонил хотим записаться записалась записался уже еще ещё тоже",
    "очень так просто только сейчас завтра сегодня вчера из от по на в с к у о об для",
    "болею болела болен больна беременна пациент пациентка клиент клиентка мама папа врач доктор",
    "интересуюсь ищу думаю жду хотела хотел нахожусь живу работаю",
    // Arabic
    "هو هي أنا انا و في من على عن مع",
  ]
    .join(" ")
    .split(/\s+/),
);

/** Pronouns that start sentences; "I am" / "Я" before them is not an introduction. */
const isNotName = (word: string) => NOT_NAMES.has(word.toLowerCase());
const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);

function asName(word: string): string {
  return isCapitalised(word) || !/\p{Ll}/u.test(word[0] ?? "")
    ? word
    : `${word[0]!.toUpperCase()}${word.slice(1)}`;
}

interface Pattern {
  lead: RegExp;
  /** The name must be written with a capital (for the loose phrasings). */
  capitalised: boolean;
}

const pattern = (lead: string, capitalised: boolean): Pattern => ({
  lead: new RegExp(`${START}(?:${lead})\\s*[:—–-]?\\s*(?:(?:هو|هي)\\s+)?(${WORD})${END}`, "giu"),
  capitalised,
});

/** Explicit first, so "I'm writing, my name is Anna" finds Anna. */
const PATTERNS: Pattern[] = [
  pattern(
    "my name(?:'s|’s| is)|name is|меня зовут|зовут меня|(?:моё|мое) имя|(?:أنا |انا )?(?:اسمي|إسمي)",
    false,
  ),
  pattern("i am|i'm|i’m|im|call me|я|это я", true),
];

/** A surname right after the name: a second capitalised word that is not a known non-name. */
const SURNAME = new RegExp(`^\\s+(${WORD})${END}`, "u");

/**
 * The name the customer gave in `text` ("Maria", "Мария Иванова", "مريم"), or null. First match wins; a
 * possessive ("I am Maria's mother") is not an introduction of oneself.
 */
export function extractCustomerName(text: string): string | null {
  const normalized = text.normalize("NFC").replace(/\s+/g, " ");
  for (const { lead, capitalised } of PATTERNS) {
    lead.lastIndex = 0;
    for (let match = lead.exec(normalized); match; match = lead.exec(normalized)) {
      const word = match[1] ?? "";
      const after = normalized.slice(match.index + match[0].length);
      if (isNotName(word) || /['’]s$/iu.test(word)) continue;
      if (capitalised && !isCapitalised(word)) continue;
      const surname = SURNAME.exec(after)?.[1];
      const full =
        surname && isCapitalised(surname) && !isNotName(surname) && isCapitalised(word)
          ? `${word} ${surname}`
          : asName(word);
      return full.replace(/[-'’]+$/u, "");
    }
  }
  return null;
}

/**
 * Whether a name a model wrote is usable on the record: short, letters (any script) with spaces,
 * hyphens, apostrophes and dots, no digits, no "@".
 */
export function isPlausibleName(name: string): boolean {
  const trimmed = name.trim();
  return (
    trimmed.length >= 2 &&
    trimmed.length <= 60 &&
    /^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u.test(trimmed) &&
    trimmed.split(/\s+/).length <= 4
  );
}
