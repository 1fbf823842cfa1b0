import { defineMessages } from "~/i18n/define";

/** The staff copilot: suggested replies and translations on the conversation page. */
export const copilot = defineMessages(
  {
    suggest: "Suggest a reply",
    improve: "Improve my draft",
    stop: "Stop",
    suggesting: "Drafting a reply…",
    suggestingOffline: "Drafting a reply with the offline model…",
    suggested:
      "A suggested reply is in the box: read and edit it before sending. Nothing was sent.",
    suggestedOffline:
      "A suggested reply from the offline model (no LLM configured) is in the box: read and edit it before sending. Nothing was sent.",
    stopped: "Stopped. What was drafted so far is in the box.",
    suggestFailed: (error: string) => `No suggestion: ${error}`,
    translateDraft: (language: string) => `Translate to ${language}`,
    customerLanguage: "the customer's language",
    translating: "Translating…",
    translatedDraft: (language: string) =>
      `Translated to ${language}: review it before sending. Nothing was sent.`,
    undo: "Undo translation",
    translateFailed: (error: string) => `Not translated: ${error}`,
    needsModel:
      "Translation needs a configured model (OPENAI_API_KEY); the offline model cannot translate.",
    offlineHint: "Offline model: suggestions only, no translation.",
    tooMany: "Too many suggestions and translations at once; wait a moment.",
    failed: "the server could not do it; try again",
    translateMessage: "Translate",
    hideTranslation: "Hide translation",
    translation: (from: string) => `Translation from ${from}`,
    translationAria: "Translation",
  },
  {
    suggest: "Предложить ответ",
    improve: "Улучшить черновик",
    stop: "Остановить",
    suggesting: "Пишу черновик ответа…",
    suggestingOffline: "Пишу черновик ответа офлайн-моделью…",
    suggested:
      "Предложенный ответ — в поле ввода: прочитайте и поправьте его перед отправкой. Ничего не отправлено.",
    suggestedOffline:
      "Ответ от офлайн-модели (LLM не настроена) — в поле ввода: прочитайте и поправьте его перед отправкой. Ничего не отправлено.",
    stopped: "Остановлено. Написанное до этого момента — в поле ввода.",
    suggestFailed: (error: string) => `Нет предложения: ${error}`,
    translateDraft: (language: string) => `Перевести: ${language}`,
    customerLanguage: "язык клиента",
    translating: "Перевожу…",
    translatedDraft: (language: string) =>
      `Переведено (${language}): проверьте перед отправкой. Ничего не отправлено.`,
    undo: "Отменить перевод",
    translateFailed: (error: string) => `Не переведено: ${error}`,
    needsModel:
      "Для перевода нужна настроенная модель (OPENAI_API_KEY): офлайн-модель не умеет переводить.",
    offlineHint: "Офлайн-модель: только черновики, без перевода.",
    tooMany: "Слишком много черновиков и переводов подряд; подождите немного.",
    failed: "сервер не смог это сделать; попробуйте ещё раз",
    translateMessage: "Перевести",
    hideTranslation: "Скрыть перевод",
    translation: (from: string) => `Перевод с языка: ${from}`,
    translationAria: "Перевод",
  },
);
