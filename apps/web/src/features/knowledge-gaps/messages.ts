import { defineMessages } from "~/i18n/define";

export const knowledgeGaps = defineMessages(
  {
    title: "Knowledge gaps",
    intro:
      "Questions customers asked that this agent’s knowledge did not answer (nothing matched above its relevance threshold, or the model failed and the customer got the fallback text). Similar questions are grouped; the most asked come first. Add the answer to the knowledge, then dismiss the group.",
    loading: "Loading knowledge gaps…",
    loadFailed: "Could not load the knowledge gaps.",
    empty:
      "No knowledge gaps. Questions the agent cannot answer from its knowledge will appear here.",
    asked: {
      one: "asked # time",
      few: "asked # times",
      many: "asked # times",
      other: "asked # times",
    },
    lastAsked: (when: string) => `last ${when}`,
    examples: "Examples",
    reasons: {
      no_knowledge: "nothing in the knowledge",
      fallback: "fallback answer",
    },
    openConversation: "Open the conversation",
    addToKnowledge: "Add to knowledge",
    dismiss: "Dismiss",
    dismissing: "Dismissing…",
    dismissed: "Dismissed. If customers ask again, it comes back.",
    dismissFailed: "Could not dismiss it:",
    notForRole: "Knowledge gaps are for owners and admins.",
  },
  {
    title: "Пробелы в знаниях",
    intro:
      "Вопросы клиентов, на которые знания агента не ответили (ничего не нашлось выше порога релевантности или модель не ответила и клиент получил запасной текст). Похожие вопросы собраны в группы, самые частые — первыми. Добавьте ответ в знания и закройте группу.",
    loading: "Загружаем пробелы в знаниях…",
    loadFailed: "Не удалось загрузить пробелы в знаниях.",
    empty:
      "Пробелов в знаниях нет. Здесь появятся вопросы, на которые агент не может ответить по своим знаниям.",
    asked: {
      one: "спросили # раз",
      few: "спросили # раза",
      many: "спросили # раз",
      other: "спросили # раза",
    },
    lastAsked: (when: string) => `последний раз ${when}`,
    examples: "Примеры",
    reasons: {
      no_knowledge: "в знаниях ничего нет",
      fallback: "запасной ответ",
    },
    openConversation: "Открыть диалог",
    addToKnowledge: "Добавить в знания",
    dismiss: "Закрыть",
    dismissing: "Закрываем…",
    dismissed: "Закрыто. Если клиенты спросят снова, вопрос вернётся.",
    dismissFailed: "Не удалось закрыть:",
    notForRole: "Пробелы в знаниях доступны владельцам и администраторам.",
  },
);
