import { safetyNetParts, type HandoffCause } from "./handoff-summary";

/** The languages staff read hand-over reasons in (console, alert chats). */
export type CauseLanguage = "en" | "ru";

const SENT_KINDS = {
  en: {
    photo: "a photo",
    video: "a video",
    audio: "an audio file",
    voice: "a voice message",
    sticker: "a sticker",
    file: "a file",
    location: "a location",
    contact: "a contact card",
  },
  ru: {
    photo: "фото",
    video: "видео",
    audio: "аудиофайл",
    voice: "голосовое сообщение",
    sticker: "стикер",
    file: "файл",
    location: "геопозицию",
    contact: "контакт",
  },
} satisfies Record<CauseLanguage, Record<string, string>>;

/** The safety net's categories as a hand-over reason names them. */
export const SAFETY_NET_CATEGORY_WORDS = {
  en: {
    urgent: "urgent situation",
    abuse: "abuse",
    medication: "medication",
    symptoms: "symptoms",
    pregnancy: "pregnancy or breastfeeding",
    test_results: "test results",
    children: "children's symptoms",
  },
  ru: {
    urgent: "экстренный случай",
    abuse: "оскорбления или угрозы",
    medication: "лекарства и дозировки",
    symptoms: "симптомы",
    pregnancy: "беременность или кормление",
    test_results: "анализы и снимки",
    children: "симптомы у ребёнка",
  },
} satisfies Record<CauseLanguage, Record<string, string>>;

const SAFETY_NET = { en: "Safety net", ru: "Проверка безопасности" } as const;
const QUOTES = { en: ["\u0022", "\u0022"], ru: ["«", "»"] } as const;

const wordsOf = (words: Record<string, string>, key: string): string | undefined =>
  Object.hasOwn(words, key) ? words[key] : undefined;

/** "a photo" / "фото"; a kind without words reads as a message. */
export function sentKind(kind: string, language: CauseLanguage): string {
  return wordsOf(SENT_KINDS[language], kind) ?? (language === "en" ? "a message" : "сообщение");
}

/** A safety-net category in the reader's words; one this version does not know stays as stored. */
export function safetyNetCategoryLabel(category: string, language: CauseLanguage): string {
  return wordsOf(SAFETY_NET_CATEGORY_WORDS[language], category) ?? category;
}

/** `Safety net: medication ("ibuprofen", "how much"); symptoms ("rash")` in the reader's language. */
function safetyNetWords(cause: HandoffCause, language: CauseLanguage): string {
  const [open, close] = QUOTES[language];
  const parts = safetyNetParts(cause).map(({ category, words }) => {
    const label = safetyNetCategoryLabel(category, language);
    const quoted = words.map((word) => `${open}${word}${close}`).join(", ");
    return quoted ? `${label} (${quoted})` : label;
  });
  const net = `${SAFETY_NET[language]}: ${parts.join("; ")}`;
  return cause.lead ? `${cause.lead}; ${net}` : net;
}

/** A hand-over's cause (see HANDOFF_CAUSES) as a sentence in the reader's language. */
export function causeWords(cause: HandoffCause, language: CauseLanguage): string {
  const en = language === "en";
  switch (cause.code) {
    case "unreadable_message":
      return en
        ? `The customer sent ${sentKind(cause.kind, "en")} the agent cannot read`
        : `Клиент прислал ${sentKind(cause.kind, "ru")}: агент не может это прочитать`;
    case "keyword":
      return en
        ? `Keyword "${cause.detail ?? ""}" (${cause.kind})`
        : `Ключевое слово «${cause.detail ?? ""}» (${cause.kind})`;
    case "contact_shared":
      if (cause.kind === "email")
        return en ? "The customer shared an e-mail address" : "Клиент оставил адрес e-mail";
      return en ? "The customer shared a phone number" : "Клиент оставил номер телефона";
    case "safety_net":
      return safetyNetWords(cause, language);
  }
}
