import type { HandoffCause } from "@agents-crm/config/handoff-summary";

export type { HandoffCause };
// Shared with the API's alert chats, which word hand-overs in their own language.
export {
  causeWords,
  safetyNetCategoryLabel,
  sentKind,
} from "@agents-crm/config/handoff-cause-words";

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

/** An escalation type in the reader's words; one the product does not know stays as stored. */
export function escalationTypeLabel(type: string, language: "en" | "ru"): string {
  const words: Record<string, string> = ESCALATION_TYPES[language];
  return Object.hasOwn(words, type) ? (words[type] as string) : type;
}
