import type { HandoffCause } from "@agents-crm/config/handoff-summary";

export type { HandoffCause };

/** Escalation types (the agent config's, plus the product's own) as staff read them. */
export const ESCALATION_TYPES = {
  en: {
    urgent: "Urgent",
    medical: "Medical",
    booking: "Booking",
    repeat_patient: "Returning customer",
    contact: "Contact details shared",
    moderation: "Moderation",
    custom: "Custom rule",
    unreadable_message: "Message the agent cannot read",
  },
  ru: {
    urgent: "Срочно",
    medical: "Медицинский вопрос",
    booking: "Запись",
    repeat_patient: "Повторный клиент",
    contact: "Оставлены контакты",
    moderation: "Модерация",
    custom: "Своё правило",
    unreadable_message: "Сообщение, которое агент не может прочитать",
  },
} satisfies Record<"en" | "ru", Record<string, string>>;

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
} satisfies Record<"en" | "ru", Record<string, string>>;

/** "a photo" / "фото"; a kind without words reads as a message. */
export function sentKind(kind: string, language: "en" | "ru"): string {
  const words: Record<string, string> = SENT_KINDS[language];
  return Object.hasOwn(words, kind)
    ? (words[kind] as string)
    : language === "en"
      ? "a message"
      : "сообщение";
}

/** An escalation type in the reader's words; one the product does not know stays as stored. */
export function escalationTypeLabel(type: string, language: "en" | "ru"): string {
  const words: Record<string, string> = ESCALATION_TYPES[language];
  return Object.hasOwn(words, type) ? (words[type] as string) : type;
}

/** A hand-over's cause (see HANDOFF_CAUSES) as a sentence in the reader's language. */
export function causeWords(cause: HandoffCause, language: "en" | "ru"): string {
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
  }
}
