import { defineMessages } from "~/i18n/define";

export const resolve = defineMessages(
  {
    button: "Resolve",
    buttonLabel: (customer: string) => `Resolve the conversation with ${customer}`,
    resolved: "Resolved",
    failed: "Could not resolve it",
    offer: {
      title: "Resolve the conversation too?",
      body: (stage: string) =>
        `“${stage}” is a final stage: the business of this conversation is done. Resolving takes it out of the queue; the customer’s next message reopens it.`,
      confirm: "Resolve",
      skip: "Not now",
    },
    snooze: {
      label: "Snooze",
      choose: "Snooze until…",
      oneHour: "In 1 hour",
      threeHours: "In 3 hours",
      tomorrow: "Tomorrow 9:00",
      nextWeek: "Next Monday 9:00",
      wake: "Wake now",
      until: (time: string) => `Snoozed until ${time}`,
      note: "Out of its queue (Needs human or Human active) until then; the customer writing brings it back at once.",
    },
    woke: {
      title: "A snoozed conversation is back",
      open: "Open the conversation",
      dismiss: "Dismiss",
    },
  },
  {
    button: "Решить",
    buttonLabel: (customer: string) => `Отметить диалог с ${customer} решённым`,
    resolved: "Решён",
    failed: "Не удалось отметить решённым",
    offer: {
      title: "Отметить диалог решённым?",
      body: (stage: string) =>
        `«${stage}» — финальный этап: дело по этому диалогу сделано. Решённый диалог уходит из очереди; новое сообщение клиента откроет его снова.`,
      confirm: "Решить",
      skip: "Не сейчас",
    },
    snooze: {
      label: "Отложить",
      choose: "Отложить до…",
      oneHour: "На 1 час",
      threeHours: "На 3 часа",
      tomorrow: "Завтра в 9:00",
      nextWeek: "В понедельник в 9:00",
      wake: "Вернуть сейчас",
      until: (time: string) => `Отложен до ${time}`,
      note: "До этого времени диалога нет в его очереди («Нужен человек» или «Отвечает человек»); сообщение клиента сразу вернёт его.",
    },
    woke: {
      title: "Отложенный диалог вернулся",
      open: "Открыть диалог",
      dismiss: "Закрыть",
    },
  },
);
