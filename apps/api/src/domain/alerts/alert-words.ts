import type { HandoffSummaryWords } from "@agents-crm/config/handoff-summary";

/** The alert chat's words; the reason stays as the model wrote it (rules' causes are worded, see alert-text). */
export const ALERT_WORDS: Record<
  AlertLanguage,
  {
    escalated: string;
    stillWaiting: (minutes: number) => string;
    assignedToYou: (actor: string) => string;
    agent: string;
    reason: string;
    type: string;
    channel: string;
    conversation: string;
    summary: HandoffSummaryWords;
    types: Record<string, string>;
    channels: Record<string, string>;
    test: (appName: string, scope: string | null) => string;
  }
> = {
  en: {
    escalated: "🚨 A conversation needs a human",
    stillWaiting: (minutes) => `⏰ Still waiting for a human (${minutes} min)`,
    assignedToYou: (actor) => `👤 ${actor} assigned a conversation to you`,
    agent: "Agent",
    reason: "Reason",
    type: "Type",
    channel: "Channel",
    conversation: "Conversation",
    summary: { want: "Wants", why: "Why", contacts: "Contacts" },
    types: {
      urgent: "urgent",
      medical: "medical question",
      booking: "booking",
      repeat_patient: "returning patient",
      contact: "contact details shared",
      moderation: "moderation",
      custom: "custom rule",
      none: "none",
    },
    channels: {
      web_chat: "web chat",
      instagram: "Instagram",
      telegram: "Telegram",
      whatsapp: "WhatsApp",
    },
    test: (appName, scope) =>
      `✅ Test notification from ${appName}: escalation alerts for ${
        scope === null ? "every agent" : `agents ${scope}`
      } will arrive in this chat.`,
  },
  ru: {
    escalated: "🚨 Диалогу нужен человек",
    stillWaiting: (minutes) => `⏰ Всё ещё ждёт человека (${minutes} мин)`,
    assignedToYou: (actor) => `👤 ${actor} назначил(а) вам разговор`,
    agent: "Агент",
    reason: "Причина",
    type: "Тип",
    channel: "Канал",
    conversation: "Диалог",
    summary: { want: "Хочет", why: "Почему", contacts: "Контакты" },
    types: {
      urgent: "срочно",
      medical: "медицинский вопрос",
      booking: "запись",
      repeat_patient: "повторный пациент",
      contact: "оставлены контакты",
      moderation: "модерация",
      custom: "своё правило",
      none: "нет",
    },
    channels: {
      web_chat: "веб-чат",
      instagram: "Instagram",
      telegram: "Telegram",
      whatsapp: "WhatsApp",
    },
    test: (appName, scope) =>
      `✅ Тестовое уведомление от ${appName}: сюда будут приходить оповещения об эскалациях ${
        scope === null ? "всех агентов" : `агентов ${scope}`
      }.`,
  },
};
import type { AlertLanguage } from "@agents-crm/config/notifications";
