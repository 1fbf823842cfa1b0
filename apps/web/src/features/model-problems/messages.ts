import { defineMessages } from "~/i18n/define";

/** What the model server showed while serving calls, with the fix (agent page, agents list). */
export const modelProblems = defineMessages(
  {
    title: "Model server problems",
    note: "Seen by this server process since it started; fix and restart or wait for the next call.",
    modelNotFound: (model: string, server: string, models: string) =>
      models
        ? `Model '${model}' not found on ${server} — set OPENAI_MODEL or the agent's model to one of: ${models}`
        : `Model '${model}' not found on ${server} — set OPENAI_MODEL or the agent's model to a model it serves.`,
    moderationUnavailable: (server: string) =>
      `${server} has no moderation endpoint: moderation is skipped.`,
    structuredFallback: (model: string, server: string, mode: string) =>
      `No json_schema support for '${model}' on ${server}: falling back to ${mode}.`,
    usageMissing: (model: string, server: string) =>
      `${server} reports no token usage for '${model}': usage and cost are estimated.`,
    seen: (count: number, at: string) => `Seen ${count}×, last ${at}`,
  },
  {
    title: "Проблемы сервера модели",
    note: "Замечено этим процессом сервера с его запуска; исправьте и перезапустите или дождитесь следующего вызова.",
    modelNotFound: (model: string, server: string, models: string) =>
      models
        ? `Модель '${model}' не найдена на ${server} — укажите в OPENAI_MODEL или в модели агента одну из: ${models}`
        : `Модель '${model}' не найдена на ${server} — укажите в OPENAI_MODEL или в модели агента модель, которую он обслуживает.`,
    moderationUnavailable: (server: string) =>
      `У ${server} нет эндпоинта модерации: модерация пропускается.`,
    structuredFallback: (model: string, server: string, mode: string) =>
      `Нет поддержки json_schema для '${model}' на ${server}: используется ${mode}.`,
    usageMissing: (model: string, server: string) =>
      `${server} не сообщает расход токенов для '${model}': расход и стоимость оцениваются.`,
    seen: (count: number, at: string) => `Замечено ${count} раз, последний ${at}`,
  },
);
